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
        using var graph = Topology.Number(loss);
        int[] slot = SlotLayout.Assign(graph.Nodes);

        var dots = graph.Nodes.Where(n => n.Code == OpCode.Dot).ToList();
        dots.Should().HaveCount((10 * 33) + 1, "33 neurons per example, and the L2 term");
        foreach (var dot in dots)
        {
            SlotLayout.ConsecutiveStart(dot.WeightsAndBias, slot).Should().BeGreaterThanOrEqualTo(0, "a neuron's weights and bias are a run");
            SlotLayout.ConsecutiveStart(dot.Inputs, slot).Should().BeGreaterThanOrEqualTo(0, "a layer's inputs are a run");
        }

        var mean = graph.Nodes.Single(n => n.Code == OpCode.Mean);
        SlotLayout.ConsecutiveStart(mean.Terms, slot).Should().BeGreaterThanOrEqualTo(0, "the hinge terms are a run");
    }

    [Fact]
    public void A_layers_weighted_sums_sit_side_by_side_like_its_activations()
    {
        // The next layer's inputs are a chosen list of ReLUs; the dot products under them get a block of their own, in
        // the same order, unless one of them is in a list chosen before.
        var model = new MLP(2, [5, 4, 1], seed: 2);
        var scores = Enumerable.Range(0, 3).Select(i => model.Forward([i * 0.3, 1 - i])[0]).ToArray();
        var shared = model.Forward([0.5, 0.5]);
        var loss = Scalar.Sum(scores) + Scalar.Sum([shared[0], scores[0]]);
        using var graph = Topology.Number(loss);
        int[] slot = SlotLayout.Assign(graph.Nodes);

        var layerInputs = graph.Nodes.Where(n => n.Code == OpCode.Dot).Select(n => n.Inputs).Distinct().Where(x => x.All(i => i.Code == OpCode.Relu)).ToList();
        layerInputs.Should().HaveCount(2 * 4, "each of four examples has the first layer's five ReLUs and the second's four as inputs");
        foreach (var inputs in layerInputs)
        {
            SlotLayout.ConsecutiveStart(inputs, slot).Should().BeGreaterThanOrEqualTo(0);
            SlotLayout.ConsecutiveStart([.. inputs.Select(relu => relu.First)], slot).Should().BeGreaterThanOrEqualTo(0, "the ReLUs' weighted sums are a run too");
        }
    }

    [Fact]
    public void Slots_are_a_permutation_of_the_nodes()
    {
        var a = new Scalar(1.0);
        var b = new Scalar(2.0);
        var c = new Scalar(3.0);
        var root = Scalar.Dot([a, b, c], [c, b, a]) + Scalar.Dot([c, a], [b, c]) + Scalar.Sum([a, a, b]);

        using var graph = Topology.Number(root);
        int[] slot = SlotLayout.Assign(graph.Nodes);

        slot.Should().BeEquivalentTo(Enumerable.Range(0, graph.Nodes.Length));
    }

    [Fact]
    public void Operand_lists_that_cannot_all_be_consecutive_still_compile_to_the_dynamic_numbers()
    {
        // The first dot product claims consecutive places for a, b, c; the second uses them out of order.
        var a = new Scalar(0.3);
        var b = new Scalar(-1.2);
        var c = new Scalar(2.5);
        var root = (Scalar.Dot([a, b, c], [c, b, a], b) * Scalar.Dot([c, a], [b, c])).Tanh();

        using (var numbered = Topology.Number(root))
        {
            SlotLayout.ConsecutiveStart([c, a], SlotLayout.Assign(numbered.Nodes)).Should().Be(-1);
        }

        root.Backward();
        var expected = (a.Grad, b.Grad, c.Grad);
        a.Grad = b.Grad = c.Grad = 0;
        var graph = root.Compile();
        graph.Forward().Should().Be(root.Data);
        graph.Backward();
        (a.Grad, b.Grad, c.Grad).Should().Be(expected);
    }

    [Fact]
    public void Long_operand_lists_out_of_order_compile_to_the_dynamic_bits_for_every_fused_operation()
    {
        // Twenty leaves: the first dot product claims consecutive places for them, and every other fused
        // operation reads them in another order, so its list is gathered, not a run of consecutive slots.
        var random = new Random(31);
        var p = Enumerable.Range(0, 20).Select(i => new Scalar((random.NextDouble() * 4) - 2, $"p{i}")).ToArray();
        Scalar[] reversed = [.. p.Reverse()];
        Scalar[] shuffled = [.. p.OrderBy(_ => random.Next())];
        Scalar[] odd = [.. p.Where((_, i) => i % 2 == 1)];
        Scalar[] even = [.. p.Where((_, i) => i % 2 == 0)];

        var root = (Scalar.Dot(p, reversed, p[3])
            + Scalar.Dot(shuffled, p).Tanh()
            + Scalar.Dot(odd, even)
            + Scalar.Mean(reversed)
            + Scalar.LogSumExp(shuffled)
            + Scalar.Sum(shuffled).Sigmoid()).Relu();

        using (var numbered = Topology.Number(root))
        {
            int[] slot = SlotLayout.Assign(numbered.Nodes);
            new[] { reversed, shuffled, odd, even }.Count(list => SlotLayout.ConsecutiveStart(list, slot) == -1)
                .Should().BeGreaterThan(1, "most of these lists cannot be runs of consecutive slots");
        }

        root.Backward();
        long value = BitConverter.DoubleToInt64Bits(root.Data);
        long[] expected = [.. p.Select(x => BitConverter.DoubleToInt64Bits(x.Grad))];
        expected.Should().Contain(bits => bits != 0, "the gradients reach the leaves");

        foreach (var updates in Enum.GetValues<NodeUpdates>())
        {
            foreach (var x in p)
            {
                x.Grad = 0;
            }

            var graph = root.Compile(updates);
            BitConverter.DoubleToInt64Bits(graph.Forward()).Should().Be(value, $"the compiled value ({updates})");
            graph.Backward();
            p.Select(x => BitConverter.DoubleToInt64Bits(x.Grad)).Should().Equal(expected, $"the compiled gradients ({updates})");
        }
    }
}
