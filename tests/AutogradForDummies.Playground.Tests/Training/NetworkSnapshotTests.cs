using AutogradForDummies.Nn;
using AutogradForDummies.Playground.Training;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Training;

public sealed class NetworkSnapshotTests
{
    [Theory]
    [InlineData(Activation.Relu, new[] { 16, 16, 1 })]
    [InlineData(Activation.Tanh, new[] { 7, 3 })]
    [InlineData(Activation.Sigmoid, new[] { 5, 9, 2 })]
    public void Predict_gives_the_graphs_numbers_to_the_last_bit(Activation activation, int[] sizes)
    {
        var model = new MLP(2, sizes, activation, seed: 3);
        var net = new NetworkSnapshot(model);
        var random = new Random(4);
        for (int i = 0; i < 200; i++)
        {
            double x = (random.NextDouble() * 6) - 3, y = (random.NextDouble() * 6) - 3;

            var expected = model.Forward([x, y]).Select(s => s.Data).ToArray();

            net.Predict(x, y).ToArray().Should().Equal(expected);
        }
    }

    [Fact]
    public void DeadUnits_are_the_ReLUs_whose_input_is_at_most_0_for_every_point()
    {
        var model = new MLP(2, [3, 1], seed: 1);
        var neuron = model.Layers[0].Neurons[2];
        neuron.Weights[0].Data = 0;
        neuron.Weights[1].Data = 0;
        neuron.Bias.Data = 0; // exactly 0 is off too: relu'(0) = 0
        double[][] points = [[1, 2], [-3, 0.5], [0, 0]];

        var dead = new NetworkSnapshot(model).DeadUnits(points);

        dead.Should().HaveCount(1);
        for (int j = 0; j < 3; j++)
        {
            var unit = model.Layers[0].Neurons[j];
            bool off = points.All(p => !(unit.Forward([new Scalar(p[0]), new Scalar(p[1])]).Data > 0));
            dead[0][j].Should().Be(off, $"neuron {j}");
        }

        dead[0][2].Should().BeTrue();
    }

    [Fact]
    public void Units_other_than_ReLU_never_count_as_dead()
    {
        var model = new MLP(2, [4, 1], Activation.Tanh, seed: 1);

        new NetworkSnapshot(model).DeadUnits([[100, 100]]).Should().ContainSingle().Which.Should().OnlyContain(d => !d);
    }
}
