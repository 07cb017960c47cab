using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests;

/// <summary>
/// What happens on a machine without Graphviz, simulated by pointing PATH at an empty folder.
/// </summary>
[Collection(ProcessEnvironmentDefinition.Name)]
public sealed class GraphvizRendererWithoutGraphvizTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("autograd-graphviz-tests-").FullName;
    private readonly string? _path = Environment.GetEnvironmentVariable("PATH");

    public GraphvizRendererWithoutGraphvizTests()
    {
        Environment.SetEnvironmentVariable("PATH", Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PATH", _path);
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void IsAvailable_is_false()
    {
        GraphvizRenderer.IsAvailable.Should().BeFalse();
    }

    [Theory]
    [InlineData("graph.svg")]
    [InlineData("graph.png")]
    public void Rendering_throws_GraphvizNotFoundException_and_writes_nothing(string file)
    {
        string path = Path.Combine(_folder, file);
        var graph = new Scalar(1.0, "x") * 2;

        FluentActions.Invoking(() => GraphvizRenderer.Render(graph, path))
            .Should().Throw<GraphvizNotFoundException>().WithMessage("*install*");
        File.Exists(path).Should().BeFalse();
        Directory.GetFiles(_folder).Should().BeEmpty();
    }

    [Fact]
    public void A_bad_extension_is_still_reported_as_such()
    {
        var act = () => GraphvizRenderer.Render(new Scalar(1.0), Path.Combine(_folder, "graph.jpg"));

        act.Should().Throw<ArgumentException>().Which.Should().NotBeOfType<GraphvizNotFoundException>();
    }
}
