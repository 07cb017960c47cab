// The example from micrograd's README, drawn as a graph:
//   a = 1.5; b = -4.0; c = a**3 / 5; d = c + relu(b**2)
// Usage: dotnet run --project samples/Graph [output-folder]   (default: out/graph)
using System.Globalization;
using AutogradForDummies;

string outputFolder = args.Length > 0 ? args[0] : Path.Combine("out", "graph");

var a = new Scalar(1.5, "a");
var b = new Scalar(-4.0, "b");
var c = (a.Pow(3) / 5).WithLabel("c");
var d = (c + b.Pow(2).Relu()).WithLabel("d");
d.Backward();

foreach (var (name, s) in new[] { ("a", a), ("b", b), ("c", c), ("d", d) })
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: data = {s.Data,8:0.0000}   grad = {s.Grad,8:0.0000}"));
}

Directory.CreateDirectory(outputFolder);
string dotPath = Path.Combine(outputFolder, "graph.dot");
File.WriteAllText(dotPath, d.ToDot());
Console.WriteLine($"wrote {dotPath}");

if (GraphvizRenderer.IsAvailable)
{
    foreach (string file in new[] { "graph.svg", "graph.png" })
    {
        string path = Path.Combine(outputFolder, file);
        GraphvizRenderer.Render(d, path);
        Console.WriteLine($"wrote {path}");
    }
}
else
{
    Console.WriteLine("Graphviz 'dot' is not installed, so no SVG or PNG was drawn (graph.dot is plain text you can render later).");
}
