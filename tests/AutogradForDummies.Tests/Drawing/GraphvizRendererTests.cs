using System.Text;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests;

/// <summary>
/// Rendering through Graphviz's <c>dot</c>. The tests that need <c>dot</c> skip visibly when it is not
/// installed; the argument checks run everywhere.
/// </summary>
public sealed class GraphvizRendererTests : IDisposable
{
    private static readonly byte[] s_pngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly string _folder = Directory.CreateTempSubdirectory("autograd-graphviz-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_missing_output_folder_is_reported_naming_the_argument()
    {
        string path = Path.Combine(_folder, "no-such-folder", "graph.svg");

        var act = () => GraphvizRenderer.Render(new Scalar(1.0), path);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("outputPath");
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void An_output_path_that_names_a_folder_is_reported_naming_the_argument()
    {
        string path = Directory.CreateDirectory(Path.Combine(_folder, "graph.svg")).FullName;

        var act = () => GraphvizRenderer.Render(new Scalar(1.0), path);

        act.Should().Throw<ArgumentException>().WithParameterName("outputPath").WithMessage("*names a folder*");
        Directory.GetFileSystemEntries(path).Should().BeEmpty();
    }

    [Fact]
    public void Renders_an_svg_file_and_leaves_no_temporary_file()
    {
        SkipUnlessGraphvizIsInstalled();
        string path = Path.Combine(_folder, "graph.svg");

        GraphvizRenderer.Render(SampleGraph(), path);

        string svg = File.ReadAllText(path);
        svg.TrimStart().Should().Match(s => s.StartsWith("<?xml", StringComparison.Ordinal) || s.StartsWith("<svg", StringComparison.Ordinal));
        svg.Should().Contain("</svg>");
        svg.Should().Contain("tanh");
        Directory.GetFiles(_folder).Should().Equal(path);
    }

    [Fact]
    public void Renders_a_png_file_and_leaves_no_temporary_file()
    {
        SkipUnlessGraphvizIsInstalled();
        string path = Path.Combine(_folder, "graph.png");

        GraphvizRenderer.Render(SampleGraph(), path);

        byte[] png = File.ReadAllBytes(path);
        png.Length.Should().BeGreaterThan(s_pngSignature.Length);
        png[..s_pngSignature.Length].Should().Equal(s_pngSignature);
        Directory.GetFiles(_folder).Should().Equal(path);
    }

    [Fact]
    public void The_extension_is_matched_without_regard_to_case()
    {
        SkipUnlessGraphvizIsInstalled();
        string path = Path.Combine(_folder, "GRAPH.PNG");

        GraphvizRenderer.Render(SampleGraph(), path);

        File.ReadAllBytes(path)[..s_pngSignature.Length].Should().Equal(s_pngSignature);
    }

    [Fact]
    public void Overwrites_an_existing_file()
    {
        SkipUnlessGraphvizIsInstalled();
        string path = Path.Combine(_folder, "graph.svg");
        File.WriteAllText(path, "old");

        GraphvizRenderer.Render(SampleGraph(), path);

        File.ReadAllText(path).Should().Contain("<svg");
        Directory.GetFiles(_folder).Should().Equal(path);
    }

    [Fact]
    public void Labels_with_special_characters_render_verbatim()
    {
        SkipUnlessGraphvizIsInstalled();
        string path = Path.Combine(_folder, "labels.svg");
        var x = new Scalar(1.0, "a|b{c}<d>\"e\\f");

        GraphvizRenderer.Render(x * 2, path);

        File.ReadAllText(path).Should().Contain("a|b{c}&lt;d&gt;&quot;e\\f");
    }

    [Fact]
    public void Invalid_dot_text_throws_with_graphviz_message_and_writes_nothing()
    {
        SkipUnlessGraphvizIsInstalled();
        string path = Path.Combine(_folder, "broken.svg");

        var act = () => GraphvizRenderer.RenderDot("digraph G { this is not dot", path);

        act.Should().Throw<InvalidOperationException>().WithMessage("*Graphviz 'dot' failed*");
        Directory.GetFiles(_folder).Should().BeEmpty("a failure leaves neither the image nor a temporary file");
    }

    [Fact]
    public void RenderDot_renders_text_from_ToDot()
    {
        SkipUnlessGraphvizIsInstalled();
        string path = Path.Combine(_folder, "graph.svg");

        GraphvizRenderer.RenderDot(SampleGraph().ToDot(), path);

        File.ReadAllText(path, Encoding.UTF8).Should().Contain("<svg");
    }

    [Fact]
    public void IsAvailable_tells_whether_dot_is_on_the_path()
    {
        bool onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, OperatingSystem.IsWindows() ? "dot.exe" : "dot")));

        GraphvizRenderer.IsAvailable.Should().Be(onPath);
    }

    [Theory]
    [InlineData("graph.pdf")]
    [InlineData("graph.svg.txt")]
    [InlineData("graph")]
    public void Other_extensions_are_rejected(string file)
    {
        string path = Path.Combine(_folder, file);

        var act = () => GraphvizRenderer.Render(SampleGraph(), path);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("outputPath");
        Directory.GetFiles(_folder).Should().BeEmpty();
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        string path = Path.Combine(_folder, "graph.svg");

        FluentActions.Invoking(() => GraphvizRenderer.Render(null!, path))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("root");
        FluentActions.Invoking(() => GraphvizRenderer.Render(SampleGraph(), null!))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("outputPath");
        FluentActions.Invoking(() => GraphvizRenderer.RenderDot(null!, path))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("dot");
    }

    [Fact]
    public void A_blank_path_is_rejected()
    {
        FluentActions.Invoking(() => GraphvizRenderer.RenderDot("digraph G {}", " "))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("outputPath");
    }

    [Fact]
    public void The_not_found_exception_says_how_to_install_graphviz()
    {
        var e = new GraphvizNotFoundException();

        e.Message.Should().Contain("apt-get install graphviz").And.Contain("brew install graphviz").And.Contain("ToDot");
        e.Should().BeAssignableTo<InvalidOperationException>();
    }

    private static void SkipUnlessGraphvizIsInstalled()
    {
        if (!GraphvizRenderer.IsAvailable)
        {
            Assert.Skip("Graphviz 'dot' is not installed");
        }
    }

    private static Scalar SampleGraph()
    {
        var x = new Scalar(0.5, "x");
        var w = new Scalar(-1.5, "w");
        var y = (x * w).Tanh().WithLabel("y");
        y.Backward();
        return y;
    }
}
