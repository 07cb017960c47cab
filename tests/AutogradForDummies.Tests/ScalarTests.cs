using System.Globalization;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests;

/// <summary>
/// Scalar itself: micrograd's reference checks, reused nodes, very deep graphs, gradient
/// accumulation, and the descriptive members (ToString, Label, IsLeaf).
/// </summary>
public sealed class ScalarTests
{
    [Fact]
    public void Sanity_check_matches_pytorch()
    {
        // micrograd's test_sanity_check; the reference values come from PyTorch.
        var x = new Scalar(-4.0);
        var z = (2 * x) + 2 + x;
        var q = z.Relu() + (z * x);
        var h = (z * z).Relu();
        var y = h + q + (q * x);
        y.Backward();

        y.Data.Should().BeApproximately(-20.0, 1e-10);
        x.Grad.Should().BeApproximately(46.0, 1e-10);
    }

    [Fact]
    public void More_ops_match_pytorch()
    {
        // micrograd's test_more_ops; the reference values come from PyTorch.
        var a = new Scalar(-4.0);
        var b = new Scalar(2.0);
        var c = a + b;
        var d = (a * b) + b.Pow(3);
        c += c + 1;
        c += 1 + c + (-a);
        d += (d * 2) + (b + a).Relu();
        d += (3 * d) + (b - a).Relu();
        var e = c - d;
        var f = e.Pow(2);
        var g = f / 2.0;
        g += 10.0 / f;
        g.Backward();

        g.Data.Should().BeApproximately(24.70408163265306, 1e-10);
        a.Grad.Should().BeApproximately(138.83381924198252, 1e-10);
        b.Grad.Should().BeApproximately(645.5772594752186, 1e-10);
    }

    [Fact]
    public void A_node_minus_itself_has_gradient_zero()
    {
        var x = new Scalar(3.0);
        (x - x).Backward();

        x.Grad.Should().Be(0);
    }

    [Fact]
    public void A_node_divided_by_itself_has_gradient_zero()
    {
        var x = new Scalar(3.0);
        (x / x).Backward();

        x.Grad.Should().Be(0);
    }

    [Fact]
    public void A_node_reused_twice_over_gets_every_contribution()
    {
        var a = new Scalar(5.0);
        var b = a + a;
        var c = b + b;
        c.Backward();

        a.Grad.Should().Be(4);
        b.Grad.Should().Be(2);
        c.Data.Should().Be(20);
    }

    [Fact]
    public void A_node_times_itself_has_gradient_twice_its_value()
    {
        var x = new Scalar(-3.0);
        (x * x).Backward();

        x.Grad.Should().Be(-6);
    }

    [Fact]
    public void A_diamond_sums_both_paths()
    {
        // y = (x·2)·(x + 1): both factors depend on x, dy/dx = 2(x + 1) + 2x = 4x + 2.
        var x = new Scalar(1.5);
        var y = (x * 2) * (x + 1);
        y.Backward();

        x.Grad.Should().Be(8);
    }

    [Fact]
    public void Backward_handles_a_chain_a_million_nodes_deep()
    {
        var x = new Scalar(1.0);
        var y = x;
        for (int i = 0; i < 1_000_000; i++)
        {
            y = y + 1e-6;
        }

        y.Backward();
        x.Grad.Should().Be(1);
        y.Data.Should().BeApproximately(2.0, 1e-6);

        // The sort's buffers (a million entries) come from the shared pool: a second pass allocates next to nothing.
        x.Grad = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        y.Backward();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        x.Grad.Should().Be(1);
        allocated.Should().BeLessThan(64 * 1024, "the 2,000,001-node chain's buffers are reused, not allocated again");
    }

    [Fact]
    public void A_second_backward_doubles_leaf_gradients_exactly()
    {
        var (a, b, mid, root) = SmallGraph();
        root.Backward();
        double ga = a.Grad;
        double gb = b.Grad;
        double gMid = mid.Grad;

        root.Backward();

        a.Grad.Should().Be(2 * ga);
        b.Grad.Should().Be(2 * gb);
        mid.Grad.Should().Be(gMid, "intermediate gradients are recomputed, not compounded");
        root.Grad.Should().Be(1);
    }

    [Fact]
    public void Backward_after_zeroing_the_leaves_repeats_the_first_result()
    {
        var (a, b, mid, root) = SmallGraph();
        root.Backward();
        double ga = a.Grad;
        double gMid = mid.Grad;

        a.Grad = 0;
        b.Grad = 0;
        root.Backward();

        a.Grad.Should().Be(ga);
        mid.Grad.Should().Be(gMid);
    }

    [Fact]
    public void Backward_from_a_node_inside_another_graph_starts_afresh_there()
    {
        var a = new Scalar(2.0);
        var b = new Scalar(3.0);
        var inner = a * b;
        var outer = inner + a;

        outer.Backward(); // a: b + 1 = 4, b: a = 2
        inner.Backward(); // adds a: b = 3, b: a = 2; inner's own gradient is reset to 1

        a.Grad.Should().Be(7);
        b.Grad.Should().Be(4);
        inner.Grad.Should().Be(1);
    }

    [Fact]
    public void Backward_of_a_leaf_gives_it_gradient_one_and_accumulates()
    {
        var x = new Scalar(7.0);
        x.Backward();
        x.Grad.Should().Be(1);

        x.Backward();
        x.Grad.Should().Be(2);
    }

    [Fact]
    public void ToString_shows_data_and_grad()
    {
        new Scalar(2.5).ToString().Should().Be("Scalar(data=2.5, grad=0)");

        var x = new Scalar(-1.25);
        (x * 4).Backward();
        x.ToString().Should().Be("Scalar(data=-1.25, grad=4)");
    }

    [Fact]
    public void ToString_uses_the_invariant_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            new Scalar(2.5).ToString().Should().Be("Scalar(data=2.5, grad=0)");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Label_comes_from_the_constructor_the_setter_or_WithLabel()
    {
        new Scalar(1.0).Label.Should().BeNull();
        new Scalar(1.0, "x").Label.Should().Be("x");

        var y = new Scalar(1.0) { Label = "y" };
        y.Label.Should().Be("y");
        y.Label = null;
        y.Label.Should().BeNull();

        var z = new Scalar(1.0) * 2;
        z.WithLabel("z").Should().BeSameAs(z);
        z.Label.Should().Be("z");
    }

    [Fact]
    public void Data_and_grad_can_be_set()
    {
        var x = new Scalar(1.0)
        {
            Data = 4.0,
            Grad = 0.5,
        };

        x.Data.Should().Be(4);
        x.Grad.Should().Be(0.5);
    }

    [Fact]
    public void Leaves_are_leaves_and_results_are_not()
    {
        var x = new Scalar(1.0);

        x.IsLeaf.Should().BeTrue();
        x.Op.Should().BeEmpty();
        x.Parents.Should().BeEmpty();
        (x + 1).IsLeaf.Should().BeFalse();
    }

    [Fact]
    public void TopologicalOrder_lists_every_node_once_with_parents_first_and_the_root_last()
    {
        var (a, b, mid, root) = SmallGraph();

        var order = root.TopologicalOrder();

        order.Should().OnlyHaveUniqueItems().And.Contain([a, b, mid, root]);
        order[^1].Should().BeSameAs(root);
        for (int i = 0; i < order.Count; i++)
        {
            foreach (var parent in order[i].Parents)
            {
                order.ToList().IndexOf(parent).Should().BeLessThan(i, "a parent comes before the node computed from it");
            }
        }

        order.Should().HaveCount(7); // a, b, a·b, tanh, tanh·a, b² (its constant exponent is not a node), the sum
        new Scalar(3).TopologicalOrder().Should().ContainSingle();
    }

    private static (Scalar A, Scalar B, Scalar Mid, Scalar Root) SmallGraph()
    {
        var a = new Scalar(1.5, "a");
        var b = new Scalar(-2.0, "b");
        var mid = (a * b).Tanh();
        var root = (mid * a) + b.Pow(2);
        return (a, b, mid, root);
    }
}
