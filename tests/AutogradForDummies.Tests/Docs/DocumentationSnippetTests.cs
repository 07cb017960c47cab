using System.Text;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Docs;

/// <summary>
/// Every ```csharp block in README.md and docs/**/*.md is a program that must compile and run, and print
/// exactly the ```text block that follows it. So the examples cannot drift away from the library. A block
/// whose page names its file (<c>dotnet run docs/examples/01-slope.cs</c> right above it) must be that file,
/// and it is the file that is compiled and run.
/// </summary>
public sealed class DocumentationSnippetTests
{
    public static IEnumerable<TheoryDataRow<string, int>> Snippets()
    {
        foreach (string file in Repository.MarkdownFiles())
        {
            foreach (var block in MarkdownCodeBlocks.Parse(File.ReadAllText(Repository.FullPath(file))))
            {
                var row = new TheoryDataRow<string, int>(file, block.Number)
                {
                    TestDisplayName = $"{file} block {block.Number} (line {block.Line})",
                };
                if (block.IsSkipped)
                {
                    row.Skip = $"The fence is marked '{block.Info}'.";
                }

                yield return row;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_compiles_runs_and_prints_its_expected_output(string file, int number)
    {
        var block = FindBlock(file, number);
        string where = $"{file}, block {number} (line {block.Line})";

        byte[]? image;
        if (block.ExampleFile is { } path)
        {
            File.Exists(Repository.FullPath(path)).Should().BeTrue($"{where} says it is run by `dotnet run {path}`");
            var program = ProgramFile.Read(path);
            if (program.Body != block.Code.TrimEnd('\n'))
            {
                Assert.Fail(DescribeMismatch($"{where} is not the program of {path} (after its #: lines)", "shows", "file has", block.Code, program.Body));
            }

            where = $"{path}, shown by {where}";
            (image, var problems) = SnippetRunner.Compile(program);
            if (image is null)
            {
                Assert.Fail($"{where} does not compile cleanly:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
            }
        }
        else
        {
            (image, var problems) = SnippetRunner.Compile(block.Code);
            if (image is null)
            {
                Assert.Fail(
                    $"{where} does not compile cleanly (Snippet.cs line 1 is line {block.Line + 1} of {file}):{Environment.NewLine}" +
                    string.Join(Environment.NewLine, problems));
            }
        }

        var (output, error) = SnippetRunner.Run(image);
        if (error is not null)
        {
            Assert.Fail($"{where} threw {error}{Environment.NewLine}Output before that:{Environment.NewLine}{output}");
        }

        if (block.ExpectedOutput is not null)
        {
            string actual = SnippetRunner.Normalize(output);
            string expected = SnippetRunner.Normalize(block.ExpectedOutput);
            if (actual != expected)
            {
                Assert.Fail(DescribeMismatch($"{where} printed something else than its text block", "expected", "actual", expected, actual));
            }
        }
    }

    [Fact]
    public void The_readme_and_every_numbered_page_have_a_csharp_block()
    {
        var files = Repository.MarkdownFiles();
        files.Should().Contain("README.md");
        var numbered = files.Where(f => Repository.NumberedPage().IsMatch(f)).ToList();
        numbered.Should().NotBeEmpty("the guide's pages are docs/01-....md, docs/02-....md and so on");

        foreach (string file in numbered.Prepend("README.md"))
        {
            MarkdownCodeBlocks.Parse(File.ReadAllText(Repository.FullPath(file)))
                .Should().NotBeEmpty($"{file} should show runnable C#");
        }
    }

    [Fact]
    public void The_guide_pages_are_numbered_without_gaps()
    {
        var numbers = Repository.MarkdownFiles()
            .Select(f => Repository.NumberedPage().Match(f))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Order()
            .ToList();

        numbers.Should().Equal(Enumerable.Range(1, numbers.Count), "docs/README.md links the pages in order, 01, 02, ...");
    }

    private static CodeBlock FindBlock(string file, int number)
    {
        var blocks = MarkdownCodeBlocks.Parse(File.ReadAllText(Repository.FullPath(file)));
        return blocks.Single(b => b.Number == number);
    }

    /// <summary>Says where two texts first differ, then shows the second one whole.</summary>
    internal static string DescribeMismatch(string what, string firstName, string secondName, string first, string second)
    {
        var e = first.Split('\n');
        var a = second.Split('\n');
        int line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line])
        {
            line++;
        }

        int width = Math.Max(firstName.Length, secondName.Length) + 1;
        var sb = new StringBuilder();
        sb.Append(what).Append("; the first difference is on line ").Append(line + 1).AppendLine(":")
            .Append("  ").Append((firstName + ":").PadRight(width)).Append(' ').AppendLine(line < e.Length ? e[line] : "(end)")
            .Append("  ").Append((secondName + ":").PadRight(width)).Append(' ').AppendLine(line < a.Length ? a[line] : "(end)")
            .Append("Whole text (").Append(secondName).AppendLine("):")
            .AppendLine(second);
        return sb.ToString();
    }
}
