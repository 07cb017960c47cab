using AutogradForDummies.Playground.Components;
using AutogradForDummies.Playground.Training;
using Bunit;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Components;

public sealed class LossCurvesTests : PlaygroundContext
{
    [Fact]
    public void The_curves_have_a_vertex_per_step_up_to_a_limit_and_say_the_last_numbers()
    {
        var history = Enumerable.Range(1, 1000).Select(i => new TrainingRecord(i, 1.0 / i, Math.Min(1, i / 500.0))).ToList();

        var cut = Render<LossCurves>(p => p.Add(c => c.History, history));

        var loss = cut.Find("polyline.loss").GetAttribute("points")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        loss.Length.Should().BeInRange(300, 401);
        cut.Find("svg").GetAttribute("aria-label").Should().Be("Loss and accuracy curves over 1000 steps; last loss 0.001, accuracy 100%.");
    }

    [Fact]
    public void Infinite_and_missing_losses_draw_no_NaN()
    {
        var history = new List<TrainingRecord> { new(1, 2, 0.5), new(2, double.PositiveInfinity, 0.5), new(3, double.NaN, 0.5) };

        var cut = Render<LossCurves>(p => p.Add(c => c.History, history));

        cut.Find("polyline.loss").GetAttribute("points").Should().NotContain("NaN").And.NotContain("∞");
    }
}
