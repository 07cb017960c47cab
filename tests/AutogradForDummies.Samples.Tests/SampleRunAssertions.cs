using FluentAssertions;

namespace AutogradForDummies.Samples.Tests;

/// <summary>Checks that the samples share: how they fail, and what --version prints.</summary>
internal static class SampleRunAssertions
{
    /// <summary>The run failed with exit code 1 and a clear message on the error output: no exception, no stack trace.</summary>
    public static void ShouldFailClearly(this SampleRun run, string messagePattern)
    {
        run.ExitCode.Should().Be(1, "the error output was: {0}", run.Error);
        run.Error.Should().Match(messagePattern);
        run.Error.Should().NotContain("Exception").And.NotContain("   at ");
    }

    /// <summary>The run printed the library's package version alone, such as "AutogradForDummies 1.0.0".</summary>
    public static void ShouldPrintTheLibraryVersion(this SampleRun run)
    {
        run.ExitCode.Should().Be(0);
        run.Error.Should().BeEmpty();
        run.Output.TrimEnd().Should().Be("AutogradForDummies " + SampleVersion.PackageVersion(typeof(Scalar).Assembly));
        run.Output.Should().MatchRegex(@"^AutogradForDummies \d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\r?\n$").And.NotContain("+");
    }
}
