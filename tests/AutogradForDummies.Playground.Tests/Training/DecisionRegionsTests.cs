using AutogradForDummies.Nn;
using AutogradForDummies.Playground.Training;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Training;

public sealed class DecisionRegionsTests
{
    [Fact]
    public void Regions_are_painted_in_the_colour_of_the_predicted_class()
    {
        var model = new MLP(2, [1], seed: 1);
        var neuron = model.Layers[0].Neurons[0];
        neuron.Weights[0].Data = 1; // score = x: class 1 right of x = 0
        neuron.Weights[1].Data = 0;
        neuron.Bias.Data = 0;
        var area = new PlotArea([[-1, -1], [1, 1]], 100);

        var rgba = DecisionRegions.Paint(model, area, 10);

        rgba.Should().HaveCount(10 * 10 * 4);
        rgba[2].Should().BeGreaterThan(rgba[0], "the left edge is class 0, blue");
        int right = 9 * 4;
        rgba[right].Should().BeGreaterThan(rgba[right + 2], "the right edge is class 1, orange");
        rgba.Where((_, i) => i % 4 == 3).Should().OnlyContain(a => a == 255);
    }
}
