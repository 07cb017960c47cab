using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Samples.Tests.Moons;

[Collection(ConsoleDefinition.Name)]
public sealed class MoonsDemoTests
{
    [Fact]
    public void Version_prints_the_library_package_version() => SampleRun.Of("Moons", "--version").ShouldPrintTheLibraryVersion();

    [Fact]
    public void A_few_steps_train_and_write_the_picture_and_the_model()
    {
        using var folder = new TemporaryFolder("afd-samples-");

        var run = SampleRun.Of("Moons", "--steps", "3", "--output", folder.FullName);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("step   0  loss ").And.Contain("final loss ");
        File.Exists(folder.PathOf("decision-boundary.png")).Should().BeTrue();
        File.Exists(folder.PathOf("model.json")).Should().BeTrue();
    }

    [Fact]
    public void An_exploding_loss_is_reported_as_diverged_and_nothing_is_written()
    {
        using var folder = new TemporaryFolder("afd-samples-");

        var run = SampleRun.Of("Moons", "--learning-rate", "1e6", "--steps", "50", "--output", folder.FullName);

        run.ShouldFailClearly("Training diverged at step *: the loss is *e+* (it was *at step 0). Try a smaller --learning-rate.*");
        run.Output.Should().NotContain("step  49");
        Directory.EnumerateFileSystemEntries(folder.FullName).Should().BeEmpty();
    }

    [Theory]
    [InlineData("--steps", "0", "*--steps must be a positive number*")]
    [InlineData("--learning-rate", "-1", "*--learning-rate must be a positive, finite number*")]
    [InlineData("--seed", "many", "*many*")]
    public void Bad_settings_are_clear_errors(string option, string value, string message) =>
        SampleRun.Of("Moons", option, value).ShouldFailClearly(message);

    [Fact]
    public void An_output_path_that_is_a_file_is_a_clear_error()
    {
        using var folder = new TemporaryFolder("afd-samples-");
        File.WriteAllText(folder.PathOf("a file"), "keep me");

        SampleRun.Of("Moons", "--output", folder.PathOf("a file")).ShouldFailClearly("*is a file*");
    }
}
