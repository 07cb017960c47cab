using Deque.AxeCore.Playwright;
using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Browser;

[Collection(SharedBrowser.Name)]
public sealed class AccessibilityBrowserTests(PlaygroundFixture site, ITestOutputHelper output)
{
    [Fact]
    public async Task Neither_tab_has_a_serious_or_critical_accessibility_violation()
    {
        site.SkipUnlessAvailable();

        var (page, errors) = await site.OpenAsync();
        await page.WaitForSelectorAsync("#graph svg", new() { State = WaitForSelectorState.Attached });
        await page.Locator("#step-reset").ClickAsync();
        await page.Locator("#step-next").ClickAsync();
        await page.Locator("#expression").FillAsync("a + * b"); // the error message is part of the page too
        await page.Locator("#expression-error").WaitForAsync();
        var explorer = await page.RunAxe();

        await page.Locator("#tab-arena").ClickAsync();
        await page.Locator("#train-step").ClickAsync();
        await page.Locator("#point-index").FillAsync("3");
        await page.Locator("#inspect").ClickAsync();
        await page.WaitForSelectorAsync("#point-graph svg", new() { State = WaitForSelectorState.Attached });
        var arena = await page.RunAxe();

        var serious = explorer.Violations.Concat(arena.Violations)
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        foreach (var v in explorer.Violations.Concat(arena.Violations))
        {
            output.WriteLine($"{v.Id} ({v.Impact}): {v.Help}");
        }

        serious.Should().BeEmpty();
        (explorer.Passes.Length + arena.Passes.Length).Should().BeGreaterThan(20, "axe ran its rules");
        errors.Should().BeEmpty();
    }
}
