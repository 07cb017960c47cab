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
    public void A_rising_Cosine_starts_exactly_at_its_start_however_small()
    {
        var schedule = LearningRateSchedule.Cosine(1e-20, 1.0, 100);

        schedule.At(0).Should().Be(1e-20);
        schedule.At(50).Should().BeApproximately(0.5, 1e-15);
        schedule.At(100).Should().Be(1.0);
        new SGD([new Scalar(0)], schedule).LearningRate.Should().Be(1e-20);
    }

    [Fact]
    public void A_falling_Cosine_gives_the_bits_of_its_formula()
    {
        var schedule = LearningRateSchedule.Cosine(1.0, 0.2, 100);

        for (int k = 0; k < 100; k++)
        {
            schedule.At(k).Should().Be(0.2 + ((1.0 - 0.2) * (1 + Math.Cos(Math.PI * k / 100)) / 2));
        }
    }

    [Fact]
    public void Warmup_climbs_in_equal_steps_to_the_first_rate_of_the_next_schedule()
    {
        var schedule = LearningRateSchedule.Warmup(4, LearningRateSchedule.Constant(1.0));

        Enumerable.Range(0, 6).Select(schedule.At).Should().Equal(1.0 / 5, 2.0 / 5, 3.0 / 5, 4.0 / 5, 1.0, 1.0);
        schedule.ToString().Should().Be("Warmup(4, Constant(1))");
    }

    [Fact]
    public void After_the_warm_up_the_next_schedule_starts_from_its_step_0()
    {
        var cosine = LearningRateSchedule.Cosine(0.01, 0.001, 10);
        var schedule = LearningRateSchedule.Warmup(3, cosine);

        schedule.At(0).Should().Be(cosine.At(0) * (1.0 / 4));
        schedule.At(2).Should().Be(cosine.At(0) * (3.0 / 4));
        for (int k = 0; k < 20; k++)
        {
            schedule.At(3 + k).Should().Be(cosine.At(k));
        }

        schedule.ToString().Should().Be("Warmup(3, Cosine(0.01, 0.001, 10))");
    }

    [Fact]
    public void Warmups_compose()
    {
        var linear = LearningRateSchedule.Linear(0.8, 0.4, 2);   // 0.8, 0.6, 0.4, ...
        var inner = LearningRateSchedule.Warmup(1, linear);       // 0.4, then the line
        var outer = LearningRateSchedule.Warmup(1, inner);        // 0.2, then inner

        Enumerable.Range(0, 6).Select(outer.At).Should().Equal(0.2, 0.4, 0.8, linear.At(1), 0.4, 0.4);
    }

    [Fact]
    public void Warmup_rejects_bad_arguments_with_their_names()
    {
        var constant = LearningRateSchedule.Constant(1);

        FluentActions.Invoking(() => LearningRateSchedule.Warmup(0, constant)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("steps");
        FluentActions.Invoking(() => LearningRateSchedule.Warmup(-1, constant)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("steps");
        FluentActions.Invoking(() => LearningRateSchedule.Warmup(5, null!)).Should().Throw<ArgumentNullException>().WithParameterName("then");
        FluentActions.Invoking(() => LearningRateSchedule.Warmup(5, new StartsAtZero()))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("then").WithMessage("The first learning rate*positive and finite*");
        FluentActions.Invoking(() => LearningRateSchedule.Warmup(5, new OptimizerTests.Fixed(double.PositiveInfinity)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("then");
    }

    [Theory]
    [InlineData(double.MaxValue, 0.0)]
    [InlineData(double.MaxValue, double.MaxValue / 4)]
    [InlineData(double.Epsilon, double.MaxValue)]
    [InlineData(1e-300, double.MaxValue)]
    [InlineData(double.MaxValue, double.Epsilon)]
    public void Linear_and_Cosine_do_not_overflow_between_rates_near_the_largest_double(double start, double end)
    {
        foreach (var schedule in new[] { LearningRateSchedule.Linear(start, end, 100), LearningRateSchedule.Cosine(start, end, 100) })
        {
            double previous = start;
            for (int k = 0; k <= 100; k++)
            {
                double rate = schedule.At(k);
                rate.Should().BeInRange(Math.Min(start, end), Math.Max(start, end), "{0} at step {1}", schedule, k);
                (end < start ? rate <= previous : rate >= previous).Should().BeTrue("{0} moves one way only (step {1})", schedule, k);
                previous = rate;
            }
        }
    }

    [Theory]
    [InlineData(100, 37)]
    [InlineData(int.MaxValue, 1)]
    [InlineData(int.MaxValue, int.MaxValue / 2)]
    [InlineData(int.MaxValue, int.MaxValue - 1)]
    public void Near_the_largest_double_Linear_gives_the_bits_its_formula_gives_without_overflow(int steps, int k)
    {
        // Multiplying by a power of two is exact, so the huge schedule must be the small one scaled up, bit for bit.
        const int Shift = 600;
        double start = double.MaxValue, end = double.MaxValue / 3;
        var huge = LearningRateSchedule.Linear(start, end, steps);
        var small = LearningRateSchedule.Linear(Math.ScaleB(start, -Shift), Math.ScaleB(end, -Shift), steps);

        huge.At(k).Should().Be(Math.ScaleB(small.At(k), Shift));
        huge.At(k).Should().BeApproximately(start + ((end - start) * ((double)k / steps)), start * 1e-15);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(99)]
    public void Near_the_largest_double_Cosine_gives_the_bits_its_formula_gives_without_overflow(int k)
    {
        const int Shift = 600;
        var huge = LearningRateSchedule.Cosine(double.MaxValue, 1.0, 100);
        var small = LearningRateSchedule.Cosine(Math.ScaleB(double.MaxValue, -Shift), Math.ScaleB(1.0, -Shift), 100);

        huge.At(k).Should().Be(Math.ScaleB(small.At(k), Shift));
    }

    [Fact]
    public void Every_factory_stays_finite_at_the_extremes_of_the_step_number()
    {
        var schedules = new[]
        {
            LearningRateSchedule.Constant(double.MaxValue),
            LearningRateSchedule.Linear(double.MaxValue, 0, int.MaxValue),
            LearningRateSchedule.Cosine(double.MaxValue, 0, int.MaxValue),
            LearningRateSchedule.Step(double.MaxValue, 0.5, 1),
            LearningRateSchedule.Step(double.Epsilon, 1.0, 1),
            LearningRateSchedule.Warmup(int.MaxValue, LearningRateSchedule.Constant(double.MaxValue)),
            LearningRateSchedule.Warmup(1, LearningRateSchedule.Linear(double.MaxValue, double.MaxValue / 2, int.MaxValue)),
        };

        foreach (var schedule in schedules)
        {
            foreach (int k in new[] { 0, 1, int.MaxValue / 2, int.MaxValue - 1, int.MaxValue })
            {
                double rate = schedule.At(k);
                double.IsFinite(rate).Should().BeTrue("{0} at step {1} gave {2}", schedule, k, rate);
                rate.Should().BeGreaterThanOrEqualTo(0, "{0} at step {1}", schedule, k);
            }
        }

        LearningRateSchedule.Step(double.MaxValue, 0.5, 1).At(int.MaxValue).Should().Be(0); // underflows to 0, never below
        LearningRateSchedule.Warmup(int.MaxValue, LearningRateSchedule.Constant(double.MaxValue)).At(int.MaxValue - 1)
            .Should().BeLessThan(double.MaxValue);
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
