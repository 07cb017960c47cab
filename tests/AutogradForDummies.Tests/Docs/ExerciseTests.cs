using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Docs;

/// <summary>
/// The guide's exercises: docs/exercises/NN-name.cs, which the learner edits and runs, and
/// docs/exercises/solutions/NN-name.cs. Each checker must pass its solution and fail the untouched exercise,
/// and the two files may differ only inside the regions marked for the learner's code.
/// </summary>
public sealed partial class ExerciseTests
{
    private const string Folder = "docs/exercises";
    private const string RegionStart = "// ---- Your code: from here ----";
    private const string RegionEnd = "// ---- Your code: up to here ----";

    public static TheoryData<string> Exercises()
    {
        var data = new TheoryData<string>();
        foreach (string name in ExerciseNames())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Exercises))]
    public void The_checker_passes_the_solution(string name)
    {
        var (output, exitCode) = Run($"{Folder}/solutions/{name}");

        output.Should().Contain("PASS").And.NotContain("FAIL", $"the solution of {name} should pass every check");
        exitCode.Should().Be(0, output);
    }

    [Theory]
    [MemberData(nameof(Exercises))]
    public void The_checker_fails_the_untouched_exercise_with_a_hint(string name)
    {
        var (output, exitCode) = Run($"{Folder}/{name}");

        output.Should().Contain("FAIL").And.Contain("hint:");
        exitCode.Should().Be(1, "a failed check makes the program's exit code 1");
    }

    [Theory]
    [MemberData(nameof(Exercises))]
    public void The_exercise_and_its_solution_differ_only_in_the_learners_code(string name)
    {
        var exercise = ProgramFile.Read($"{Folder}/{name}");
        var solution = ProgramFile.Read($"{Folder}/solutions/{name}");

        exercise.Directives.Should().Equal([exercise.ExpectedProjectDirective()]);
        solution.Directives.Should().Equal([solution.ExpectedProjectDirective()]);
        var (exerciseFrame, exerciseRegions) = SplitRegions(exercise.Body);
        var (solutionFrame, solutionRegions) = SplitRegions(solution.Body);
        exerciseRegions.Should().BePositive($"{name} should mark the learner's code with '{RegionStart}' and '{RegionEnd}'");
        solutionRegions.Should().Be(exerciseRegions);
        if (solutionFrame != exerciseFrame)
        {
            Assert.Fail(DocumentationSnippetTests.DescribeMismatch(
                $"{name} and its solution differ outside the learner's regions, so the checker the learner runs is not the one the tests prove",
                "exercise", "solution", exerciseFrame, solutionFrame));
        }

        exercise.Body.Should().Contain($"dotnet run {Folder}/{name}", "the file says how to run it");
    }

    [Fact]
    public void Every_exercise_has_the_same_checker_class()
    {
        var checkers = ExerciseNames()
            .SelectMany(name => new[] { $"{Folder}/{name}", $"{Folder}/solutions/{name}" })
            .Select(path => (path, checker: CheckerClass().Match(ProgramFile.Read(path).Body)))
            .ToList();

        checkers.Should().OnlyContain(c => c.checker.Success, "every exercise reports with the class Checker at its end");
        checkers.Select(c => c.checker.Value).Distinct(StringComparer.Ordinal).Should().ContainSingle("the Checker class is copied, not varied");
    }

    [Fact]
    public void Pages_1_to_8_end_with_a_your_turn_section_that_names_their_exercises()
    {
        var named = new List<string>();
        var pages = Repository.MarkdownFiles().Where(f => Repository.NumberedPage().IsMatch(f)).ToList();
        foreach (string page in pages)
        {
            string text = File.ReadAllText(Repository.FullPath(page)).ReplaceLineEndings("\n");
            int section = text.IndexOf("\n## Your turn", StringComparison.Ordinal);
            var commands = ExerciseCommand().Matches(section < 0 ? string.Empty : text[section..]).Select(m => m.Groups["name"].Value).ToList();
            int number = int.Parse(Repository.NumberedPage().Match(page).Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (number <= 8)
            {
                section.Should().BePositive($"{page} should have a '## Your turn' section");
                commands.Should().NotBeEmpty($"the '## Your turn' section of {page} should give `dotnet run {Folder}/NN-name.cs` commands");
                text[section..].Should().NotContain("\n## What to remember", $"'## Your turn' comes after 'What to remember' on {page}");
            }

            foreach (string name in commands)
            {
                File.Exists(Repository.FullPath($"{Folder}/{name}")).Should().BeTrue($"{page} names {Folder}/{name}");
                name.Should().StartWith($"{number:00}-", $"{page}'s exercises are numbered like the page");
            }

            named.AddRange(commands);
        }

        named.Distinct().Should().BeEquivalentTo(ExerciseNames(), "every exercise is given on its page");
    }

    private static (string Output, int ExitCode) Run(string path)
    {
        var (image, problems) = SnippetRunner.Compile(ProgramFile.Read(path));
        if (image is null)
        {
            Assert.Fail($"{path} does not compile cleanly:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        var (output, error, exitCode) = SnippetRunner.RunWithExitCode(image);
        if (error is not null)
        {
            Assert.Fail($"{path} threw {error}{Environment.NewLine}Output before that:{Environment.NewLine}{output}");
        }

        return (SnippetRunner.Normalize(output), exitCode);
    }

    // The file with the content of each learner's region removed, and the number of regions.
    private static (string Frame, int Regions) SplitRegions(string body)
    {
        var frame = new List<string>();
        int regions = 0;
        bool inside = false;
        foreach (string line in body.Split('\n'))
        {
            string trimmed = line.Trim();
            if (trimmed == RegionStart)
            {
                inside.Should().BeFalse("regions do not nest");
                inside = true;
                regions++;
                frame.Add(line);
            }
            else if (trimmed == RegionEnd)
            {
                inside.Should().BeTrue($"'{RegionEnd}' closes a region");
                inside = false;
                frame.Add(line);
            }
            else if (!inside)
            {
                frame.Add(line);
            }
        }

        inside.Should().BeFalse("every region is closed");
        return (string.Join('\n', frame), regions);
    }

    private static List<string> ExerciseNames() =>
        Directory.EnumerateFiles(Repository.FullPath(Folder), "*.cs")
            .Select(Path.GetFileName)
            .Select(name => name!)
            .Order(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"dotnet run docs/exercises/(?<name>[a-z0-9-]+\.cs)")]
    private static partial Regex ExerciseCommand();

    [GeneratedRegex(@"/// <summary>Prints PASS or FAIL[\s\S]*\z")]
    private static partial Regex CheckerClass();
}
