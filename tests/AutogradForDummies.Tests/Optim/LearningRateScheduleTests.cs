using AutogradForDummies.Optim;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Optim;

public sealed class LearningRateScheduleTests
{
    [Fact]
    public void Constant_is_the_same_at_every_step()
    {
        var schedule = LearningRateSchedule.Constant(0.05);

        schedule.At(0).Should().Be(0.05);
        schedule.At(1_000_000).Should().Be(0.05);
        schedule.ToString().Should().Be("Constant(0.05)");
    }

    [Fact]
    public void Linear_one_to_a_tenth_over_100_steps_is_micrograds_schedule_to_the_bit()
    {
        var schedule = LearningRateSchedule.Linear(1.0, 0.1, 100);

        for (int k = 0; k < 100; k++)
        {
            schedule.At(k).Should().Be(1.0 - (0.9 * k / 100));
        }

        schedule.At(50).Should().BeApproximately(0.55, 1e-15);
        schedule.At(100).Should().Be(0.1);
        schedule.At(500).Should().Be(0.1);
    }

    [Fact]
    public void Step_multiplies_by_the_factor_every_few_steps()
    {
        var schedule = LearningRateSchedule.Step(0.8, 0.5, 10);

        schedule.At(0).Should().Be(0.8);
        schedule.At(9).Should().Be(0.8);
        schedule.At(10).Should().Be(0.4);
        schedule.At(25).Should().Be(0.2);
    }

    [Fact]
    public void Cosine_follows_half_a_cosine_wave_then_stays_at_the_end()
    {
        var schedule = LearningRateSchedule.Cosine(1.0, 0.2, 100);

        schedule.At(0).Should().BeApproximately(1.0, 1e-15);
        schedule.At(50).Should().BeApproximately(0.6, 1e-15);                                       // halfway
        schedule.At(25).Should().BeApproximately(0.2 + (0.8 * (1 + Math.Cos(Math.PI / 4)) / 2), 1e-15);
        schedule.At(100).Should().Be(0.2);
        schedule.At(1000).Should().Be(0.2);
    }

    [Fact]
    public void A_negative_step_is_rejected()
    {
        FluentActions.Invoking(() => LearningRateSchedule.Constant(1).At(-1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("step");
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_their_names()
    {
        FluentActions.Invoking(() => LearningRateSchedule.Constant(0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRate");
        FluentActions.Invoking(() => LearningRateSchedule.Constant(double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRate");
        FluentActions.Invoking(() => LearningRateSchedule.Linear(-1, 0, 10)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("start");
        FluentActions.Invoking(() => LearningRateSchedule.Linear(1, -0.1, 10)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("end");
        FluentActions.Invoking(() => LearningRateSchedule.Linear(1, 0, 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("steps");
        FluentActions.Invoking(() => LearningRateSchedule.Step(1, 0, 10)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("factor");
        FluentActions.Invoking(() => LearningRateSchedule.Step(1, 1.5, 10)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("factor");
        FluentActions.Invoking(() => LearningRateSchedule.Step(1, 0.5, 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("every");
        FluentActions.Invoking(() => LearningRateSchedule.Step(double.PositiveInfinity, 0.5, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("initial");
        FluentActions.Invoking(() => LearningRateSchedule.Cosine(0, 0, 10)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("start");
        FluentActions.Invoking(() => LearningRateSchedule.Cosine(1, double.NaN, 10)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("end");
        FluentActions.Invoking(() => LearningRateSchedule.Cosine(1, 0, -5)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("steps");
    }

    [Fact]
    public void A_custom_schedule_that_returns_a_bad_rate_stops_the_step_without_changing_anything()
    {
        var p = new Scalar(1.0) { Grad = 1.0 };
        var sgd = new SGD([p], new BrokenAfterOneStep());

        sgd.Step();
        p.Data.Should().Be(0.5);

        FluentActions.Invoking(sgd.Step).Should().Throw<InvalidOperationException>().WithMessage("*learning rate NaN for step 1*");
        p.Data.Should().Be(0.5);
        sgd.StepCount.Should().Be(1);
    }

    private sealed class BrokenAfterOneStep : LearningRateSchedule
    {
        protected override double LearningRateAt(int stepIndex) => stepIndex == 0 ? 0.5 : double.NaN;
    }

    [Fact]
    public void SGD_rejects_a_schedule_that_starts_at_zero_naming_the_schedule()
    {
        var parameters = new[] { new Scalar(1.0) };

        FluentActions.Invoking(() => new SGD(parameters, new StartsAtZero()))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("schedule");
    }

    private sealed class StartsAtZero : LearningRateSchedule
    {
        protected override double LearningRateAt(int stepIndex) => 0;
    }
}
