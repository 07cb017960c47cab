using AutogradForDummies.Nn;
using AutogradForDummies.Optim;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Optim;

public sealed class SGDTests
{
    [Fact]
    public void A_step_moves_each_parameter_against_its_gradient()
    {
        var a = new Scalar(1.0) { Grad = 0.5 };
        var b = new Scalar(-2.0) { Grad = -4.0 };
        var sgd = new SGD([a, b], learningRate: 0.1);

        sgd.Step();

        a.Data.Should().Be(1.0 - (0.1 * 0.5));
        b.Data.Should().Be(-2.0 + (0.1 * 4.0));
        sgd.StepCount.Should().Be(1);
        sgd.Momentum.Should().Be(0);
    }

    [Fact]
    public void Momentum_accumulates_a_velocity()
    {
        var p = new Scalar(0.0);
        var sgd = new SGD([p], learningRate: 0.1, momentum: 0.9);

        p.Grad = 1.0;
        sgd.Step(); // v = 1, p = −0.1
        p.Data.Should().BeApproximately(-0.1, 1e-15);
        sgd.Step(); // v = 0.9·1 + 1 = 1.9, p = −0.1 − 0.19
        p.Data.Should().BeApproximately(-0.29, 1e-15);
        p.Grad = -1.0;
        sgd.Step(); // v = 0.9·1.9 − 1 = 0.71, p = −0.29 − 0.071
        p.Data.Should().BeApproximately(-0.361, 1e-15);
    }

    [Fact]
    public void The_schedule_is_evaluated_at_the_step_count()
    {
        var p = new Scalar(0.0) { Grad = 1.0 };
        var schedule = LearningRateSchedule.Linear(1.0, 0.1, 100);
        var sgd = new SGD([p], schedule);

        sgd.LearningRate.Should().Be(1.0);
        sgd.Step(); // uses At(0) = 1
        p.Data.Should().Be(-1.0);
        sgd.LearningRate.Should().Be(schedule.At(1));
        sgd.Step(); // uses At(1) = 0.991
        p.Data.Should().Be(-1.0 - schedule.At(1));
        sgd.StepCount.Should().Be(2);
        sgd.Schedule.Should().BeSameAs(schedule);
    }

    [Fact]
    public void Momentum_works_with_a_schedule_too()
    {
        var p = new Scalar(0.0) { Grad = 1.0 };
        var sgd = new SGD([p], LearningRateSchedule.Step(0.1, 0.5, 1), momentum: 0.5);

        sgd.Step(); // v = 1, p = −0.1·1
        sgd.Step(); // v = 0.5·1 + 1 = 1.5, p = −0.1 − 0.05·1.5

        p.Data.Should().Be(-0.1 - (0.05 * 1.5));
        sgd.Momentum.Should().Be(0.5);
    }

    [Fact]
    public void Bad_hyper_parameters_are_rejected_with_their_names()
    {
        var p = new Scalar(0.0);

        FluentActions.Invoking(() => new SGD([p], 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRate");
        FluentActions.Invoking(() => new SGD([p], -0.1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRate");
        FluentActions.Invoking(() => new SGD([p], double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRate");
        FluentActions.Invoking(() => new SGD([p], double.PositiveInfinity)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRate");
        FluentActions.Invoking(() => new SGD([p], 0.1, momentum: 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("momentum");
        FluentActions.Invoking(() => new SGD([p], 0.1, momentum: -0.5)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("momentum");
        FluentActions.Invoking(() => new SGD([p], (LearningRateSchedule)null!)).Should().Throw<ArgumentNullException>().WithParameterName("schedule");
        FluentActions.Invoking(() => new SGD([p], LearningRateSchedule.Constant(0.1), momentum: 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("momentum");
        FluentActions.Invoking(() => new SGD([], 0.1)).Should().Throw<ArgumentException>().WithParameterName("parameters");
    }

    [Fact]
    public void Step_allocates_nothing()
    {
        var model = new MLP(2, [8, 1]);
        foreach (var p in model.Parameters())
        {
            p.Grad = 0.01;
        }

        var plain = new SGD(model.Parameters(), LearningRateSchedule.Cosine(0.1, 0.01, 50));
        var momentum = new SGD(model.Parameters(), 0.1, momentum: 0.9);
        plain.Step();
        momentum.Step();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            plain.Step();
            momentum.Step();
            plain.ZeroGrad();
        }

        GC.GetAllocatedBytesForCurrentThread().Should().Be(before);
    }

    [Fact]
    public void Trains_micrograds_moons_to_full_accuracy()
    {
        // micrograd's demo: 100 moons with noise 0.1, MLP(2, [16, 16, 1]), hinge loss + 1e-4·L2,
        // full-batch SGD with the learning rate 1 − 0.9·k/100 for k = 0..99.
        var (x, y) = Moons.Make(100, 0.1, seed: 1);
        var model = new MLP(2, [16, 16, 1], seed: 1);
        var sgd = new SGD(model.Parameters(), LearningRateSchedule.Linear(1.0, 0.1, 100));

        double firstLoss = 0, lastLoss = 0, accuracy = 0;
        for (int k = 0; k < 100; k++)
        {
            var scores = new Scalar[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                scores[i] = model.Forward(x[i])[0];
            }

            var loss = Losses.Hinge(scores, y) + Losses.L2(model.Parameters(), 1e-4);
            accuracy = Metrics.Accuracy(scores, y);
            sgd.ZeroGrad();
            loss.Backward();
            sgd.Step();
            firstLoss = k == 0 ? loss.Data : firstLoss;
            lastLoss = loss.Data;
        }

        accuracy.Should().Be(1.0);
        lastLoss.Should().BeLessThan(firstLoss / 10);
        sgd.StepCount.Should().Be(100);
    }

    [Fact]
    public void The_compiled_path_trains_exactly_like_the_dynamic_path()
    {
        var (x, y) = Moons.Make(40, 0.1, seed: 2);
        var dynamicModel = new MLP(2, [8, 8, 1], seed: 3);
        var compiledModel = new MLP(2, [8, 8, 1], seed: 3);
        var dynamicSgd = new SGD(dynamicModel.Parameters(), LearningRateSchedule.Linear(0.5, 0.05, 30), momentum: 0.5);
        var compiledSgd = new SGD(compiledModel.Parameters(), LearningRateSchedule.Linear(0.5, 0.05, 30), momentum: 0.5);

        var graph = Loss(compiledModel, x, y).Compile();
        for (int k = 0; k < 30; k++)
        {
            var loss = Loss(dynamicModel, x, y);
            dynamicSgd.ZeroGrad();
            loss.Backward();
            dynamicSgd.Step();

            double compiledLoss = graph.Forward();
            compiledSgd.ZeroGrad();
            graph.Backward();
            compiledSgd.Step();

            compiledLoss.Should().Be(loss.Data);
        }

        for (int i = 0; i < dynamicModel.ParameterCount; i++)
        {
            compiledModel.Parameters()[i].Data.Should().Be(dynamicModel.Parameters()[i].Data);
        }
    }

    internal static Scalar Loss(MLP model, double[][] x, double[] y)
    {
        var scores = new Scalar[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            scores[i] = model.Forward(x[i])[0];
        }

        return Losses.Hinge(scores, y) + Losses.L2(model.Parameters(), 1e-4);
    }
}
