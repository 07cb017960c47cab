using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests;

public sealed class TopologyTests
{
    [Fact]
    public void Every_node_comes_once_and_after_all_its_parents()
    {
        for (int seed = 0; seed < 500; seed++)
        {
            var nodes = RandomExpression.ForSeed(seed).Build();
            var order = SortToList(nodes[^1]);

            order[^1].Should().BeSameAs(nodes[^1], "the root comes last");
            order.Should().OnlyHaveUniqueItems();
            order.Should().HaveCount(nodes.Length, "every node of a random expression reaches its root");
            var position = new Dictionary<Scalar, int>(ReferenceEqualityComparer.Instance);
            for (int i = 0; i < order.Count; i++)
            {
                position[order[i]] = i;
            }

            foreach (var node in order)
            {
                foreach (var parent in node.Parents)
                {
                    position[parent].Should().BeLessThan(position[node], $"a parent precedes its child in expression {seed}");
                }
            }
        }
    }

    [Fact]
    public void Nodes_that_do_not_reach_the_root_are_left_out()
    {
        var a = new Scalar(1.0);
        var b = new Scalar(2.0);
        var unused = a * b;
        var root = a + 1;

        var order = SortToList(root);

        order.Should().HaveCount(3); // a, the constant 1, root
        order.Should().NotContain(unused);
        order.Should().NotContain(b);
    }

    [Fact]
    public void A_leaf_sorts_to_itself()
    {
        var x = new Scalar(1.0);

        SortToList(x).Should().Equal([x], ReferenceEquals);
    }

    [Fact]
    public void Visit_marks_are_cleared_after_use()
    {
        var nodes = RandomExpression.ForSeed(7).Build();

        var order = SortToList(nodes[^1]);
        var operations = SortOperationsToList(nodes[^1]);

        order.Should().OnlyContain(n => n.Mark == 0);
        operations.Should().OnlyContain(n => n.Mark == 0);
    }

    [Fact]
    public void A_numbered_graph_marks_each_node_with_its_position_until_disposed()
    {
        var nodes = RandomExpression.ForSeed(11).Build();

        var graph = Topology.Number(nodes[^1]);
        for (int i = 0; i < graph.Nodes.Length; i++)
        {
            Topology.NumberedGraph.PositionOf(graph.Nodes[i]).Should().Be(i);
        }

        graph.Dispose();
        graph.Nodes.Should().OnlyContain(n => n.Mark == 0);
    }

    [Fact]
    public void The_sort_for_backward_is_the_full_order_without_its_leaves_and_resets_their_gradients()
    {
        for (int seed = 0; seed < 300; seed++)
        {
            var nodes = RandomExpression.ForSeed(seed).Build();
            foreach (var node in nodes)
            {
                node.Grad = 7;
            }

            var operations = SortOperationsToList(nodes[^1]);

            operations.Should().Equal(SortToList(nodes[^1]).Where(n => !n.IsLeaf), ReferenceEquals, $"expression {seed}");
            operations.Should().OnlyContain(n => n.Grad == 0);
            nodes.Where(n => n.IsLeaf).Should().OnlyContain(n => n.Grad == 7, "leaves keep their gradients");
        }
    }

    [Fact]
    public void The_sort_for_backward_skips_lists_of_leaves_but_still_reaches_computed_inputs()
    {
        var w = new Scalar[] { new(1), new(2), new(3) };
        var hidden = new Scalar(0.5).Tanh();
        var e = hidden.Exp();
        var dot = Scalar.Dot(w, [hidden, new Scalar(1), e]);

        dot.FirstListAllLeaves.Should().BeTrue("the weights are leaves");
        dot.SecondListAllLeaves.Should().BeFalse();
        SortOperationsToList(dot).Should().Equal([hidden, e, dot], ReferenceEquals);
    }

    [Fact]
    public void Sorting_one_graph_after_another_reuses_nothing_stale()
    {
        var big = RandomExpression.ForSeed(5).Build();
        SortToList(big[^1]);

        var x = new Scalar(1.0);
        var y = x * 2;

        SortToList(y).Should().HaveCount(3);
    }

    [Fact]
    public void A_nested_sort_while_another_is_open_is_independent()
    {
        var a = new Scalar(1.0);
        var outerRoot = a + a;
        var b = new Scalar(2.0);
        var innerRoot = b * b;

        var outer = Topology.SortOperations(outerRoot);
        try
        {
            SortToList(innerRoot).Should().Equal([b, innerRoot], ReferenceEquals);
            outer.Nodes.ToArray().Should().Equal([outerRoot], ReferenceEquals);
        }
        finally
        {
            outer.Dispose();
        }
    }

    [Fact]
    public void A_chain_a_million_nodes_deep_sorts_without_recursion()
    {
        var x = new Scalar(1.0);
        var y = x;
        for (int i = 0; i < 1_000_000; i++)
        {
            y = y.Negate();
        }

        var sorted = Topology.SortOperations(y);
        try
        {
            sorted.Nodes.Length.Should().Be(1_000_000, "every negation, and not the leaf x");
            sorted.Nodes[0].Parents[0].Should().BeSameAs(x);
            sorted.Nodes[^1].Should().BeSameAs(y);
        }
        finally
        {
            sorted.Dispose();
        }

        using var numbered = Topology.Number(y);
        numbered.Nodes.Length.Should().Be(1_000_001);
        numbered.Nodes[0].Should().BeSameAs(x);
    }

    [Fact]
    public void A_wide_node_with_many_parents_sorts()
    {
        var terms = new Scalar[100_000];
        for (int i = 0; i < terms.Length; i++)
        {
            terms[i] = new Scalar(i);
        }

        var sum = Scalar.Sum(terms);

        SortToList(sum).Should().HaveCount(terms.Length + 1);
    }

    private static List<Scalar> SortToList(Scalar root)
    {
        using var graph = Topology.Number(root);
        return [.. graph.Nodes];
    }

    private static List<Scalar> SortOperationsToList(Scalar root)
    {
        var sorted = Topology.SortOperations(root);
        try
        {
            return [.. sorted.Nodes];
        }
        finally
        {
            sorted.Dispose();
        }
    }
}
