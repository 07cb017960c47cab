using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace AutogradForDummies.Playground.Interop;

/// <summary>The playground's browser helpers (wwwroot/js/playground.js), loaded once as a JavaScript module.</summary>
/// <param name="js">The JavaScript runtime.</param>
/// <param name="navigation">Gives the app's base address, so that the module loads under any base path.</param>
public sealed class PlaygroundJs(IJSRuntime js, NavigationManager navigation) : IAsyncDisposable
{
    private Task<IJSObjectReference>? _module;

    /// <summary>Draws DOT text as SVG into <paramref name="container"/>, marking nodes by their DOT ids.</summary>
    /// <returns>An empty string, or why the graph could not be drawn.</returns>
    public async ValueTask<string> RenderDotAsync(
        ElementReference container, string dot, string label, string? current = null,
        IEnumerable<string>? targets = null, IEnumerable<string>? done = null)
    {
        var module = await Module().ConfigureAwait(true);
        return await module.InvokeAsync<string>(
            "renderDot", container, dot, label, current, targets?.ToArray() ?? [], done?.ToArray() ?? []).ConfigureAwait(true);
    }

    /// <summary>Paints the decision regions and the points on a canvas.</summary>
    public async ValueTask DrawRegionsAsync(
        ElementReference canvas, byte[] rgba, int columns, int rows, double[] xs, double[] ys, int[] classes,
        string[] colors, int selected)
    {
        var module = await Module().ConfigureAwait(true);
        await module.InvokeVoidAsync("drawRegions", canvas, rgba, columns, rows, xs, ys, classes, colors, selected).ConfigureAwait(true);
    }

    /// <summary>Copies text to the clipboard.</summary>
    /// <returns>Whether it worked.</returns>
    public async ValueTask<bool> CopyTextAsync(string text)
    {
        var module = await Module().ConfigureAwait(true);
        return await module.InvokeAsync<bool>("copyText", text).ConfigureAwait(true);
    }

    /// <summary>Waits until the browser has painted a frame.</summary>
    public async ValueTask NextFrameAsync()
    {
        var module = await Module().ConfigureAwait(true);
        await module.InvokeAsync<double>("nextFrame").ConfigureAwait(true);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_module is { IsCompletedSuccessfully: true } loaded)
        {
            try
            {
                await loaded.Result.DisposeAsync().ConfigureAwait(true);
            }
            catch (JSDisconnectedException)
            {
                // The page is gone, and the module with it.
            }
        }
    }

    private Task<IJSObjectReference> Module() =>
        _module ??= js.InvokeAsync<IJSObjectReference>("import", navigation.BaseUri + "js/playground.js").AsTask();
}
