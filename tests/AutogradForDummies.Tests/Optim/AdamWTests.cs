using AutogradForDummies.Optim;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Optim;

public sealed class AdamWTests
{
    [Fact]
    public void With_no_gradient_the_parameters_only_decay()
    {
        var p = new Scalar(2.0);
        var adamW = new AdamW([p], learningRate: 0.1, weightDecay: 0.5);

        adamW.Step();

        p.Data.Should().BeApproximately(2.0 * (1 - (0.1 * 0.5)), 1e-15); // p − lr·λ·p; the Adam part is 0/(0 + ε)
    }

    [Fact]
    public void The_decay_is_applied_to_the_parameter_not_added_to_the_gradient()
    {
        var p = new Scalar(2.0) { Grad = 0.5 };
        var adamW = new AdamW([p], learningRate: 0.1, weightDecay: 0.5);

        adamW.Step();

        // Decoupled: p ← p − lr·λ·p, then the plain Adam step lr·g/(|g| + ε), unaffected by λ.
        double decayed = 2.0 - (0.1 * 0.5 * 2.0);
        p.Data.Should().BeApproximately(decayed - (0.1 * 0.5 / (0.5 + 1e-8)), 1e-15);
    }

    [Fact]
    public void The_decay_of_each_step_uses_that_steps_scheduled_rate()
    {
        var p = new Scalar(2.0);
        var adamW = new AdamW([p], LearningRateSchedule.Step(0.1, 0.5, 1), weightDecay: 0.5);

        adamW.Step(); // p ← p − 0.1·0.5·p
        adamW.Step(); // p ← p − 0.05·0.5·p

        double first = 2.0 - (0.1 * 0.5 * 2.0);
        p.Data.Should().Be(first - (0.05 * 0.5 * first));
        adamW.WeightDecay.Should().Be(0.5);
    }

    [Fact]
    public void Without_weight_decay_it_is_adam()
    {
        var a = new Scalar(1.0);
        var b = new Scalar(1.0);
        var adam = new Adam([a], 0.05);
        var adamW = new AdamW([b], 0.05, weightDecay: 0);

        double[] grads = [0.3, -1.2, 0.7, 0.01];
        foreach (double g in grads)
        {
            a.Grad = g;
            b.Grad = g;
            adam.Step();
            adamW.Step();
        }

        b.Data.Should().Be(a.Data);
    }

    [Fact]
    public void Bad_hyper_parameters_are_rejected_with_their_names()
    {
        Scalar[] p = [new(0.0)];

        FluentActions.Invoking(() => new AdamW(p, weightDecay: -0.01)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("weightDecay");
        FluentActions.Invoking(() => new AdamW(p, weightDecay: double.PositiveInfinity)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("weightDecay");
        FluentActions.Invoking(() => new AdamW(p, learningRate: -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRate");
        FluentActions.Invoking(() => new AdamW(p, beta1: 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("beta1");
        FluentActions.Invoking(() => new AdamW(p, beta2: -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("beta2");
        FluentActions.Invoking(() => new AdamW(p, epsilon: double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("epsilon");
        FluentActions.Invoking(() => new AdamW(p, LearningRateSchedule.Constant(0.1), weightDecay: double.NaN))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("weightDecay");
        new AdamW(p).WeightDecay.Should().Be(1e-2);
        new AdamW(p, LearningRateSchedule.Constant(0.1)).WeightDecay.Should().Be(1e-2);
    }
}
