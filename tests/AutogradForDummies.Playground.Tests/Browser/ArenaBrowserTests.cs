using System.Globalization;
using AutogradForDummies.Data;
using AutogradForDummies.Playground.Training;
using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Browser;

[Collection(SharedBrowser.Name)]
public sealed class ArenaBrowserTests(PlaygroundFixture site, ITestOutputHelper output)
{
    [Fact]
    public async Task Moons_train_from_the_ui_to_100_percent_on_both_paths_and_the_code_trains_the_same()
    {
        site.SkipUnlessAvailable();
        var (page, errors) = await OpenArenaAsync();

        var speeds = new List<string>();
        foreach (string mode in new[] { "dynamic", "compiled" })
        {
            await page.Locator("#graph-mode").SelectOptionAsync(mode);
            await page.WaitForFunctionAsync("() => document.querySelector('#stats').dataset.step === '0'");
            await PlayToAsync(page, 100);
            (await page.Locator("#stat-accuracy").InnerTextAsync()).Should().Be("100%", $"the {mode} path");
        }

        // The page's numbers after 100 steps are the library's, computed here in the test.
        var trainer = new Trainer(new ArenaSettings { Compiled = true });
        TrainingRecord last = default;
        for (int i = 0; i < 100; i++)
        {
            last = trainer.Step();
        }

        (await page.Locator("#stats").GetAttributeAsync("data-loss")).Should().Be(last.Loss.ToString("R", CultureInfo.InvariantCulture));
        (await page.Locator("#stat-loss").InnerTextAsync()).Should().Be(last.Loss.ToString("G6", CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new() { Path = Path.Combine(PlaygroundFixture.Screenshots, "arena.png"), FullPage = false });
        string program = (await page.Locator("#program").TextContentAsync())!;

        // Speed: 500 more steps on each path, measured by the page itself.
        foreach (string mode in new[] { "dynamic", "compiled" })
        {
            await page.Locator("#graph-mode").SelectOptionAsync(mode);
            await page.WaitForFunctionAsync("() => document.querySelector('#stats').dataset.step === '0'");
            await PlayToAsync(page, 500);
            var stats = page.Locator("#stats");
            double wall = Number(await stats.GetAttributeAsync("data-steps-per-second"));
            double training = Number(await stats.GetAttributeAsync("data-train-steps-per-second"));
            double regions = Number(await stats.GetAttributeAsync("data-regions-ms"));
            speeds.Add(string.Create(CultureInfo.InvariantCulture,
                $"moons-100, {mode} graph: {training:0.0} steps/s training alone, {wall:0.0} steps/s with the page drawing (last 0.5 s of 500 steps); decision regions (60 x 60 cells) drawn in {regions:0.0} ms"));
            output.WriteLine(speeds[^1]);
        }

        await File.WriteAllLinesAsync(Path.Combine(PlaygroundFixture.Screenshots, "speed.txt"), speeds, TestContext.Current.CancellationToken);

        // The code view's program of the 100 steps, run: it prints what the page showed.
        program.Should().Contain("const int Steps = 100;");
        await page.Locator("#copy-code").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#copy-status').textContent.startsWith('Copied')");
        (await page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).Should().Contain("const int Steps = 500;");

        var lines = await GeneratedProgram.RunAsync(program, "arena-page");
        lines[^1].Should().Be(TrainingText.Line(last));
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Clicking_a_point_shows_its_graph_through_the_network()
    {
        site.SkipUnlessAvailable();
        var (page, errors) = await OpenArenaAsync();
        await SetAsync(page, "#hidden", "4, 4");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#network g.unit').length === 2 + 4 + 4 + 1");
        for (int i = 0; i < 20; i++)
        {
            await page.Locator("#train-step").ClickAsync();
        }

        // Where point 7 is drawn, computed as the page computes it.
        var data = Datasets.MakeMoons(100, 0.1, 2);
        var area = new PlotArea(data.Features, 420);
        var canvas = page.Locator("#regions");
        await canvas.ClickAsync(new() { Position = new() { X = (float)area.ToPixelX(data.Features[7][0]), Y = (float)area.ToPixelY(data.Features[7][1]) } });

        await page.Locator("#point-summary").WaitForAsync();
        (await page.Locator("#point-summary").InnerTextAsync()).Should().StartWith("Point 7 at");
        await page.WaitForSelectorAsync("#point-graph svg g.node", new() { State = WaitForSelectorState.Attached });

        // MLP(2, [4, 4, 1]): 2 inputs, 37 parameters, 9 dot products, 8 ReLUs and the hinge loss's nodes.
        int drawn = await page.Locator("#point-graph svg g.node").CountAsync();
        drawn.Should().BeGreaterThan(2 + 37 + 9 + 8);
        string graph = (await page.Locator("#point-graph svg").TextContentAsync())!;
        graph.Should().Contain("loss").And.Contain("x0").And.Contain("h1.3").And.Contain("w2.1.3");
        (await page.Locator("#point-graph-note").InnerTextAsync()).Should().Contain("The graph of point 7");
        (await page.Locator("#network g.unit[data-unit=\"h1.0\"] title").TextContentAsync()).Should().Contain("grad");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PlaygroundFixture.Screenshots, "inside-a-point.png"), FullPage = true });
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Settings_beyond_what_the_tab_can_train_are_capped_with_a_message()
    {
        site.SkipUnlessAvailable();
        var (page, errors) = await OpenArenaAsync();
        await SetAsync(page, "#points", "50000");

        await page.Locator("#arena-messages").WaitForAsync();
        (await page.Locator("#arena-messages").InnerTextAsync()).Should().Contain("Points capped at 1000");
        (await page.Locator("#points").InputValueAsync()).Should().Be("1000");

        await page.Locator("#dataset").SelectOptionAsync("Spiral");
        await page.WaitForFunctionAsync("() => document.querySelector('#loss').value === 'SoftmaxCrossEntropy'");
        await page.Locator("#train-step").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#stats').dataset.step === '1'");
        errors.Should().BeEmpty();
    }

    private async Task<(IPage Page, List<string> Errors)> OpenArenaAsync()
    {
        var (page, errors) = await site.OpenAsync("arena");
        await page.Locator("#train-play").WaitForAsync();
        return (page, errors);
    }

    // Plays until the page pauses itself at the given step.
    private static async Task PlayToAsync(IPage page, int step)
    {
        await SetAsync(page, "#pause-at", step.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#train-play").ClickAsync();
        await page.WaitForFunctionAsync(
            $"() => document.querySelector('#stats').dataset.step === '{step}' && document.querySelector('#train-play').textContent === 'Play'",
            null, new() { Timeout = 180_000 });
    }

    // Types into a field and leaves it, as a learner does: the field's change event applies the value.
    private static async Task SetAsync(IPage page, string selector, string value)
    {
        await page.Locator(selector).FillAsync(value);
        await page.Locator(selector).BlurAsync();
    }

    private static double Number(string? text) => double.Parse(text!, CultureInfo.InvariantCulture);
}
