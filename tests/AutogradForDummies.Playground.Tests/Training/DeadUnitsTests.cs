using AutogradForDummies.Nn;
using AutogradForDummies.Playground.Training;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Training;

public sealed class DeadUnitsTests
{
    [Fact]
    public void Dead_units_are_the_ReLUs_whose_input_is_at_most_0_for_every_point()
    {
        var model = new MLP(2, [3, 1], seed: 1);
        var neuron = model.Layers[0].Neurons[2];
        neuron.Weights[0].Data = 0;
        neuron.Weights[1].Data = 0;
        neuron.Bias.Data = 0; // exactly 0 is off too: relu'(0) = 0
        double[][] points = [[1, 2], [-3, 0.5], [0, 0]];

        var dead = DeadUnits.Of(model, points);

        dead.Should().HaveCount(1);
        for (int j = 0; j < 3; j++)
        {
            var unit = model.Layers[0].Neurons[j];
            bool off = points.All(p => !(unit.Forward([new Scalar(p[0]), new Scalar(p[1])]).Data > 0));
            dead[0][j].Should().Be(off, $"neuron {j}");
        }

        dead[0][2].Should().BeTrue();
    }

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.LeakyRelu)]
    public void Units_other_than_ReLU_never_count_as_dead(Activation activation)
    {
        var model = new MLP(2, [4, 1], activation, seed: 1);
        foreach (var p in model.Layers[0].Parameters())
        {
            p.Data = -1; // negative for the point below: a ReLU would be off
        }

        DeadUnits.Of(model, [[1, 1]]).Should().ContainSingle().Which.Should().OnlyContain(d => !d);
    }
}
