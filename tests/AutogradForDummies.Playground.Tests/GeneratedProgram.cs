using AutogradForDummies.Playground.Tests.Browser;
using FluentAssertions;

namespace AutogradForDummies.Playground.Tests;

/// <summary>Runs a generated train.cs as a learner would, with <c>dotnet run train.cs</c>.</summary>
internal static class GeneratedProgram
{
    /// <summary>Saves <paramref name="program"/> under artifacts/ (inside the repository, so that the repository's
    /// strict build settings apply to it too), points its <c>#:project</c> line at the library from there, runs it
    /// and returns the lines it printed.</summary>
    public static async Task<string[]> RunAsync(string program, string name)
    {
        string folder = Repository.Path($"artifacts/generated-programs/{name}");
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "train.cs");
        string relocated = program.Replace("#:project src/AutogradForDummies", "#:project ../../../src/AutogradForDummies", StringComparison.Ordinal);
        relocated.Should().NotBe(program, "the program references the library with #:project src/AutogradForDummies");
        await File.WriteAllTextAsync(file, relocated);

        var (exit, output) = await ProcessRunner.RunAsync("dotnet", ["run", "train.cs"], folder, TimeSpan.FromMinutes(5));
        exit.Should().Be(0, "dotnet run train.cs must build and run:\n" + output);
        // The program's own lines; the build may print warnings about the clone (such as a missing remote) before them.
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("step ", StringComparison.Ordinal))
            .ToArray();
    }
}
