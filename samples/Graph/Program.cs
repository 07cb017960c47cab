// The example from micrograd's README, drawn as a graph:
//   a = 1.5; b = -4.0; c = a**3 / 5; d = c + relu(b**2)
// Usage: dotnet run --project samples/Graph -- [--output out/graph]
using System.CommandLine;
using AutogradForDummies.Samples;
using AutogradForDummies.Samples.Graph;

var output = new Option<string>("--output")
{
    Description = "Folder for graph.dot and, when Graphviz is installed, graph.svg and graph.png",
    DefaultValueFactory = _ => Path.Combine("out", "graph"),
};

var root = new RootCommand("Builds micrograd's README example, prints each node's value and gradient, and draws the graph.") { output };
SampleVersion.Use(root);
root.SetAction(parseResult => GraphDemo.Run(parseResult.GetValue(output)!));
return root.Parse(args).Invoke();
