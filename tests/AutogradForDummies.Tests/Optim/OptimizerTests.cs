using AutogradForDummies.Nn;
using AutogradForDummies.Optim;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Optim;

public sealed class OptimizerTests
{
    [Fact]
    public void Step_passes_the_step_number_from_zero_and_then_counts_it()
    {
        var optimizer = new Recording([new Scalar(0)]);

        optimizer.Step();
        optimizer.Step();
        optimizer.Step();

        optimizer.Seen.Should().Equal(0, 1, 2);
        optimizer.StepCount.Should().Be(3);
    }

    [Fact]
    public void ZeroGrad_resets_the_gradients_of_its_parameters()
    {
        var model = new MLP(2, [3, 1], seed: 1);
        model.Forward([1.0, -1.0])[0].Backward();
        var optimizer = new Recording(model.Parameters());

        optimizer.ZeroGrad();

        model.Parameters().Should().OnlyContain(p => p.Grad == 0);
    }

    [Fact]
    public void It_keeps_its_own_copy_of_the_parameter_list()
    {
        var a = new Scalar(1);
        var list = new List<Scalar> { a };
        var optimizer = new Recording(list);

        list.Add(new Scalar(2));

        optimizer.Parameters.Should().Equal(a);
        optimizer.Parameters.Should().NotBeAssignableTo<Scalar[]>();
    }

    [Fact]
    public void Empty_null_or_repeated_parameters_are_rejected()
    {
        var a = new Scalar(1);

        FluentActions.Invoking(() => new Recording(null!)).Should().Throw<ArgumentNullException>().WithParameterName("parameters");
        FluentActions.Invoking(() => new Recording([]))
            .Should().Throw<ArgumentException>().WithParameterName("parameters").WithMessage("There are no parameters*");
        FluentActions.Invoking(() => new Recording([a, null!]))
            .Should().Throw<ArgumentNullException>().WithParameterName("parameters").WithMessage("parameters[1] is null*");
        FluentActions.Invoking(() => new Recording([a, new Scalar(1), a]))
            .Should().Throw<ArgumentException>().WithParameterName("parameters").WithMessage("parameters[2] appears twice*");
    }

    [Fact]
    public void A_plain_learning_rate_is_a_constant_schedule()
    {
        var optimizer = new Recording([new Scalar(0)], 0.25);

        optimizer.Schedule.ToString().Should().Be("Constant(0.25)");
        optimizer.LearningRate.Should().Be(0.25);
        optimizer.Step();
        optimizer.Rates.Should().Equal(0.25);
    }

    [Fact]
    public void Each_step_gets_its_scheduled_rate_and_LearningRate_shows_the_next_one()
    {
        var schedule = LearningRateSchedule.Step(0.8, 0.5, 1);
        var optimizer = new Recording([new Scalar(0)], schedule);

        optimizer.Schedule.Should().BeSameAs(schedule);
        optimizer.LearningRate.Should().Be(0.8);
        optimizer.Step();
        optimizer.LearningRate.Should().Be(0.4);
        optimizer.Step();
        optimizer.Step();

        optimizer.Rates.Should().Equal(0.8, 0.4, 0.2);
        optimizer.LearningRate.Should().Be(0.1);
    }

    [Fact]
    public void A_null_schedule_or_a_bad_rate_is_rejected_with_its_name()
    {
        Scalar[] p = [new(1)];

        FluentActions.Invoking(() => new Recording(p, null!)).Should().Throw<ArgumentNullException>().WithParameterName("schedule");
        FluentActions.Invoking(() => new Recording(p, double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRate");
        FluentActions.Invoking(() => new Recording(p, new Fixed(-1)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("schedule")
            .WithMessage("The schedule's first learning rate must be positive and finite.*");
    }

    [Fact]
    public void A_later_bad_rate_stops_the_step_before_Update_runs()
    {
        var optimizer = new Recording([new Scalar(0)], new Rates(0.5, double.PositiveInfinity));

        optimizer.Step();
        FluentActions.Invoking(optimizer.Step)
            .Should().Throw<InvalidOperationException>().WithMessage("*gave the learning rate Infinity for step 1*finite and not negative*");

        optimizer.Rates.Should().Equal(0.5);
        optimizer.StepCount.Should().Be(1);
    }

    [Fact]
    public void A_later_rate_of_zero_is_allowed()
    {
        var optimizer = new Recording([new Scalar(0)], LearningRateSchedule.Linear(1, 0, 2));

        optimizer.Step();
        optimizer.Step();
        optimizer.Step();

        optimizer.Rates.Should().Equal(1, 0.5, 0);
    }

    public static TheoryData<string, double> ConstructorsAndBadFirstRates()
    {
        var data = new TheoryData<string, double>();
        foreach (string constructor in Constructors)
        {
            foreach (double rate in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, -1e-300, -1.0 })
            {
                data.Add(constructor, rate);
            }
        }

        return data;
    }

    public static TheoryData<string> ConstructorNames() => new(Constructors);

    [Theory]
    [MemberData(nameof(ConstructorsAndBadFirstRates))]
    public void Every_constructor_refuses_a_schedule_whose_first_rate_is_not_positive_and_finite(string constructor, double rate)
    {
        FluentActions.Invoking(() => Create(constructor, [new Scalar(1)], new Fixed(rate)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("schedule")
            .Which.ActualValue.Should().Be(rate);
    }

    [Theory]
    [MemberData(nameof(ConstructorNames))]
    public void Every_constructor_refuses_a_null_schedule(string constructor)
    {
        FluentActions.Invoking(() => Create(constructor, [new Scalar(1)], null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("schedule");
    }

    [Theory]
    [MemberData(nameof(ConstructorNames))]
    public void Every_optimizer_stops_at_a_later_bad_rate_before_changing_a_parameter(string constructor)
    {
        Scalar[] parameters = [new(1.0) { Grad = 0.5 }, new(-2.0) { Grad = -0.25 }];
        var optimizer = Create(constructor, parameters, new Rates(0.1, 0.1, double.NaN));
        optimizer.Step();
        optimizer.Step();
        double[] before = [parameters[0].Data, parameters[1].Data];

        FluentActions.Invoking(optimizer.Step)
            .Should().Throw<InvalidOperationException>().WithMessage("*learning rate NaN for step 2*");

        parameters.Select(p => p.Data).Should().Equal(before);
        optimizer.StepCount.Should().Be(2);
        optimizer.LearningRate.Should().Be(double.NaN);
    }

    [Theory]
    [MemberData(nameof(ConstructorNames))]
    public void Every_optimizer_shows_the_rate_of_its_next_step(string constructor)
    {
        var schedule = LearningRateSchedule.Warmup(2, LearningRateSchedule.Cosine(0.3, 0.0, 4));
        Optimizer optimizer = Create(constructor, [new Scalar(1.0) { Grad = 1 }], schedule);

        for (int k = 0; k < 8; k++)
        {
            optimizer.LearningRate.Should().Be(schedule.At(k));
            optimizer.Step();
        }

        optimizer.Schedule.Should().BeSameAs(schedule);
    }

    private static readonly string[] Constructors = ["SGD", "SGD with momentum", "Adam", "AdamW"];

    private static Optimizer Create(string constructor, IReadOnlyList<Scalar> parameters, LearningRateSchedule schedule) => constructor switch
    {
        "SGD" => new SGD(parameters, schedule),
        "SGD with momentum" => new SGD(parameters, schedule, momentum: 0.9),
        "Adam" => new Adam(parameters, schedule),
        "AdamW" => new AdamW(parameters, schedule, weightDecay: 0.1),
        _ => throw new ArgumentOutOfRangeException(nameof(constructor), constructor, "Not a known constructor."),
    };

    private sealed class Recording : Optimizer
    {
        public Recording(IReadOnlyList<Scalar> parameters, double learningRate = 0.1)
            : base(parameters, learningRate)
        {
        }

        public Recording(IReadOnlyList<Scalar> parameters, LearningRateSchedule schedule)
            : base(parameters, schedule)
        {
        }

        public List<int> Seen { get; } = [];

        public List<double> Rates { get; } = [];

        protected override void Update(ReadOnlySpan<Scalar> parameters, int stepIndex, double learningRate)
        {
            Seen.Add(stepIndex);
            Rates.Add(learningRate);
        }
    }

    /// <summary>A user's schedule with the same rate at every step, whatever it is.</summary>
    internal sealed class Fixed(double rate) : LearningRateSchedule
    {
        protected override double LearningRateAt(int stepIndex) => rate;
    }

    /// <summary>A user's schedule that gives the listed rates, then repeats the last.</summary>
    internal sealed class Rates(params double[] rates) : LearningRateSchedule
    {
        protected override double LearningRateAt(int stepIndex) => rates[Math.Min(stepIndex, rates.Length - 1)];
    }
}
