using System.Globalization;

namespace AutogradForDummies.Samples.Graph;

/// <summary>
/// The guide's running example (page 2): builds <c>d = a³/5 + relu(b²)</c>, runs the backward pass, prints every node's
/// value and gradient, and draws the graph.
/// </summary>
internal static class GraphDemo
{
    /// <summary>Computes the example and writes graph.dot (and graph.svg and graph.png with Graphviz) into
    /// <paramref name="outputFolder"/>.</summary>
    /// <returns>The exit code: 0, or 1 when the folder or a file could not be written (said on the error output).</returns>
    public static int Run(string outputFolder)
    {
        if (!OutputFiles.TryCreateFolder(outputFolder))
        {
            return 1;
        }

        var a = new Scalar(1.5, "a");
        var b = new Scalar(-4.0, "b");
        var c = (a.Pow(3) / 5).WithLabel("c");
        var d = (c + b.Pow(2).Relu()).WithLabel("d");
        d.Backward();

        foreach (var (name, s) in new[] { ("a", a), ("b", b), ("c", c), ("d", d) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: data = {s.Data,8:0.0000}   grad = {s.Grad,8:0.0000}"));
        }

        string dot = d.ToDot();
        if (!OutputFiles.TryWrite(Path.Combine(outputFolder, "graph.dot"), path => File.WriteAllText(path, dot)))
        {
            return 1;
        }

        if (!GraphvizRenderer.IsAvailable)
        {
            Console.WriteLine("Graphviz 'dot' is not installed, so no SVG or PNG was drawn (graph.dot is plain text you can render later).");
            return 0;
        }

        foreach (string file in new[] { "graph.svg", "graph.png" })
        {
            if (!OutputFiles.TryWrite(Path.Combine(outputFolder, file), path => GraphvizRenderer.RenderDot(dot, path)))
            {
                return 1;
            }
        }

        return 0;
    }
}
