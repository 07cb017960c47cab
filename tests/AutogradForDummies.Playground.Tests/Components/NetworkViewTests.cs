using AutogradForDummies.Playground.Components;
using AutogradForDummies.Playground.Training;
using Bunit;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Components;

public sealed class NetworkViewTests : PlaygroundContext
{
    [Fact]
    public void Dead_units_and_the_ReLUs_that_are_off_for_the_point_are_marked()
    {
        var trainer = new Trainer(new ArenaSettings { HiddenLayers = [3] });
        var neuron = trainer.Model.Layers[0].Neurons[1];
        foreach (var w in neuron.Weights)
        {
            w.Data = 0;
        }

        neuron.Bias.Data = -1; // off for every point: dead
        var inspection = PointInspection.Inspect(trainer, 0);
        var weights = trainer.Model.Layers.Select(l => (IReadOnlyList<IReadOnlyList<double>>)l.Neurons
            .Select(n => (IReadOnlyList<double>)n.Weights.Select(w => w.Data).ToArray()).ToArray()).ToArray();
        var dead = DeadUnits.Of(trainer.Model, trainer.Data.Features);

        var cut = Render<NetworkView>(p => p.Add(c => c.Weights, weights).Add(c => c.Dead, dead).Add(c => c.Inspection, inspection));

        var unit = cut.Find("g.unit[data-unit=\"h1.1\"]");
        unit.GetAttribute("data-dead").Should().Be("true");
        unit.GetAttribute("data-off").Should().Be("true");
        unit.QuerySelector("title")!.TextContent.Should().Contain("dead: its ReLU is off for every point");
        cut.FindAll("circle.dead").Should().HaveCount(dead[0].Count(d => d));
        cut.FindAll("line.edge").Should().HaveCount((2 * 3) + 3);
        cut.Find("svg").GetAttribute("aria-label").Should().Contain("2 → 3 → 1");
    }
}
