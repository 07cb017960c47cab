using System.Globalization;
using System.Text;

namespace AutogradForDummies;

/// <summary>Writes a Scalar graph as Graphviz DOT text (see <see cref="Scalar.ToDot"/>).</summary>
internal static class DotWriter
{
    public static string Write(Scalar root)
    {
        var sb = new StringBuilder();
        sb.AppendLine("digraph G {");
        sb.AppendLine("  rankdir=LR;");
        sb.AppendLine("  node [fontname=\"Helvetica\", fontsize=11];");

        var sorted = Topology.Sort(root);
        try
        {
            var nodes = sorted.Nodes;
            var ids = new Dictionary<Scalar, int>(nodes.Length, ReferenceEqualityComparer.Instance);
            for (int i = 0; i < nodes.Length; i++)
            {
                ids.Add(nodes[i], i);
            }

            foreach (var node in nodes)
            {
                int id = ids[node];
                string label = node.Label is null ? string.Empty : Escape(node.Label) + " | ";
                sb.Append(CultureInfo.InvariantCulture,
                    $"  n{id} [shape=record, label=\"{{ {label}data {Format(node.Data)} | grad {Format(node.Grad)} }}\"];\n");
                if (node.IsLeaf)
                {
                    continue;
                }

                // One small node for the operation, fed by every parent, feeding the result.
                sb.Append(CultureInfo.InvariantCulture, $"  n{id}op [shape=ellipse, label=\"{Escape(node.Op)}\"];\n");
                sb.Append(CultureInfo.InvariantCulture, $"  n{id}op -> n{id};\n");
                node.ForEachParent((sb, ids, id), static (parent, s) =>
                    s.sb.Append(CultureInfo.InvariantCulture, $"  n{s.ids[parent]} -> n{s.id}op;\n"));
            }
        }
        finally
        {
            sorted.Dispose();
        }

        sb.AppendLine("}");
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
}
