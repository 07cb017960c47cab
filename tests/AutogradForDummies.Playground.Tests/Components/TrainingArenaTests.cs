using AutogradForDummies.Playground.Components;
using Bunit;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Components;

public sealed class TrainingArenaTests : PlaygroundContext
{
    [Fact]
    public void It_starts_at_step_0_with_the_readme_setup_and_its_program()
    {
        var cut = Render<TrainingArena>();

        cut.Find("#stat-step").TextContent.Should().Be("0");
        cut.Find("#dataset").GetAttribute("value").Should().Be("Moons");
        cut.Find("#hidden").GetAttribute("value").Should().Be("16, 16");
        cut.Find("#program").TextContent.Should().Contain("Datasets.MakeMoons(100, noise: 0.1, seed: 2)")
            .And.Contain("new MLP(2, [16, 16, 1], Activation.Relu, seed: 2)")
            .And.Contain("LearningRateSchedule.Linear(1, 0.1, 100)");
        Module.Invocations["drawRegions"].Should().NotBeEmpty();
    }

    [Fact]
    public void Step_trains_once_and_reports_the_trainers_numbers()
    {
        var cut = Render<TrainingArena>();

        cut.Find("#train-step").Click();

        var expected = new AutogradForDummies.Playground.Training.Trainer(new()).Step();
        cut.Find("#stat-step").TextContent.Should().Be("1");
        cut.Find("#stat-loss").TextContent.Should().Be(expected.Loss.ToString("G6", System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("#stats").GetAttribute("data-loss").Should().Be(expected.Loss.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("#curves").GetAttribute("aria-label").Should().Contain("over 1 steps");

        cut.Find("#train-reset").Click();
        cut.Find("#stat-step").TextContent.Should().Be("0");
    }

    [Fact]
    public void Settings_past_the_limits_are_capped_with_a_message_and_the_field_shows_the_cap()
    {
        var cut = Render<TrainingArena>();

        cut.Find("#points").Change("50000");
        cut.Find("#arena-messages").TextContent.Should().Contain("Points capped at 1000");
        cut.Find("#points").GetAttribute("value").Should().Be("1000");

        cut.Find("#hidden").Change("16, big, 64");
        var messages = cut.Find("#arena-messages").TextContent;
        messages.Should().Contain("'big' is not a layer width").And.Contain("capped at 32 neurons");
        cut.Find("#hidden").GetAttribute("value").Should().Be("16, 32");
    }

    [Fact]
    public void Several_classes_bring_the_class_count_and_allow_only_softmax_cross_entropy()
    {
        var cut = Render<TrainingArena>();

        cut.Find("#dataset").Change("Spiral");

        cut.Find("#classes").GetAttribute("value").Should().Be("3");
        cut.Find("#loss").GetAttribute("value").Should().Be("SoftmaxCrossEntropy");
        cut.Find("option[value=\"Hinge\"]").HasAttribute("disabled").Should().BeTrue();
        cut.Find("#noise").GetAttribute("value").Should().Be("0.2");
        cut.Find("#program").TextContent.Should().Contain("Losses.SoftmaxCrossEntropy(logits, classes)");
    }

    [Fact]
    public void Inspecting_a_point_shows_its_numbers_in_the_network_view_and_draws_its_graph()
    {
        var cut = Render<TrainingArena>();
        cut.Find("#hidden").Change("3");

        cut.Find("#point-index").Change("5");
        cut.Find("#inspect").Click();

        cut.Find("#point-summary").TextContent.Should().StartWith("Point 5 at");
        cut.FindAll("#network g.unit").Should().HaveCount(2 + 3 + 1);
        cut.Find("#network g.unit[data-unit=\"h1.0\"] title").TextContent.Should().Contain("data").And.Contain("grad");
        Module.Invocations["renderDot"].Should().ContainSingle()
            .Which.Arguments[1].Should().BeOfType<string>().Which.Should().Contain("loss").And.Contain("w1.2.1");

        cut.Find("#inspect-clear").Click();
        cut.FindAll("#point-summary").Should().BeEmpty();
    }

    [Fact]
    public void The_copy_button_copies_the_program()
    {
        Module.Setup<bool>("copyText", _ => true).SetResult(true);
        var cut = Render<TrainingArena>();

        cut.Find("#copy-code").Click();

        Module.Invocations["copyText"].Should().ContainSingle().Which.Arguments[0].Should().Be(cut.Find("#program").TextContent);
        cut.Find("#copy-status").TextContent.Should().Be("Copied to the clipboard.");
    }
}
