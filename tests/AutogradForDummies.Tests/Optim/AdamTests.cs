using AutogradForDummies.Nn;
using AutogradForDummies.Optim;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Optim;

public sealed class AdamTests
{
    [Fact]
    public void The_first_step_moves_each_parameter_by_about_the_learning_rate()
    {
        // At t = 1 the bias-corrected moments are m̂ = g and v̂ = g², so the step is lr·g/(|g| + ε).
        var a = new Scalar(1.0) { Grad = 0.5 };
        var b = new Scalar(1.0) { Grad = -200.0 };
        var adam = new Adam([a, b], learningRate: 0.01);

        adam.Step();

        a.Data.Should().BeApproximately(1.0 - (0.01 * 0.5 / (0.5 + 1e-8)), 1e-15);
        b.Data.Should().BeApproximately(1.0 + (0.01 * 200 / (200 + 1e-8)), 1e-15);
    }

    [Fact]
    public void Two_steps_match_the_formulas_computed_by_hand()
    {
        var p = new Scalar(2.0);
        var adam = new Adam([p], learningRate: 0.1, beta1: 0.8, beta2: 0.9, epsilon: 1e-6);

        p.Grad = 1.0;
        adam.Step();
        p.Grad = 3.0;
        adam.Step();

        // m₁ = 0.2, v₁ = 0.1; m₂ = 0.8·0.2 + 0.2·3 = 0.76, v₂ = 0.9·0.1 + 0.1·9 = 0.99
        double p1 = 2.0 - (0.1 * (0.2 / 0.2) / (Math.Sqrt(0.1 / 0.1) + 1e-6));
        double mHat = 0.76 / (1 - (0.8 * 0.8));
        double vHat = 0.99 / (1 - (0.9 * 0.9));
        double p2 = p1 - (0.1 * mHat / (Math.Sqrt(vHat) + 1e-6));
        p.Data.Should().BeApproximately(p2, 1e-14);
        adam.StepCount.Should().Be(2);
    }

    [Fact]
    public void Each_step_uses_its_scheduled_rate()
    {
        // With a steady gradient, m̂ = g and v̂ = g² at every step, so each step moves p by lr·g/(|g| + ε).
        var p = new Scalar(0.0);
        var adam = new Adam([p], LearningRateSchedule.Step(0.1, 0.5, 1));

        double expected = 0;
        foreach (double lr in new[] { 0.1, 0.05, 0.025, 0.0125 })
        {
            adam.LearningRate.Should().Be(lr);
            p.Grad = 2.0;
            adam.Step();
            expected -= lr * 2.0 / (2.0 + 1e-8);
            p.Data.Should().BeApproximately(expected, 1e-15);
        }
    }

    [Fact]
    public void A_constant_schedule_and_the_same_plain_rate_train_identically()
    {
        var a = new Scalar(1.0);
        var b = new Scalar(1.0);
        var plain = new Adam([a], 0.05, beta1: 0.8);
        var scheduled = new Adam([b], LearningRateSchedule.Constant(0.05), beta1: 0.8);

        foreach (double g in new[] { 0.3, -1.2, 0.7, 0.01 })
        {
            a.Grad = g;
            b.Grad = g;
            plain.Step();
            scheduled.Step();
        }

        b.Data.Should().Be(a.Data);
        scheduled.Beta1.Should().Be(0.8);
    }

    [Fact]
    public void Warm_up_then_cosine_minimizes_a_quadratic()
    {
        var x = new Scalar(3.0);
        var adam = new Adam([x], LearningRateSchedule.Warmup(20, LearningRateSchedule.Cosine(0.1, 0.001, 480)));

        for (int i = 0; i < 500; i++)
        {
            var loss = (x - 1.0) * (x - 1.0);
            adam.ZeroGrad();
            loss.Backward();
            adam.Step();
        }

        x.Data.Should().BeApproximately(1.0, 1e-3);
        adam.LearningRate.Should().Be(0.001);
    }

    [Fact]
    public void Minimizes_a_quadratic()
    {
        var x = new Scalar(3.0);
        var y = new Scalar(-2.0);
        var adam = new Adam([x, y], learningRate: 0.1);

        for (int i = 0; i < 500; i++)
        {
            var loss = ((x - 1.0) * (x - 1.0)) + (10 * (y + 0.5) * (y + 0.5));
            adam.ZeroGrad();
            loss.Backward();
            adam.Step();
        }

        x.Data.Should().BeApproximately(1.0, 1e-3);
        y.Data.Should().BeApproximately(-0.5, 1e-3);
    }

    [Fact]
    public void Bad_hyper_parameters_are_rejected_with_their_names()
    {
        Scalar[] p = [new(0.0)];

        FluentActions.Invoking(() => new Adam(p, learningRate: 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRate");
        FluentActions.Invoking(() => new Adam(p, beta1: 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("beta1");
        FluentActions.Invoking(() => new Adam(p, beta1: -0.1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("beta1");
        FluentActions.Invoking(() => new Adam(p, beta2: 1.5)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("beta2");
        FluentActions.Invoking(() => new Adam(p, beta2: double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("beta2");
        FluentActions.Invoking(() => new Adam(p, epsilon: 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("epsilon");
        FluentActions.Invoking(() => new Adam(null!)).Should().Throw<ArgumentNullException>().WithParameterName("parameters");
        var schedule = LearningRateSchedule.Constant(0.1);
        FluentActions.Invoking(() => new Adam(p, schedule, beta1: 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("beta1");
        FluentActions.Invoking(() => new Adam(p, schedule, beta2: -0.5)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("beta2");
        FluentActions.Invoking(() => new Adam(p, schedule, epsilon: double.PositiveInfinity)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("epsilon");
    }

    [Fact]
    public void Exposes_its_hyper_parameters()
    {
        var adam = new Adam([new Scalar(0)], 0.02, 0.8, 0.99, 1e-7);

        adam.LearningRate.Should().Be(0.02);
        adam.Beta1.Should().Be(0.8);
        adam.Beta2.Should().Be(0.99);
        adam.Epsilon.Should().Be(1e-7);
    }

    [Fact]
    public void Step_allocates_nothing()
    {
        var model = new MLP(2, [8, 1]);
        var adam = new Adam(model.Parameters());
        var adamW = new AdamW(model.Parameters());
        var warmedUp = new AdamW(model.Parameters(), LearningRateSchedule.Warmup(10, LearningRateSchedule.Cosine(0.01, 0, 50)));
        adam.Step();
        adamW.Step();
        warmedUp.Step();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            adam.Step();
            adamW.Step();
            warmedUp.Step();
            adam.ZeroGrad();
        }

        GC.GetAllocatedBytesForCurrentThread().Should().Be(before);
    }

    [Fact]
    public void The_compiled_path_trains_exactly_like_the_dynamic_path()
    {
        var (x, y) = Moons.Make(30, 0.1, seed: 4);
        var dynamicModel = new MLP(2, [6, 1], seed: 5, hiddenActivation: Activation.Tanh);
        var compiledModel = new MLP(2, [6, 1], seed: 5, hiddenActivation: Activation.Tanh);
        var dynamicAdam = new Adam(dynamicModel.Parameters(), 0.05);
        var compiledAdam = new Adam(compiledModel.Parameters(), 0.05);

        var graph = SGDTests.Loss(compiledModel, x, y).Compile();
        for (int k = 0; k < 25; k++)
        {
            var loss = SGDTests.Loss(dynamicModel, x, y);
            dynamicAdam.ZeroGrad();
            loss.Backward();
            dynamicAdam.Step();

            graph.Forward().Should().Be(loss.Data);
            compiledAdam.ZeroGrad();
            graph.Backward();
            compiledAdam.Step();
        }

        for (int i = 0; i < dynamicModel.ParameterCount; i++)
        {
            compiledModel.Parameters()[i].Data.Should().Be(dynamicModel.Parameters()[i].Data);
        }
    }
}
