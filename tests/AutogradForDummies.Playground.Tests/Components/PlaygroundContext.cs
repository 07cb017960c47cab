using AutogradForDummies.Playground.Interop;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AutogradForDummies.Playground.Tests.Components;

/// <summary>A bUnit context with the playground's services; the browser helpers answer with defaults.</summary>
public abstract class PlaygroundContext : BunitContext
{
    /// <summary>Sets up the services.</summary>
    protected PlaygroundContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Module = JSInterop.SetupModule("http://localhost/js/playground.js");
        Services.AddScoped<PlaygroundJs>();
    }

    /// <summary>Gets the JavaScript module's interop, which records the calls.</summary>
    protected BunitJSModuleInterop Module { get; }
}
