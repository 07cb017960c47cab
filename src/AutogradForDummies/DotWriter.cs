using System.Globalization;
using System.Text;

namespace AutogradForDummies;

/// <summary>Writes a Scalar graph as Graphviz DOT text (see <see cref="Scalar.ToDot"/>).</summary>
/// <remarks>
/// Every Scalar is a record <c>label | data | grad</c>; leaves are shaded and the root has a bold outline.
/// Every operation is a small ellipse between its operands and its result. Where operand order matters
/// (<c>-</c>, <c>/</c>, <c>**</c>, a dot product) the edges say which operand is which.
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

        var (nodes, ids) = Topology.Numbered(root);
        for (int id = 0; id < nodes.Length; id++)
        {
            var node = nodes[id];
            string label = node.Label is null ? string.Empty : Escape(node.Label) + " | ";
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
            for (int k = 0; k < parents.Count; k++)
            {
                string role = OperandRole(node, k);
                string edgeLabel = role.Length == 0 ? string.Empty : $" [label=\"{role}\"]";
                sb.Append(CultureInfo.InvariantCulture, $"  n{ids[parents[k]]} -> n{id}op{edgeLabel};\n");
            }
        }

        sb.Append("}\n");
        return sb.ToString();
    }

    // Names the k-th operand where the order matters: a and b of a − b, a / b, a ** b; wᵢ, xᵢ and b of a dot product.
    private static string OperandRole(Scalar node, int k) => node.Code switch
    {
        OpCode.Subtract or OpCode.Divide or OpCode.Pow => k == 0 ? "a" : "b",
        OpCode.Dot when k < node.Xs.Length => "w" + k.ToString(CultureInfo.InvariantCulture),
        OpCode.Dot when k < 2 * node.Xs.Length => "x" + (k - node.Xs.Length).ToString(CultureInfo.InvariantCulture),
        OpCode.Dot => "b",
        _ => string.Empty,
    };

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
}
