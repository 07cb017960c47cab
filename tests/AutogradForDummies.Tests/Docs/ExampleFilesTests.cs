using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Docs;

/// <summary>
/// The guide's examples are file-based programs in docs/examples, one per code block, each run from the
/// repository root with the command the page shows right above the block.
/// </summary>
public sealed partial class ExampleFilesTests
{
    private const string ExamplesFolder = "docs/examples";

    [Fact]
    public void Every_block_of_the_readme_the_numbered_pages_and_the_edge_values_names_the_example_file_that_runs_it()
    {
        var missing = new List<string>();
        foreach (string page in Repository.MarkdownFiles().Where(f => f is "README.md" or "docs/edge-values.md" || Repository.NumberedPage().IsMatch(f)))
        {
            foreach (var block in MarkdownCodeBlocks.Parse(File.ReadAllText(Repository.FullPath(page))))
            {
                if (block.ExampleFile is null || !block.ExampleFile.StartsWith(ExamplesFolder + "/", StringComparison.Ordinal))
                {
                    missing.Add($"{page} block {block.Number} (line {block.Line})");
                }
            }
        }

        missing.Should().BeEmpty($"each block needs `dotnet run {ExamplesFolder}/NN-name.cs` right above it, as a ```bash block or at the end of the paragraph before it");
    }

    [Fact]
    public void Every_example_file_is_shown_by_exactly_one_block()
    {
        var shown = Repository.MarkdownFiles()
            .SelectMany(page => MarkdownCodeBlocks.Parse(File.ReadAllText(Repository.FullPath(page))).Select(block => (page, block)))
            .Where(x => x.block.ExampleFile is not null)
            .GroupBy(x => x.block.ExampleFile!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => $"{x.page} block {x.block.Number}").ToList(), StringComparer.Ordinal);

        foreach (string file in ExampleFiles())
        {
            shown.Should().ContainKey(file, $"{file} should be shown on a page (or deleted)");
            shown[file].Should().ContainSingle($"{file} should be shown once, so that a page and its file are one source");
        }
    }

    [Fact]
    public void Every_example_file_references_the_library_project_and_nothing_else()
    {
        var files = ExampleFiles();
        files.Should().HaveCountGreaterThan(30);
        var skipped = ShownBySkippedBlocks().Select(x => x.Block.ExampleFile).ToHashSet(StringComparer.Ordinal);
        foreach (string path in files)
        {
            var file = ProgramFile.Read(path);
            Path.GetFileName(path).Should().MatchRegex(@"^((\d\d|readme)-[a-z0-9-]+|edge-values)\.cs$", "examples are named after their page");
            if (skipped.Contains(path))
            {
                // A block the tests cannot run (it needs a package they do not download) names that package instead.
                file.Directives.Should().ContainSingle().Which.Should().StartWith("#:package ", $"{path} is not run by the tests, so it needs something else than the library");
            }
            else
            {
                file.Directives.Should().Equal([file.ExpectedProjectDirective()], $"{path} should start with the one #:project line the guide explains");
            }
        }
    }

    [Fact]
    public void A_block_the_tests_skip_is_still_its_file()
    {
        var shown = ShownBySkippedBlocks();
        shown.Should().OnlyContain(x => x.Block.Info.Contains(':'), "a skipped block says why after a colon: ```csharp skip: needs ...");
        foreach (var (page, block) in shown)
        {
            ProgramFile.Read(block.ExampleFile!).Body.Should().Be(block.Code.TrimEnd('\n'), $"{page} block {block.Number} should show {block.ExampleFile}");
        }
    }

    [Fact]
    public void Examples_and_exercises_build_with_relaxed_settings_of_their_own()
    {
        // MSBuild takes the nearest Directory.Build.props, so this one replaces the repository's strict one
        // (warnings as errors, IDE0005 for unused usings, CA1305 and the other analyzers) for everything in docs/.
        string props = File.ReadAllText(Repository.FullPath("docs/Directory.Build.props"));
        props.Should().Contain("<TreatWarningsAsErrors>false</TreatWarningsAsErrors>")
            .And.Contain("<AnalysisLevel>none</AnalysisLevel>")
            .And.Contain("<InvariantGlobalization>true</InvariantGlobalization>")
            .And.NotContain("Import", "the repository's strict settings must not be imported");
    }

    [Fact]
    public void The_package_line_the_guide_gives_names_the_librarys_version()
    {
        string project = File.ReadAllText(Repository.FullPath(ProgramFile.LibraryProject));
        string version = VersionElement().Match(project).Groups["version"].Value;
        version.Should().NotBeEmpty("the library's project sets <Version>");

        File.ReadAllText(Repository.FullPath("docs/README.md")).Should().Contain($"#:package AutogradForDummies@{version}");
    }

    [Theory]
    [InlineData("dotnet run docs/examples/01-slope.cs", "docs/examples/01-slope.cs")]
    [InlineData("  dotnet run docs/exercises/03-backward.cs ", "docs/exercises/03-backward.cs")]
    [InlineData("dotnet run --project samples/Moons", null)]
    [InlineData("dotnet run docs/examples/01-slope.cs -- extra", null)]
    public void A_run_command_names_one_cs_file(string command, string? file) =>
        MarkdownCodeBlocks.RunCommandFile(command).Should().Be(file);

    [Fact]
    public void Every_picture_a_page_shows_exists()
    {
        var missing = new List<string>();
        foreach (string page in Repository.MarkdownFiles())
        {
            string folder = Path.GetDirectoryName(Repository.FullPath(page))!;
            foreach (Match link in PictureLink().Matches(File.ReadAllText(Repository.FullPath(page))))
            {
                if (!File.Exists(Path.Combine(folder, link.Groups["path"].Value)))
                {
                    missing.Add($"{page}: {link.Groups["path"].Value}");
                }
            }
        }

        missing.Should().BeEmpty("the pictures are drawn by `dotnet run --project samples/GuidePictures` and committed");
    }

    private static List<(string Page, CodeBlock Block)> ShownBySkippedBlocks() =>
        Repository.MarkdownFiles()
            .SelectMany(page => MarkdownCodeBlocks.Parse(File.ReadAllText(Repository.FullPath(page))).Select(block => (page, block)))
            .Where(x => x.block.IsSkipped && x.block.ExampleFile is not null)
            .ToList();

    private static List<string> ExampleFiles() =>
        Directory.EnumerateFiles(Repository.FullPath(ExamplesFolder), "*.cs")
            .Select(p => Path.GetRelativePath(Repository.Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"<Version>(?<version>[^<]+)</Version>")]
    private static partial Regex VersionElement();

    [GeneratedRegex(@"!\[[^\]]*\]\((?<path>[^)\s]+\.(png|svg))\)")]
    private static partial Regex PictureLink();
}
