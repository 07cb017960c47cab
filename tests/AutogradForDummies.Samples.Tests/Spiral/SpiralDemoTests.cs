using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Samples.Tests.Spiral;

[Collection(ConsoleDefinition.Name)]
public sealed class SpiralDemoTests
{
    [Fact]
    public void Version_prints_the_library_package_version() => SampleRun.Of("Spiral", "--version").ShouldPrintTheLibraryVersion();

    [Fact]
    public void An_exploding_loss_is_reported_as_diverged_and_nothing_is_written()
    {
        using var folder = new TemporaryFolder("afd-samples-");

        var run = SampleRun.Of("Spiral", "--learning-rate", "1e6", "--steps", "50", "--output", folder.FullName);

        run.ShouldFailClearly("Training diverged *: the loss is * (it was *at step 0). Try a smaller --learning-rate.*");
        Directory.EnumerateFileSystemEntries(folder.FullName).Should().BeEmpty();
    }
}
