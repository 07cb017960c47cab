using AutogradForDummies.Playground.Components;
using Bunit;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Components;

public sealed class ExpressionExplorerTests : PlaygroundContext
{
    [Fact]
    public void It_shows_every_node_with_the_librarys_data_and_grad_and_draws_ToDot()
    {
        var cut = Render<ExpressionExplorer>();

        var rows = cut.FindAll("#nodes tbody tr");
        rows.Should().HaveCount(8);
        var a = cut.Find("#nodes tr[data-label=\"a\"]");
        a.QuerySelector("td.data")!.TextContent.Should().Be("1.5");
        a.QuerySelector("td.grad")!.TextContent.Should().Be("1.35");
        cut.Find("#nodes tr[data-label=\"b\"] td.grad").TextContent.Should().Be("-8");
        cut.Find("#nodes tr[data-label=\"a**3/5 + relu(b**2)\"] td.data").TextContent.Should().Be("16.675");

        var draw = Module.Invocations["renderDot"].Should().NotBeEmpty().And.Subject.Last();
        draw.Arguments[1].Should().BeOfType<string>().Which.Should().StartWith("digraph G").And.Contain("grad 1.3500").And.Contain("grad -8.0000");
    }

    [Fact]
    public void Typing_updates_the_graph_and_the_sliders()
    {
        var cut = Render<ExpressionExplorer>();

        cut.Find("#expression").Input("x*x + x");
        cut.FindAll("fieldset.variables .variable").Should().HaveCount(1);
        cut.Find("#nodes tr[data-label=\"x\"] td.grad").TextContent.Should().Be("2"); // x = 0.5: 2x + 1

        cut.Find("#value-x").Change("3");
        cut.Find("#nodes tr[data-label=\"x\"] td.grad").TextContent.Should().Be("7");
        cut.Find("#slider-x").GetAttribute("value").Should().Be("3");
    }

    [Fact]
    public void A_syntax_error_is_shown_with_a_caret_under_its_position_and_the_last_graph_stays()
    {
        var cut = Render<ExpressionExplorer>();

        cut.Find("#expression").Input("a + * b");

        var error = cut.Find("#expression-error");
        error.GetAttribute("role").Should().Be("alert");
        error.QuerySelector("pre")!.TextContent.Should().Be("a + * b\n    ^");
        error.TextContent.Should().Contain("found '*'").And.Contain("(at column 5)").And.Contain("still that of the last expression");
        cut.Find("#expression").GetAttribute("aria-invalid").Should().Be("true");
        cut.FindAll("#nodes tbody tr").Should().HaveCount(8);

        cut.Find("#expression").Input("a - b");
        cut.FindAll("#expression-error").Should().BeEmpty();
    }

    [Fact]
    public void The_step_controls_walk_the_backward_pass_and_back()
    {
        var cut = Render<ExpressionExplorer>(p => p.Add(c => c.InitialExpression, "x*x + x"));
        cut.Find("#step-position").TextContent.Should().Be("Step 4 of 4");
        cut.Find("#step-explanation").TextContent.Should().Contain("exactly the gradients Backward() computes");

        cut.Find("#step-reset").Click();
        cut.Find("#step-position").TextContent.Should().Be("Step 0 of 4");
        cut.FindAll("#nodes td.grad").Select(td => td.TextContent).Should().OnlyContain(g => g == "0");

        cut.Find("#step-next").Click();
        cut.Find("#step-explanation").TextContent.Should().Contain("Start at the output");
        cut.Find("#nodes tr.current").GetAttribute("data-label").Should().Be("x*x + x");

        cut.Find("#step-next").Click(); // the sum: x*x and x each get 1
        cut.Find("#step-next").Click(); // x*x: x gets x = 0.5 twice, onto the 1 it has
        var text = cut.Find("#step-explanation").TextContent;
        text.Should().Contain("d(x*x)/d(x) = x").And.Contain("x.grad += 0.5 × 1").And.Contain("1.5 + 0.5 = 2");
        cut.FindAll("#step-explanation .accumulates").Should().HaveCount(2);
        cut.Find("#nodes tr[data-label=\"x\"] td.grad").TextContent.Should().Be("2");

        cut.Find("#step-back").Click();
        cut.Find("#step-position").TextContent.Should().Be("Step 2 of 4");
        cut.Find("#nodes tr[data-label=\"x\"] td.grad").TextContent.Should().Be("1");

        cut.Find("#step-finish").Click();
        cut.Find("#nodes tr[data-label=\"x\"] td.grad").TextContent.Should().Be("2"); // 2x + 1 at x = 0.5
        cut.Find("#step-next").HasAttribute("disabled").Should().BeTrue();

        var last = Module.Invocations["renderDot"][^1];
        last.Arguments[3].Should().BeNull("nothing is highlighted once the pass is complete");
    }

    [Fact]
    public async Task Play_steps_on_its_own_until_the_end()
    {
        var cut = Render<ExpressionExplorer>(p => p
            .Add(c => c.InitialExpression, "a*b")
            .Add(c => c.PlayInterval, TimeSpan.FromMilliseconds(1)));
        cut.Find("#step-reset").Click();

        await cut.Find("#step-play").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        cut.WaitForAssertion(() => cut.Find("#step-position").TextContent.Should().Be("Step 4 of 4"), TimeSpan.FromSeconds(10));
        cut.Find("#step-play").TextContent.Should().Be("Play");
    }
}
