using AutogradForDummies.Playground.Tests.Browser;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Playground.Tests;

/// <summary>The playground's asset step (samples/Playground/Assets.targets) on a machine without Node.js.</summary>
[Collection(SerialBuilds.Name)]
public sealed class AssetsTests
{
    [Fact]
    public async Task Without_Node_the_build_says_so_and_goes_on_and_publish_fails_saying_how_to_install_it()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Skip("This test hides Node.js by narrowing PATH, which it does on Linux and macOS only.");
        }

        // A PATH with dotnet and sh on it and nothing else (MSBuild runs commands with sh), so that npm cannot be found.
        using var folder = new TemporaryFolder("no-node-");
        string bin = folder.FullName;
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? Environment.ProcessPath!;
        string dotnet = new FileInfo(host).ResolveLinkTarget(true)?.FullName ?? host;
        File.CreateSymbolicLink(Path.Combine(bin, "dotnet"), dotnet);
        File.CreateSymbolicLink(Path.Combine(bin, "sh"), "/bin/sh");
        var environment = new Dictionary<string, string> { ["PATH"] = bin };
        string project = Repository.Path("samples/Playground/Playground.csproj");

        var (exit, output) = await ProcessRunner.RunAsync(
            Path.Combine(bin, "dotnet"), ["msbuild", project, "-t:PlaygroundFindNode", "-nologo", "-v:m"], Repository.Root,
            TimeSpan.FromMinutes(3), environment);
        exit.Should().Be(0, output);
        output.Should().Contain("Node.js (npm) was not found").And.Contain("The build goes on").And.Contain("Install Node.js 20 or later");

        (exit, output) = await ProcessRunner.RunAsync(
            Path.Combine(bin, "dotnet"), ["msbuild", project, "-t:PlaygroundRequireAssets", "-nologo", "-v:m", "-p:PlaygroundVizTarget=" + Path.Combine(bin, "missing.js")],
            Repository.Root, TimeSpan.FromMinutes(3), environment);
        exit.Should().NotBe(0);
        output.Should().Contain("The playground needs Node.js").And.Contain("https://nodejs.org");
    }
}
