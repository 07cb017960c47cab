using AutogradForDummies.Nn;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests;

public sealed class SlotLayoutTests
{
    [Fact]
    public void Every_dot_product_of_an_MLP_loss_reads_consecutive_slots()
    {
        var model = new MLP(2, [16, 16, 1], seed: 3);
        var scores = new Scalar[10];
        var labels = new double[10];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = model.Forward([i * 0.1, -i * 0.2])[0];
            labels[i] = i % 2 == 0 ? 1 : -1;
        }

        var loss = Losses.Hinge(scores, labels) + Losses.L2(model.Parameters(), 1e-4);
        var (nodes, index, slot) = Layout(loss);

        var dots = nodes.Where(n => n.Code == OpCode.Dot).ToList();
        dots.Should().HaveCount((10 * 33) + 1, "33 neurons per example, and the L2 term");
        foreach (var dot in dots)
        {
            SlotLayout.ConsecutiveStart(dot.Xs, index, slot).Should().BeGreaterThanOrEqualTo(0);
            SlotLayout.ConsecutiveStart(dot.Ys, index, slot).Should().BeGreaterThanOrEqualTo(0);
        }
    }

    [Fact]
    public void Slots_are_a_permutation_of_the_nodes()
    {
        var a = new Scalar(1.0);
        var b = new Scalar(2.0);
        var c = new Scalar(3.0);
        var root = Scalar.Dot([a, b, c], [c, b, a]) + Scalar.Dot([c, a], [b, c]) + Scalar.Sum([a, a, b]);

        var (nodes, _, slot) = Layout(root);

        slot.Should().BeEquivalentTo(Enumerable.Range(0, nodes.Length));
    }

    [Fact]
    public void Operand_lists_that_cannot_all_be_consecutive_still_compile_to_the_dynamic_numbers()
    {
        // The first dot product claims consecutive places for a, b, c; the second uses them out of order.
        var a = new Scalar(0.3);
        var b = new Scalar(-1.2);
        var c = new Scalar(2.5);
        var root = (Scalar.Dot([a, b, c], [c, b, a], b) * Scalar.Dot([c, a], [b, c])).Tanh();

        var (_, index, slot) = Layout(root);
        SlotLayout.ConsecutiveStart([c, a], index, slot).Should().Be(-1);

        root.Backward();
        var expected = (a.Grad, b.Grad, c.Grad);
        a.Grad = b.Grad = c.Grad = 0;
        var graph = root.Compile();
        graph.Forward().Should().Be(root.Data);
        graph.Backward();
        (a.Grad, b.Grad, c.Grad).Should().Be(expected);
    }

    private static (Scalar[] Nodes, Dictionary<Scalar, int> Index, int[] Slot) Layout(Scalar root)
    {
        var (nodes, index) = Topology.Numbered(root);
        return (nodes, index, SlotLayout.Assign(nodes, index));
    }
}
