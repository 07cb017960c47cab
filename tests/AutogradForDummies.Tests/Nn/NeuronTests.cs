using AutogradForDummies.Nn;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Nn;

public sealed class NeuronTests
{
    [Fact]
    public void Weights_are_uniform_in_minus_one_to_one_and_the_bias_starts_at_zero()
    {
        var neuron = new Neuron(1000, seed: 3);

        neuron.Weights.Should().HaveCount(1000);
        neuron.InputCount.Should().Be(1000);
        neuron.Bias.Data.Should().Be(0);
        double min = double.MaxValue, max = double.MinValue, sum = 0;
        foreach (var w in neuron.Weights)
        {
            min = Math.Min(min, w.Data);
            max = Math.Max(max, w.Data);
            sum += w.Data;
        }

        min.Should().BeGreaterThanOrEqualTo(-1).And.BeLessThan(-0.9);
        max.Should().BeLessThanOrEqualTo(1).And.BeGreaterThan(0.9);
        (sum / 1000).Should().BeInRange(-0.1, 0.1);
    }

    [Fact]
    public void The_same_seed_gives_the_same_weights_and_a_different_seed_different_ones()
    {
        var a = new Neuron(5, seed: 7);
        var b = new Neuron(5, seed: 7);
        var c = new Neuron(5, seed: 8);
        var d = new Neuron(5, new Random(7));

        for (int i = 0; i < 5; i++)
        {
            b.Weights[i].Data.Should().Be(a.Weights[i].Data);
            d.Weights[i].Data.Should().Be(a.Weights[i].Data);
        }

        c.Weights[0].Data.Should().NotBe(a.Weights[0].Data);
    }

    [Theory]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.LeakyRelu)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Linear)]
    public void Forward_applies_the_activation_to_the_weighted_sum(Activation activation)
    {
        var neuron = new Neuron(3, activation, seed: 1);
        neuron.Weights[0].Data = 0.5;
        neuron.Weights[1].Data = -1.0;
        neuron.Weights[2].Data = 0.25;
        neuron.Bias.Data = 0.1;

        var y = neuron.Forward([new Scalar(2.0), new Scalar(1.5), new Scalar(-4.0)]);

        double z = (0.5 * 2.0) + (-1.0 * 1.5) + (0.25 * -4.0) + 0.1; // -1.4
        double expected = activation switch
        {
            Activation.Relu => 0,
            Activation.LeakyRelu => 0.01 * z,
            Activation.Tanh => Math.Tanh(z),
            Activation.Sigmoid => 1 / (1 + Math.Exp(-z)),
            _ => z,
        };
        y.Data.Should().BeApproximately(expected, 1e-15);
        neuron.Activation.Should().Be(activation);
    }

    [Fact]
    public void Forward_adds_one_dot_node_and_one_activation_node()
    {
        var neuron = new Neuron(4, Activation.Tanh, seed: 2);
        var x = new[] { new Scalar(1), new Scalar(2), new Scalar(3), new Scalar(4) };

        var y = neuron.Forward(x);

        y.Op.Should().Be("tanh");
        y.Parents.Should().ContainSingle().Which.Op.Should().Be("dot");
        y.Parents[0].Parents.Should().HaveCount(9); // 4 weights, 4 inputs, the bias
        new Neuron(4, Activation.Linear).Forward(x).Op.Should().Be("dot");
    }

    [Fact]
    public void Forward_gives_the_gradients_of_the_weighted_sum()
    {
        var neuron = new Neuron(2, Activation.Linear, seed: 4);
        var x0 = new Scalar(3.0);
        var x1 = new Scalar(-2.0);

        neuron.Forward([x0, x1]).Backward();

        neuron.Weights[0].Grad.Should().Be(3.0);  // d/dw0 = x0
        neuron.Weights[1].Grad.Should().Be(-2.0); // d/dw1 = x1
        neuron.Bias.Grad.Should().Be(1.0);
        x0.Grad.Should().Be(neuron.Weights[0].Data);
        x1.Grad.Should().Be(neuron.Weights[1].Data);
    }

    [Fact]
    public void Changing_the_callers_input_list_afterwards_does_not_change_the_graph()
    {
        var neuron = new Neuron(2, Activation.Linear, seed: 4);
        var a = new Scalar(1.0);
        var inputs = new[] { a, new Scalar(2.0) };

        var y = neuron.Forward(inputs);
        inputs[0] = new Scalar(100.0);
        y.Backward();

        a.Grad.Should().Be(neuron.Weights[0].Data);
        inputs[0].Grad.Should().Be(0);
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_their_names()
    {
        FluentActions.Invoking(() => new Neuron(0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("inputs");
        FluentActions.Invoking(() => new Neuron(-3, new Random(1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("inputs");
        FluentActions.Invoking(() => new Neuron(2, (Random)null!)).Should().Throw<ArgumentNullException>().WithParameterName("random");
        FluentActions.Invoking(() => new Neuron(2, (Activation)42)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("activation");
        FluentActions.Invoking(() => new Neuron(int.MaxValue)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("inputs")
            .WithMessage("2147483648 parameters*more than one array can hold*");
        FluentActions.Invoking(() => new Neuron(Array.MaxLength, new Random(1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("inputs");

        var neuron = new Neuron(2);
        FluentActions.Invoking(() => neuron.Forward(null!)).Should().Throw<ArgumentNullException>().WithParameterName("x");
        FluentActions.Invoking(() => neuron.Forward([new Scalar(1)]))
            .Should().Throw<ArgumentException>().WithParameterName("x").WithMessage("Expected 2 inputs but got 1*");
        FluentActions.Invoking(() => neuron.Forward([new Scalar(1), null!]))
            .Should().Throw<ArgumentNullException>().WithParameterName("x").WithMessage("Input 1 is null*");
    }

    [Fact]
    public void Parameters_are_the_weights_in_order_then_the_bias_with_names()
    {
        var neuron = new Neuron(3, seed: 5);

        neuron.Parameters().Should().Equal(neuron.Weights[0], neuron.Weights[1], neuron.Weights[2], neuron.Bias);
        neuron.ParameterCount.Should().Be(4);
        var names = new List<string>();
        foreach (var pair in neuron.NamedParameters())
        {
            names.Add(pair.Key);
        }

        names.Should().Equal("w.0", "w.1", "w.2", "b");
        neuron.NamedParameters()[3].Value.Should().BeSameAs(neuron.Bias);
    }

    [Theory]
    [InlineData(Activation.Relu, "ReLUNeuron(3)")]
    [InlineData(Activation.Tanh, "TanhNeuron(3)")]
    [InlineData(Activation.Sigmoid, "SigmoidNeuron(3)")]
    [InlineData(Activation.Linear, "LinearNeuron(3)")]
    [InlineData(Activation.LeakyRelu, "LeakyReLUNeuron(3)")]
    public void ToString_reads_like_micrograd(Activation activation, string expected) =>
        new Neuron(3, activation).ToString().Should().Be(expected);
}
