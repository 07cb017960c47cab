using AutogradForDummies.Playground.Training;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Training;

public sealed class ArenaLimitsTests
{
    [Fact]
    public void Settings_within_the_limits_pass_unchanged()
    {
        var messages = new List<string>();

        ArenaLimits.Apply(new ArenaSettings(), messages).Should().Be(new ArenaSettings());
        messages.Should().BeEmpty();
    }

    [Fact]
    public void Settings_beyond_what_a_tab_can_train_are_capped_with_a_reason()
    {
        var messages = new List<string>();

        var s = ArenaLimits.Apply(new ArenaSettings { Points = 50_000, HiddenLayers = [1000, 8, 8, 8, 8, 8] }, messages);

        s.Points.Should().Be(ArenaLimits.MaxPoints);
        s.HiddenLayers.Should().Equal(32, 8, 8, 8);
        ((long)s.EffectiveBatchSize * s.ParameterCount).Should().BeLessThanOrEqualTo(ArenaLimits.MaxWorkPerStep);
        messages.Should().HaveCount(4);
        messages[0].Should().Contain("Points capped at 1000").And.Contain("stall the tab");
        messages.Should().Contain(m => m.Contains("Batch size set to", StringComparison.Ordinal) && m.Contains("multiply-adds per step", StringComparison.Ordinal));
    }

    [Fact]
    public void A_binary_loss_on_more_than_two_classes_becomes_softmax_cross_entropy()
    {
        var messages = new List<string>();

        var s = ArenaLimits.Apply(new ArenaSettings { Dataset = DatasetKind.Spiral, Classes = 3, Loss = LossKind.Hinge }, messages);

        s.Loss.Should().Be(LossKind.SoftmaxCrossEntropy);
        s.Outputs.Should().Be(3);
        messages.Should().ContainSingle().Which.Should().Contain("this data set has 3");
    }

    [Theory]
    [InlineData(double.NaN, 0.1)]
    [InlineData(-1.0, 0.1)]
    [InlineData(double.PositiveInfinity, 0.1)]
    public void Numbers_that_no_optimizer_accepts_are_replaced_and_said_so(double rate, double expected)
    {
        var messages = new List<string>();

        var s = ArenaLimits.Apply(new ArenaSettings { LearningRate = rate, Momentum = 1, L2 = -1, Noise = double.NaN }, messages);

        s.LearningRate.Should().Be(expected);
        s.Momentum.Should().Be(0);
        s.L2.Should().Be(0);
        s.Noise.Should().Be(0.1);
        messages.Should().HaveCount(4);
    }
}
