using System.Globalization;
using System.Text;

namespace AutogradForDummies;

/// <summary>Writes a Scalar graph as Graphviz DOT text (see <see cref="Scalar.ToDot"/>).</summary>
/// <remarks>
/// Every Scalar is a record <c>label | data | grad</c>; leaves are shaded and the root has a bold outline.
/// Every operation is a small ellipse between its operands and its result. Where operand order matters
/// (<c>-</c>, <c>/</c>, <c>**</c>) the edges say which operand is first and which second, and a dot product's edges
/// say which inputs are weights, inputs and the bias: words, so that they cannot be mistaken for variable names.
/// </remarks>
internal static class DotWriter
{
    public static string Write(Scalar root)
    {
        var sb = new StringBuilder();
        sb.Append("digraph G {\n");
        sb.Append("  rankdir=LR;\n");
        sb.Append("  node [fontname=\"Helvetica\", fontsize=11];\n");
        sb.Append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");

        using var graph = Topology.Number(root);
        var nodes = graph.Nodes;
        for (int id = 0; id < nodes.Length; id++)
        {
            var node = nodes[id];
            string label = node.Label is { } name ? Escape(name) + " | " : string.Empty;
            string style = node.IsLeaf ? ", style=filled, fillcolor=\"#dde8f6\"" : string.Empty;
            string outline = ReferenceEquals(node, root) ? ", penwidth=2" : string.Empty;
            sb.Append(CultureInfo.InvariantCulture,
                $"  n{id} [shape=record{style}{outline}, label=\"{{ {label}data {Format(node.Data)} | grad {Format(node.Grad)} }}\"];\n");
            if (node.IsLeaf)
            {
                continue;
            }

            // One small node for the operation, fed by every parent, feeding the result.
            sb.Append(CultureInfo.InvariantCulture,
                $"  n{id}op [shape=ellipse, fontsize=10, margin=\"0.05,0.02\", label=\"{Escape(node.Op)}\"];\n");
            sb.Append(CultureInfo.InvariantCulture, $"  n{id}op -> n{id};\n");
            var parents = node.Parents;
            var roles = new OperandRoles(node);
            string[] names = Operations.Visit<OperandRoles, string[]>(node.Code, roles);
            for (int k = 0; k < parents.Count; k++)
            {
                string edgeLabel = names[k].Length == 0 ? string.Empty : $" [{names[k]}]";
                sb.Append(CultureInfo.InvariantCulture,
                    $"  n{Topology.NumberedGraph.PositionOf(parents[k])} -> n{id}op{edgeLabel};\n");
            }
        }

        sb.Append("}\n");
        return sb.ToString();
    }

    private static string Format(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    // Characters that are special inside a DOT record label get a backslash.
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char ch in text)
        {
            if (ch is '\\' or '"' or '{' or '}' or '|' or '<' or '>')
            {
                sb.Append('\\');
            }

            sb.Append(ch is '\n' or '\r' ? ' ' : ch);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The edge label of each entry of <see cref="Scalar.Parents"/>, as a DOT attribute: empty where the order does not
    /// matter. The 1st and 2nd operands are labelled at the operand's end of the edge, so that the two labels of one
    /// operation sit by different nodes; a dot product's many edges are labelled in their middles, because one input
    /// feeds many neurons.
    /// </summary>
    private readonly struct OperandRoles(Scalar node) : IOperationVisitor<string[]>
    {
        public string[] Leaf() => [];

        public string[] Unary<TRule>()
            where TRule : IUnaryRule => [string.Empty];

        public string[] Binary<TRule>()
            where TRule : IBinaryRule => TRule.IsOrdered ? ["taillabel=\"1st\"", "taillabel=\"2nd\""] : [string.Empty, string.Empty];

        public string[] WithConstants<TRule>()
            where TRule : IConstantRule => [string.Empty];

        public string[] Dot()
        {
            int n = node.Inputs.Length;
            var names = new string[(2 * n) + (node.HasBias ? 1 : 0)];
            for (int i = 0; i < n; i++)
            {
                names[i] = "label=\"weight " + i.ToString(CultureInfo.InvariantCulture) + "\"";
                names[n + i] = "label=\"input " + i.ToString(CultureInfo.InvariantCulture) + "\"";
            }

            if (node.HasBias)
            {
                names[^1] = "label=\"bias\"";
            }

            return names;
        }

        public string[] Sum() => Unnamed();

        public string[] Mean() => Unnamed();

        public string[] LogSumExp() => Unnamed();

        private string[] Unnamed() => [.. Enumerable.Repeat(string.Empty, node.Terms.Length)];
    }
}
