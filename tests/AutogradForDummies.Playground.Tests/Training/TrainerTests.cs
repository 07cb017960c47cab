using AutogradForDummies.Data;
using AutogradForDummies.Nn;
using AutogradForDummies.Optim;
using AutogradForDummies.Playground.Training;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Training;

public sealed class TrainerTests
{
    [Fact]
    public void The_default_setup_is_the_readme_demo_and_reaches_100_percent_in_100_steps()
    {
        var trainer = new Trainer(new ArenaSettings());
        for (int i = 0; i < 100; i++)
        {
            trainer.Step();
        }

        trainer.History[^1].Accuracy.Should().Be(1.0);
        trainer.History[^1].Step.Should().Be(100);

        // The README's loop, written out: the same numbers.
        var data = Datasets.MakeMoons(100, noise: 0.1, seed: 2);
        var labels = data.SignedLabels();
        var model = new MLP(2, [16, 16, 1], seed: 2);
        var sgd = new SGD(model.Parameters(), LearningRateSchedule.Linear(1.0, 0.1, 100));
        double loss = 0;
        for (int step = 0; step < 100; step++)
        {
            var scores = data.Features.Select(f => model.Forward(f)[0]).ToArray();
            var total = Losses.Hinge(scores, labels) + Losses.L2(model.Parameters(), 1e-4);
            loss = total.Data;
            sgd.ZeroGrad();
            total.Backward();
            sgd.Step();
        }

        trainer.History[^1].Loss.Should().Be(loss);
        trainer.Model.Parameters().Select(p => p.Data).Should().Equal(model.Parameters().Select(p => p.Data));
    }

    public static TheoryData<ArenaSettings> Setups() =>
    [
        new ArenaSettings(),
        new ArenaSettings { BatchSize = 32, Loss = LossKind.BinaryCrossEntropy, Optimizer = OptimizerKind.Adam, LearningRate = 0.01 },
        new ArenaSettings { Dataset = DatasetKind.Spiral, Points = 90, Loss = LossKind.SoftmaxCrossEntropy, Optimizer = OptimizerKind.AdamW, LearningRate = 0.02, HiddenLayers = [8], Activation = Activation.Tanh },
        new ArenaSettings { Dataset = DatasetKind.Circles, Momentum = 0.9, LearningRate = 0.1, Schedule = ScheduleKind.Cosine, ScheduleSteps = 10, BatchSize = 30, L2 = 0 },
    ];

    [Theory]
    [MemberData(nameof(Setups))]
    public void The_compiled_path_computes_the_dynamic_paths_numbers(ArenaSettings settings)
    {
        var dynamic = new Trainer(settings with { Compiled = false });
        var compiled = new Trainer(settings with { Compiled = true });
        for (int i = 0; i < 12; i++)
        {
            compiled.Step().Should().Be(dynamic.Step());
        }

        compiled.Model.Parameters().Select(p => p.Data).Should().Equal(dynamic.Model.Parameters().Select(p => p.Data));
    }

    [Fact]
    public void Accuracy_counts_the_points_that_the_graph_classifies_right()
    {
        var trainer = new Trainer(new ArenaSettings { Dataset = DatasetKind.Blobs, Points = 60, Noise = 1.0, Loss = LossKind.SoftmaxCrossEntropy, HiddenLayers = [6] });
        for (int i = 0; i < 5; i++)
        {
            trainer.Step();
        }

        var logits = trainer.Data.Features.Select(f => trainer.Model.Forward(f)).ToArray();
        trainer.Accuracy().Should().Be(Metrics.Accuracy(logits, trainer.Data.Labels));
    }

    [Fact]
    public void MakeBatches_shuffles_once_with_the_seed_and_covers_every_point_once()
    {
        var batches = Trainer.MakeBatches(10, 4, seed: 3);

        batches.Select(b => b.Length).Should().Equal(4, 4, 2);
        batches.SelectMany(b => b).Should().BeEquivalentTo(Enumerable.Range(0, 10));
        Trainer.MakeBatches(10, 4, seed: 3).Should().BeEquivalentTo(batches, o => o.WithStrictOrdering());
        Trainer.MakeBatches(10, 10, seed: 3).Should().ContainSingle().Which.Should().Equal(Enumerable.Range(0, 10));
    }

    [Fact]
    public void A_learning_rate_far_too_large_is_reported_as_diverged()
    {
        var trainer = new Trainer(new ArenaSettings { Loss = LossKind.BinaryCrossEntropy, LearningRate = 1e200, Schedule = ScheduleKind.Constant, L2 = 0 });
        for (int i = 0; i < 5 && !trainer.Diverged; i++)
        {
            trainer.Step();
        }

        trainer.Diverged.Should().BeTrue();
    }
}
