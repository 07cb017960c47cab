using System.Globalization;
using System.Text;

namespace AutogradForDummies.GuidePictures;

/// <summary>
/// Pages 2 and 3: the guide's example d = a³/5 + relu(b²) as a graph, drawn with Graphviz. Unlike
/// <see cref="Scalar.ToDot"/>, these pictures name the intermediate nodes as page 2's table does (t, s, r), label
/// the two operands of the division by their roles, and, on page 3, number the nodes in the order Backward()
/// fills in their gradients and write each edge's local derivative.
/// </summary>
internal static class GraphPictures
{
    public static string SaveChainRuleGraph(string folder) => Render(folder, "chain-rule-graph.svg", backward: false);

    public static string SaveBackwardOrder(string folder) => Render(folder, "backward-order.svg", backward: true);

    private static string Render(string folder, string name, bool backward)
    {
        var a = new Scalar(1.5, "a");
        var b = new Scalar(-4.0, "b");
        var t = a.Pow(3).WithLabel("t");
        var five = new Scalar(5.0, "5");
        var c = (t / five).WithLabel("c");
        var s = b.Pow(2).WithLabel("s");
        var r = s.Relu().WithLabel("r");
        var d = (c + r).WithLabel("d");
        d.Backward();

        // Backward() visits the nodes in reverse topological order: the output first.
        var order = d.TopologicalOrder().Reverse().ToList();
        var local = new Dictionary<(Scalar From, Scalar To), string>
        {
            [(a, t)] = "∂t/∂a = 3a² = 6.75",
            [(t, c)] = "∂c/∂t = 1/5 = 0.2",
            [(five, c)] = "∂c/∂5 = −t/25 = −0.135",
            [(b, s)] = "∂s/∂b = 2b = −8",
            [(s, r)] = "∂r/∂s = 1 (s > 0)",
            [(c, d)] = "∂d/∂c = 1",
            [(r, d)] = "∂d/∂r = 1",
        };

        var dot = new StringBuilder();
        // Left to right for page 2; page 3's nodes carry one more field, so that graph runs top to bottom.
        dot.Append(backward ? "digraph G {\n  rankdir=TB;\n" : "digraph G {\n  rankdir=LR;\n");
        dot.Append("  node [fontname=\"Helvetica\", fontsize=11];\n");
        dot.Append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");
        for (int i = 0; i < order.Count; i++)
        {
            var node = order[i];
            string fill = node.IsLeaf ? ", style=filled, fillcolor=\"#dde8f6\"" : string.Empty;
            string outline = ReferenceEquals(node, d) ? ", penwidth=2" : string.Empty;
            string step = backward ? Invariant($" | step {i + 1}") : string.Empty;
            dot.Append(Invariant($"  n{i} [shape=record{fill}{outline}, label=\"{{ {node.Label} | data {node.Data:0.####} | grad {node.Grad:0.####}{step} }}\"];\n"));
            if (node.IsLeaf)
            {
                continue;
            }

            dot.Append(Invariant($"  n{i}op [shape=ellipse, fontsize=10, margin=\"0.05,0.02\", label=\"{node.Op}\"];\n  n{i}op -> n{i};\n"));
            var parents = node.Parents;
            for (int k = 0; k < parents.Count; k++)
            {
                var parent = parents[k];
                var labels = new List<string>();
                if (node.Op == "/")
                {
                    labels.Add(k == 0 ? "numerator" : "denominator");
                }

                if (backward && local.TryGetValue((parent, node), out string? derivative))
                {
                    labels.Add(derivative);
                }

                string edge = labels.Count == 0 ? string.Empty : $" [label=\"{string.Join("\\n", labels)}\"{(backward ? ", fontcolor=\"#c92a2a\"" : string.Empty)}]";
                dot.Append(Invariant($"  n{order.IndexOf(parent)} -> n{i}op{edge};\n"));
            }
        }

        dot.Append("}\n");
        string path = Path.Combine(folder, name);
        GraphvizRenderer.RenderDot(dot.ToString(), path);
        return path;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
