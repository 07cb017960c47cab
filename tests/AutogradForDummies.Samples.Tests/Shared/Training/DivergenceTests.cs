using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Samples.Tests.Training;

public sealed class DivergenceTests
{
    [Theory]
    [InlineData(double.NaN, 1.0, true)]
    [InlineData(double.PositiveInfinity, 1.0, true)]
    [InlineData(double.NegativeInfinity, 1.0, true)]
    [InlineData(1e6, 1.0, false)]          // a million times the start: still counted as training
    [InlineData(1.000001e6, 1.0, true)]
    [InlineData(2e6, 0.5, true)]           // the bound is at least 1e6, however small the first loss
    [InlineData(5e6, 10.0, false)]         // ... and grows with a large one
    [InlineData(0.0, 0.0, false)]
    [InlineData(1e300, 1e300, false)]
    public void A_loss_has_diverged_when_it_is_not_finite_or_a_million_times_its_start(double loss, double first, bool diverged) =>
        Divergence.HasDiverged(loss, first).Should().Be(diverged);

    [Theory]
    [InlineData(0.43215, "0.4322")]
    [InlineData(0.0, "0.0000")]
    [InlineData(99999.99, "99999.9900")]
    [InlineData(1e5, "1.0000e+05")]
    [InlineData(3.16227766e15, "3.1623e+15")]
    [InlineData(-2.5e7, "-2.5000e+07")]
    [InlineData(1.5e300, "1.5000e+300")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Huge_losses_are_written_in_scientific_notation(double loss, string text) =>
        Divergence.FormatLoss(loss).Should().Be(text);

    [Fact]
    public void The_message_says_diverged_where_and_what_to_do()
    {
        Divergence.Message("at step 7", 3.16227766e15, 0.995).Should().Be(
            "Training diverged at step 7: the loss is 3.1623e+15 (it was 0.9950 at step 0). Try a smaller --learning-rate. Nothing was written.");
    }

    [Fact]
    public void A_step_line_shows_a_huge_loss_in_scientific_notation()
    {
        TrainingProgress.Describe(12, 100, 3.16227766e15, 0.5).Should().Be("step  12  loss 3.1623e+15  accuracy 50%");
        TrainingProgress.Describe(3, 1000, 0.25, 1).Should().Be("step   3  loss 0.2500  accuracy 100%");
    }
}
