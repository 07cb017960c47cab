using System.Globalization;
using System.Text;
using AutogradForDummies.Nn;

namespace AutogradForDummies.GuidePictures;

/// <summary>
/// Page 5: a small MLP(2, [4, 4, 1], seed: 1) as a Graphviz drawing: one circle per input and per neuron, one
/// edge per weight, blue for positive and red for negative, as thick as the weight is large.
/// </summary>
internal static class NetworkPicture
{
    public static string Save(string folder)
    {
        var model = new MLP(2, [4, 4, 1], seed: 1);
        var dot = new StringBuilder();
        dot.Append("digraph G {\n  rankdir=LR;\n  splines=line;\n  nodesep=0.25;\n  ranksep=1.4;\n");
        dot.Append("  node [fontname=\"Helvetica\", fontsize=10, shape=circle, fixedsize=true, width=0.75];\n");
        dot.Append("  edge [arrowsize=0.5];\n");
        dot.Append("  x0 [label=\"input\\nx0\", style=filled, fillcolor=\"#dde8f6\"];\n");
        dot.Append("  x1 [label=\"input\\nx1\", style=filled, fillcolor=\"#dde8f6\"];\n");
        var previous = new List<string> { "x0", "x1" };
        for (int l = 0; l < model.Layers.Count; l++)
        {
            var layer = model.Layers[l];
            bool last = l == model.Layers.Count - 1;
            var current = new List<string>();
            for (int n = 0; n < layer.Neurons.Count; n++)
            {
                var neuron = layer.Neurons[n];
                string id = Invariant($"l{l}n{n}");
                string kind = last ? "linear" : "relu";
                dot.Append(Invariant($"  {id} [label=\"{kind}\\nb = {neuron.Bias.Data:0.##}\"{(last ? ", penwidth=2" : string.Empty)}];\n"));
                for (int i = 0; i < neuron.Weights.Count; i++)
                {
                    double w = neuron.Weights[i].Data;
                    string color = w >= 0 ? "#1f5fa8" : "#c92a2a";
                    dot.Append(Invariant($"  {previous[i]} -> {id} [color=\"{color}\", penwidth={0.4 + (3 * Math.Abs(w)):0.##}];\n"));
                }

                current.Add(id);
            }

            previous = current;
        }

        dot.Append("  score [shape=plaintext, label=\"score\"];\n");
        dot.Append(Invariant($"  {previous[0]} -> score;\n"));
        dot.Append("}\n");
        string path = Path.Combine(folder, "mlp.svg");
        GraphvizRenderer.RenderDot(dot.ToString(), path);
        return path;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
