using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Samples.Tests.Graph;

[Collection(ConsoleDefinition.Name)]
public sealed class ProgramTests
{
    [Fact]
    public void Help_describes_the_output_option_and_writes_nothing()
    {
        Directory.Exists("--help").Should().BeFalse();

        var run = SampleRun.Of("Graph", "--help");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("--output").And.Contain("--version").And.Contain("the guide's running example");
        Directory.Exists("--help").Should().BeFalse();
        Directory.Exists(Path.Combine("out", "graph")).Should().BeFalse();
    }

    [Fact]
    public void Version_prints_the_library_package_version() => SampleRun.Of("Graph", "--version").ShouldPrintTheLibraryVersion();

    [Fact]
    public void Writes_the_graph_into_the_output_folder_and_prints_the_values_and_gradients()
    {
        using var folder = new TemporaryFolder("afd-samples-");
        string output = folder.PathOf("graph");

        var run = SampleRun.Of("Graph", "--output", output);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("a: data =   1.5000   grad =   1.3500").And.Contain("d: data =  16.6750   grad =   1.0000");
        File.ReadAllText(Path.Combine(output, "graph.dot")).Should().StartWith("digraph");
        run.Output.Should().Contain("wrote " + Path.Combine(output, "graph.dot"));
    }

    [Fact]
    public void An_output_path_that_is_a_file_is_a_clear_error()
    {
        using var folder = new TemporaryFolder("afd-samples-");
        File.WriteAllText(folder.PathOf("a file"), "keep me");

        SampleRun.Of("Graph", "--output", folder.PathOf("a file")).ShouldFailClearly("*is a file*");

        File.ReadAllText(folder.PathOf("a file")).Should().Be("keep me");
    }

    [Fact]
    public void A_folder_in_the_way_of_graph_dot_is_a_clear_error()
    {
        using var folder = new TemporaryFolder("afd-samples-");
        Directory.CreateDirectory(Path.Combine(folder.FullName, "graph.dot"));

        SampleRun.Of("Graph", "--output", folder.FullName).ShouldFailClearly("*graph.dot*a folder of that name is in the way*");
    }

    [Fact]
    public void An_unknown_argument_is_a_clear_error()
    {
        var run = SampleRun.Of("Graph", "out/elsewhere");

        run.ShouldFailClearly("*Unrecognized command or argument 'out/elsewhere'*");
        Directory.Exists("out/elsewhere").Should().BeFalse();
    }
}
