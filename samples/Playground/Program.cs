using AutogradForDummies.Playground;
using AutogradForDummies.Playground.Interop;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.Services.AddScoped<PlaygroundJs>();
await builder.Build().RunAsync();
