using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Docs;

/// <summary>
/// A few real <c>dotnet run docs/...cs</c> commands, to prove that the commands the pages show work from a clone
/// with only the SDK. (Every example and exercise is also compiled and run in-process, which is much faster.)
/// </summary>
public sealed class DotnetRunTests
{
    [Fact]
    public async Task An_example_runs_with_the_command_its_page_shows_and_prints_its_text_block()
    {
        var block = MarkdownCodeBlocks.Parse(File.ReadAllText(Repository.FullPath("docs/02-chain-rule.md")))
            .First(b => b.ExampleFile is not null && b.ExpectedOutput is not null);

        var (exitCode, output, error) = await DotnetRun.RunAsync(block.ExampleFile!, TestContext.Current.CancellationToken);

        exitCode.Should().Be(0, error);
        SnippetRunner.Normalize(DotnetRun.WithoutBuildMessages(output)).Should().Be(SnippetRunner.Normalize(block.ExpectedOutput!));
    }

    [Fact]
    public async Task An_edited_example_with_an_unused_using_and_an_unused_variable_still_runs()
    {
        // What a learner's first edit often looks like. In the repository's own projects both are build errors.
        var original = ProgramFile.Read("docs/examples/01-gradient-with-scalar.cs");
        var lines = original.Body.Split('\n').ToList();
        int firstStatement = lines.FindIndex(line => line.Length > 0 && !line.StartsWith("using ", StringComparison.Ordinal));
        lines.Insert(firstStatement, "int unused = 42;");
        lines.Insert(0, "using System.Globalization;");
        // In a folder of its own inside docs/examples (which has the relaxed settings), so that the other tests,
        // which run at the same time, never see it among the examples. The same path every time, so that the SDK
        // reuses its build folder for it instead of leaving a new one behind on every test run.
        const string folder = "docs/examples/edited-by-the-tests";
        string path = folder + "/edited.cs";
        string edited = "#:project ../../../" + ProgramFile.LibraryProject + "\n\n" + string.Join('\n', lines) + "\n";
        Directory.CreateDirectory(Repository.FullPath(folder));
        await File.WriteAllTextAsync(Repository.FullPath(path), edited, TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output, error) = await DotnetRun.RunAsync(path, TestContext.Current.CancellationToken);

            exitCode.Should().Be(0, error);
            DotnetRun.WithoutBuildMessages(output).Should().StartWith("d = 4");
            (output + error).Should().Contain("CS0219", "the unused variable is reported, as a warning");
        }
        finally
        {
            Directory.Delete(Repository.FullPath(folder), recursive: true);
        }
    }

    [Fact]
    public async Task An_untouched_exercise_runs_with_its_command_and_fails_with_exit_code_1()
    {
        var (exitCode, output, error) = await DotnetRun.RunAsync("docs/exercises/02-backprop-by-hand.cs", TestContext.Current.CancellationToken);

        exitCode.Should().Be(1, error);
        DotnetRun.WithoutBuildMessages(output).Should().Contain("FAIL  ∂/∂L = ?").And.Contain("hint:");
    }
}
