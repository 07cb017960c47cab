using System.Globalization;
using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Browser;

[Collection(SharedBrowser.Name)]
public sealed class ExplorerBrowserTests(PlaygroundFixture site)
{
    [Fact]
    public async Task Every_displayed_value_and_grad_is_the_one_the_library_computes()
    {
        site.SkipUnlessAvailable();
        var (page, errors) = await site.OpenAsync();
        await page.Locator("#expression").FillAsync("(x**3/5 + relu(y**2)).tanh() * x - y/x");
        await SetAsync(page, "x", "0.7");
        await SetAsync(page, "y", "-1.3");

        // The same expression, written with the library in the test.
        var x = new Scalar(0.7, "x");
        var y = new Scalar(-1.3, "y");
        var cube = x.Pow(3).WithLabel("x**3");
        var fifth = (cube / 5).WithLabel("x**3/5");
        var square = y.Pow(2).WithLabel("y**2");
        var relu = square.Relu().WithLabel("relu(y**2)");
        var sum = (fifth + relu).WithLabel("(x**3/5 + relu(y**2))");
        var tanh = sum.Tanh().WithLabel("(x**3/5 + relu(y**2)).t…"); // labels longer than 24 characters are cut
        var product = (tanh * x).WithLabel("(x**3/5 + relu(y**2)).t…");
        var quotient = (y / x).WithLabel("y/x");
        var root = (product - quotient).WithLabel("(x**3/5 + relu(y**2)).t…");
        root.Backward();
        var expected = root.TopologicalOrder();

        await page.WaitForFunctionAsync($"() => document.querySelectorAll('#nodes tbody tr').length === {expected.Count}");
        var rows = page.Locator("#nodes tbody tr");
        var seen = new List<string>();
        for (int i = 0; i < expected.Count; i++)
        {
            var row = rows.Nth(i);
            string label = (await row.GetAttributeAsync("data-label"))!;
            var node = expected[i]; // the same structure gives the same topological order
            label.Should().Be(node.Label ?? node.Data.ToString(CultureInfo.InvariantCulture));
            double data = double.Parse((await row.Locator("td.data").InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);
            double grad = double.Parse((await row.Locator("td.grad").InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);
            data.Should().BeApproximately(node.Data, 5e-6 * Math.Max(1, Math.Abs(node.Data)), label);
            grad.Should().BeApproximately(node.Grad, 5e-6 * Math.Max(1, Math.Abs(node.Grad)), label);
            double.Parse((await row.GetAttributeAsync("data-grad"))!, CultureInfo.InvariantCulture).Should().Be(node.Grad, label);
            seen.Add(label);
        }

        seen.Should().Contain(["x", "y", "5", "x**3", "y/x"]);

        // The drawing is the library's own ToDot(), rendered: every node's data and grad appear in it with four
        // decimals, as many times as nodes show them.
        var texts = await page.Locator("#graph svg g.node text").AllTextContentsAsync();
        foreach (var group in expected.GroupBy(n => string.Create(CultureInfo.InvariantCulture, $"grad {n.Grad:0.0000}")))
        {
            texts.Count(t => t.Trim() == group.Key).Should().Be(group.Count(), $"the drawing shows {group.Key} for {group.Count()} node(s)");
        }

        foreach (var group in expected.GroupBy(n => string.Create(CultureInfo.InvariantCulture, $"data {n.Data:0.0000}")))
        {
            texts.Count(t => t.Trim() == group.Key).Should().Be(group.Count(), $"the drawing shows {group.Key} for {group.Count()} node(s)");
        }
        (await page.Locator("#graph svg g.node").CountAsync()).Should().Be(expected.Count + expected.Count(n => !n.IsLeaf));

        // Moving a slider updates the graph.
        await page.Locator("#slider-x").FillAsync("2");
        await page.WaitForFunctionAsync("() => document.querySelector('#nodes tr[data-label=\"x\"] td.data').textContent.trim() === '2'");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PlaygroundFixture.Screenshots, "explorer.png"), FullPage = true });
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Stepping_backward_visits_every_node_in_reverse_topological_order_and_can_go_back()
    {
        site.SkipUnlessAvailable();
        var (page, errors) = await site.OpenAsync();
        await page.SetViewportSizeAsync(1920, 1000); // wide enough for the whole graph in the screenshot
        await page.Locator("#expression").FillAsync("a**3/5 + relu(b**2) + a*b");
        await SetAsync(page, "a", "1.5");
        await SetAsync(page, "b", "-4");

        var a = new Scalar(1.5, "a");
        var b = new Scalar(-4, "b");
        var root = (a.Pow(3) / 5) + b.Pow(2).Relu() + (a * b);
        root.Backward();
        int nodes = root.TopologicalOrder().Count;
        int steps = nodes + 1;

        await page.Locator("#step-reset").ClickAsync();
        (await page.Locator("#step-position").InnerTextAsync()).Should().Be($"Step 0 of {steps}");
        (await page.Locator("#nodes td.grad").AllInnerTextsAsync()).Should().OnlyContain(g => g.Trim() == "0");

        for (int k = 1; k <= steps; k++)
        {
            await page.Locator("#step-next").ClickAsync();
            await page.WaitForFunctionAsync($"() => document.querySelector('#step-position').textContent === 'Step {k} of {steps}'");
            if (k < steps)
            {
                // The node of step k (step 1 seeds the output, n{nodes-1}; step k > 1 is node n{nodes-k+1}) is highlighted.
                int node = k == 1 ? nodes - 1 : nodes - k + 1;
                await page.WaitForSelectorAsync($"#graph g.node.current[data-node=\"n{node}\"]", new() { State = WaitForSelectorState.Attached });
                (await page.Locator("#nodes tr.current").GetAttributeAsync("data-node")).Should().Be($"n{node}");
            }

            if (k == 4)
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(PlaygroundFixture.Screenshots, "step-through.png"), FullPage = false });
            }
        }

        (await page.Locator("#step-explanation").InnerTextAsync()).Should().Contain("exactly the gradients Backward() computes");
        var explanations = await page.Locator("#nodes tr[data-label=\"a\"] td.grad").InnerTextAsync();
        double.Parse(explanations.Trim(), CultureInfo.InvariantCulture).Should().BeApproximately(a.Grad, 1e-5);

        // The reused leaf a accumulates: its step text says so.
        await page.Locator("#step-reset").ClickAsync();
        bool sawAccumulation = false;
        int reached = 0;
        IReadOnlyList<string> gradsBefore = [];
        for (int k = 1; k <= steps && !sawAccumulation; k++)
        {
            gradsBefore = await page.Locator("#nodes td.grad").AllInnerTextsAsync();
            await page.Locator("#step-next").ClickAsync();
            await page.WaitForFunctionAsync($"() => document.querySelector('#step-position').textContent === 'Step {k} of {steps}'");
            reached = k;
            sawAccumulation = await page.Locator("#step-explanation .accumulates").CountAsync() > 0;
        }

        sawAccumulation.Should().BeTrue();
        reached.Should().BeGreaterThan(2, "a's second contribution comes after the output's seed and the last sum");
        (await page.Locator("#step-explanation").InnerTextAsync()).Should().Contain(".grad +=");

        // Step back undoes exactly that step: the position, the highlighted node and every grad of the table.
        await page.Locator("#step-back").ClickAsync();
        int previous = reached - 1;
        await page.WaitForFunctionAsync($"() => document.querySelector('#step-position').textContent === 'Step {previous} of {steps}'");
        int previousNode = previous == 1 ? nodes - 1 : nodes - previous + 1;
        (await page.Locator("#nodes tr.current").GetAttributeAsync("data-node")).Should().Be($"n{previousNode}");
        (await page.Locator("#nodes td.grad").AllInnerTextsAsync()).Should().Equal(gradsBefore);
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_broken_expression_shows_where_it_breaks_and_a_fixed_one_clears_it()
    {
        site.SkipUnlessAvailable();
        var (page, errors) = await site.OpenAsync();
        await page.Locator("#expression").FillAsync("a + * b");

        var error = page.Locator("#expression-error");
        await error.WaitForAsync();
        (await error.InnerTextAsync()).Should().Contain("found '*'").And.Contain("(at column 5)").And.Contain("    ^");
        (await page.Locator("#expression").GetAttributeAsync("aria-invalid")).Should().Be("true");

        foreach (string broken in new[] { "(((", "tanh", "a.relu(b)", "$", "1e", new string('(', 60) + "x" })
        {
            await page.Locator("#expression").FillAsync(broken);
            await page.Locator("#expression-error").WaitForAsync();
        }

        await page.Locator("#expression").FillAsync("a * b");
        await page.Locator("#expression-error").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        errors.Should().BeEmpty();
    }

    private static async Task SetAsync(IPage page, string variable, string value)
    {
        var input = page.Locator($"#value-{variable}");
        await input.FillAsync(value);
        await input.DispatchEventAsync("change");
        await page.WaitForFunctionAsync(
            $"() => document.querySelector('#nodes tr[data-label=\"{variable}\"] td.data')?.textContent.trim() === '{value}'");
    }
}
