using AutogradForDummies.Nn;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Nn;

public sealed class LayerTests
{
    [Fact]
    public void Forward_gives_one_output_per_neuron_each_from_the_same_inputs()
    {
        var layer = new Layer(3, 4, Activation.Tanh, seed: 9);
        Scalar[] x = [new(0.5), new(-1.0), new(2.0)];

        var outputs = layer.Forward(x);

        outputs.Should().HaveCount(4);
        for (int i = 0; i < 4; i++)
        {
            outputs[i].Data.Should().Be(layer.Neurons[i].Forward(x).Data);
        }

        layer.InputCount.Should().Be(3);
        layer.OutputCount.Should().Be(4);
        layer.Activation.Should().Be(Activation.Tanh);
    }

    [Fact]
    public void Neurons_draw_their_weights_one_after_another_from_the_generator()
    {
        var layer = new Layer(2, 3, new Random(11), Activation.Relu);
        var random = new Random(11);

        foreach (var neuron in layer.Neurons)
        {
            var expected = new Neuron(2, random, Activation.Relu);
            neuron.Weights[0].Data.Should().Be(expected.Weights[0].Data);
            neuron.Weights[1].Data.Should().Be(expected.Weights[1].Data);
        }

        new Layer(2, 3, seed: 11).Neurons[2].Weights[1].Data.Should().Be(layer.Neurons[2].Weights[1].Data);
    }

    [Fact]
    public void Parameters_go_neuron_by_neuron_with_dotted_names()
    {
        var layer = new Layer(2, 2, seed: 1);

        var n0 = layer.Neurons[0];
        var n1 = layer.Neurons[1];
        layer.Parameters().Should().Equal(n0.Weights[0], n0.Weights[1], n0.Bias, n1.Weights[0], n1.Weights[1], n1.Bias);
        layer.NamedParameters()[4].Key.Should().Be("neurons.1.w.1");
        layer.NamedParameters()[5].Key.Should().Be("neurons.1.b");
        layer.ParameterCount.Should().Be(6);
    }

    [Theory]
    [InlineData(2, int.MaxValue)]                 // int.MaxValue neurons
    [InlineData(50_000, 50_000)]                  // 2.5 billion weights
    [InlineData(715_827_863, 3)]                  // 3 × 715827864 = Array.MaxLength + 1
    [InlineData(0x7FFFFFC6, 2)]                   // a neuron that just fits (Array.MaxLength − 1 inputs), twice
    public void A_layer_whose_parameters_no_array_can_hold_is_refused_before_anything_is_allocated(int inputCount, int neuronCount)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();

        FluentActions.Invoking(() => new Layer(inputCount, neuronCount, seed: 1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("outputs").WithMessage("*parameters*more than one array can hold*");

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(1 << 20);
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_their_names()
    {
        FluentActions.Invoking(() => new Layer(0, 2)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("inputs");
        FluentActions.Invoking(() => new Layer(2, 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("outputs");
        FluentActions.Invoking(() => new Layer(2, -1, new Random(1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("outputs");
        FluentActions.Invoking(() => new Layer(2, 2, null!)).Should().Throw<ArgumentNullException>().WithParameterName("random");
        FluentActions.Invoking(() => new Layer(2, 2, (Activation)(-1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("activation");
        FluentActions.Invoking(() => new Layer(int.MaxValue, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("inputs");

        var layer = new Layer(2, 2);
        FluentActions.Invoking(() => layer.Forward([new Scalar(1), new Scalar(2), new Scalar(3)]))
            .Should().Throw<ArgumentException>().WithParameterName("x").WithMessage("Expected 2 inputs but got 3*");
        FluentActions.Invoking(() => layer.Forward([null!, new Scalar(2)])).Should().Throw<ArgumentNullException>().WithParameterName("x");
    }

    [Fact]
    public void ToString_reads_like_micrograd() =>
        new Layer(2, 3).ToString().Should().Be("Layer of [ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2)]");
}
