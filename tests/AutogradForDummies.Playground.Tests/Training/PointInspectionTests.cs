using AutogradForDummies.Playground.Training;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Training;

public sealed class PointInspectionTests
{
    [Fact]
    public void It_runs_one_point_forward_and_its_own_loss_backward()
    {
        var trainer = new Trainer(new ArenaSettings { HiddenLayers = [4] });
        trainer.Step();

        var inspection = PointInspection.Inspect(trainer, 3);

        var x = trainer.Data.Features[3];
        var outputs = trainer.Model.Forward(x);
        inspection.Values[0].Should().Equal(x);
        inspection.Values[^1].Should().Equal(outputs.Select(o => o.Data));
        inspection.Values[1].Should().Equal(trainer.Model.Layers[0].Forward([new Scalar(x[0]), new Scalar(x[1])]).Select(h => h.Data));
        inspection.Loss.Should().Be(trainer.PointLoss(3, outputs).Data);
        inspection.Grads[^1][0].Should().BeOneOf([0.0, -1.0, 1.0], "the hinge loss of one point passes its score −y or nothing");
        inspection.Off[1].Should().Equal(inspection.Values[1].Select(v => !(v > 0)));
        inspection.Dot.Should().Contain("loss").And.Contain("x0").And.Contain("w1.0.1");
        inspection.NodeCount.Should().BeGreaterThan(2 + trainer.Model.ParameterCount);
    }

    [Fact]
    public void It_leaves_no_gradient_behind_in_the_parameters()
    {
        var trainer = new Trainer(new ArenaSettings());
        trainer.Step();

        PointInspection.Inspect(trainer, 0);

        trainer.Model.Parameters().Should().OnlyContain(p => p.Grad == 0);
    }

    [Fact]
    public void It_refuses_a_point_that_is_not_in_the_data()
    {
        var trainer = new Trainer(new ArenaSettings());

        var act = () => PointInspection.Inspect(trainer, 100);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("index");
    }
}
