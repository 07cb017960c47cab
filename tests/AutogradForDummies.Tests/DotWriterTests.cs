using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests;

/// <summary>
/// <see cref="Scalar.ToDot"/>: the DOT text is parsed back into records, operation nodes and edges,
/// and compared with the graph it describes.
/// </summary>
public sealed partial class DotWriterTests
{
    [Fact]
    public void Is_a_left_to_right_digraph()
    {
        string dot = (new Scalar(1.0) + 2).ToDot();

        dot.Should().StartWith("digraph");
        dot.Should().Contain("rankdir=LR;");
        dot.TrimEnd().Should().EndWith("}");
    }

    [Fact]
    public void Each_node_appears_exactly_once_however_often_it_is_reused()
    {
        var a = new Scalar(1.0, "a");
        var b = (a + a).WithLabel("b");
        var c = (b * b).WithLabel("c");
        var d = Scalar.Dot([a, b], [b, c], a).WithLabel("d");

        var parsed = Parse(d.ToDot());

        parsed.Records.Should().HaveCount(4);
        parsed.Records.Values.Select(r => r.Split(" | ")[0].TrimStart('{', ' ')).Should().BeEquivalentTo(["a", "b", "c", "d"]);
        parsed.Ops.Should().HaveCount(3);
    }

    [Fact]
    public void Edges_run_from_each_operand_to_the_operation_and_from_the_operation_to_its_result()
    {
        for (int seed = 0; seed < 200; seed++)
        {
            var nodes = RandomExpression.ForSeed(seed).Build();

            // Identify each record by its label (the generator labels the leaves; label the rest here).
            var byLabel = new Dictionary<string, Scalar>();
            for (int i = 0; i < nodes.Length; i++)
            {
                nodes[i].Label ??= $"n{i}";
                byLabel[nodes[i].Label!] = nodes[i];
            }

            var parsed = Parse(nodes[^1].ToDot());
            var idOf = new Dictionary<Scalar, string>(ReferenceEqualityComparer.Instance);
            foreach (var (id, label) in parsed.Records)
            {
                idOf[byLabel[label.Split(" | ")[0].TrimStart('{', ' ')]] = id;
            }

            idOf.Should().HaveCount(nodes.Length, $"every node of expression {seed} has one record");
            foreach (var node in nodes)
            {
                string id = idOf[node];
                if (node.IsLeaf)
                {
                    parsed.Ops.Should().NotContainKey(id);
                    parsed.Edges.Should().NotContain(e => e.To == id + "op");
                    continue;
                }

                parsed.Ops[id].Should().Be(node.Op);
                parsed.Edges.Where(e => e.From == id + "op").Select(e => e.To).Should().Equal(id);
                var operands = parsed.Edges.Where(e => e.To == id + "op").Select(e => e.From).ToList();
                operands.Should().Equal(node.Parents.Select(p => idOf[p]), $"the operands of {node.Op} in expression {seed}, in order");
            }
        }
    }

    [Fact]
    public void A_dot_product_shows_as_one_operation()
    {
        var w = new[] { new Scalar(0.5, "w0"), new Scalar(-1.0, "w1"), new Scalar(2.0, "w2") };
        var x = new[] { new Scalar(1.0, "x0"), new Scalar(2.0, "x1"), new Scalar(3.0, "x2") };
        var y = Scalar.Dot(w, x, new Scalar(0.1, "b"));

        var parsed = Parse(y.ToDot());

        parsed.Ops.Values.Should().Equal("dot");
        parsed.Records.Should().HaveCount(8);
        parsed.Edges.Count(e => e.To.EndsWith("op", StringComparison.Ordinal)).Should().Be(7);
    }

    [Fact]
    public void Records_show_label_data_and_grad_with_four_decimals_in_any_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var x = new Scalar(1.5, "x");
            var y = x * -2.25;
            y.Backward();

            var records = Parse(y.ToDot()).Records.Values;

            records.Should().Contain("{ x | data 1.5000 | grad -2.2500 }");
            records.Should().Contain("{ data -3.3750 | grad 1.0000 }");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Labels_are_escaped()
    {
        var x = new Scalar(1.0, "a|b{c}\"<d>\\e\nf");

        string dot = x.ToDot();

        dot.Should().Contain("""{ a\|b\{c\}\"\<d\>\\e f | data 1.0000 | grad 0.0000 }""");
    }

    [Fact]
    public void Operation_names_are_shown()
    {
        var x = new Scalar(2.0);
        var y = (x.Pow(3) - x.Log()).Sigmoid() / Scalar.Sum([x, x]);

        Parse(y.ToDot()).Ops.Values.Should().BeEquivalentTo(["**3", "log", "-", "sigmoid", "sum", "/"]);
    }

    [Fact]
    public void A_leaf_alone_is_one_record_and_no_edges()
    {
        var parsed = Parse(new Scalar(3.0, "x").ToDot());

        parsed.Records.Should().HaveCount(1);
        parsed.Ops.Should().BeEmpty();
        parsed.Edges.Should().BeEmpty();
    }

    [Fact]
    public void Edges_name_the_operands_where_their_order_matters()
    {
        var a = new Scalar(6.0, "a");
        var b = new Scalar(3.0, "b");
        var w = new Scalar(0.5, "w");
        var x = new Scalar(2.0, "x");
        var y = (a / b) - Scalar.Dot([w], [x], a);

        var edges = y.ToDot().Split('\n').Where(line => line.Contains("->", StringComparison.Ordinal)).ToList();

        // Words, not letters, so that no edge label looks like the name of a variable (a, b, w, x are all labels here).
        // The 1st and 2nd operands are labelled at the operand's end, by different nodes.
        edges.Where(line => line.Contains("[taillabel=\"1st\"]", StringComparison.Ordinal)).Should().HaveCount(2, "a / b and the difference");
        edges.Where(line => line.Contains("[taillabel=\"2nd\"]", StringComparison.Ordinal)).Should().HaveCount(2);
        edges.Should().ContainSingle(line => line.Contains("[label=\"weight 0\"]", StringComparison.Ordinal));
        edges.Should().ContainSingle(line => line.Contains("[label=\"input 0\"]", StringComparison.Ordinal));
        edges.Should().ContainSingle(line => line.Contains("[label=\"bias\"]", StringComparison.Ordinal));
        edges.Should().NotContain(line => line.Contains("[label=\"a\"]", StringComparison.Ordinal) || line.Contains("[label=\"b\"]", StringComparison.Ordinal));
        (a + b).ToDot().Should().NotContain("[label=", "the operands of + are interchangeable")
            .And.NotContain("[taillabel=", "the operands of + are interchangeable");
    }

    [Fact]
    public void Leaves_are_shaded_and_the_root_is_outlined()
    {
        var x = new Scalar(2.0, "x");
        var y = (x * x).WithLabel("y");

        var records = y.ToDot().Split('\n').Where(line => line.Contains("shape=record", StringComparison.Ordinal)).ToList();

        records.Should().ContainSingle(line => line.Contains("style=filled", StringComparison.Ordinal))
            .Which.Should().Contain("{ x |");
        records.Should().ContainSingle(line => line.Contains("penwidth=2", StringComparison.Ordinal))
            .Which.Should().Contain("{ y |");
    }

    [Fact]
    public void A_chain_a_hundred_thousand_nodes_deep_is_written()
    {
        var y = new Scalar(0.0);
        for (int i = 0; i < 100_000; i++)
        {
            y = y.Negate();
        }

        string dot = y.ToDot();

        CountOf(dot, "shape=record").Should().Be(100_001);
        CountOf(dot, "shape=ellipse").Should().Be(100_000);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static Graph Parse(string dot)
    {
        var graph = new Graph([], [], []);
        foreach (string line in dot.Split('\n'))
        {
            if (RecordLine().Match(line) is { Success: true } record)
            {
                graph.Records.Add(record.Groups[1].Value, record.Groups[2].Value); // throws if an id repeats
            }
            else if (OpLine().Match(line) is { Success: true } op)
            {
                graph.Ops.Add(op.Groups[1].Value, op.Groups[2].Value);
            }
            else if (EdgeLine().Match(line) is { Success: true } edge)
            {
                graph.Edges.Add((edge.Groups[1].Value, edge.Groups[2].Value));
            }
        }

        return graph;
    }

    [GeneratedRegex("""^\s*(n\d+) \[shape=record[^\]]*?, label="(.*)"\];$""")]
    private static partial Regex RecordLine();

    [GeneratedRegex("""^\s*(n\d+)op \[shape=ellipse[^\]]*?, label="(.*)"\];$""")]
    private static partial Regex OpLine();

    [GeneratedRegex("""^\s*(n\d+(?:op)?) -> (n\d+(?:op)?)(?: \[(?:tail)?label="[^"]*"\])?;$""")]
    private static partial Regex EdgeLine();

    /// <summary>The parsed DOT: records by id, operation labels by the id of their result, edges in order.</summary>
    private sealed record Graph(Dictionary<string, string> Records, Dictionary<string, string> Ops, List<(string From, string To)> Edges);
}
