using AutogradForDummies.Playground.Tests.Components;
using Bunit;
using FluentAssertions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AutogradForDummies.Playground.Tests;

public sealed class AppTests : PlaygroundContext
{
    [Fact]
    public void The_explorer_shows_first_and_the_tabs_switch_by_click_and_by_arrow_key()
    {
        var cut = Render<App>();
        cut.Find("#panel-explorer").HasAttribute("hidden").Should().BeFalse();
        cut.Find("#panel-arena").HasAttribute("hidden").Should().BeTrue();

        cut.Find("#tab-arena").Click();
        cut.Find("#panel-arena").HasAttribute("hidden").Should().BeFalse();
        cut.Find("#tab-arena").GetAttribute("aria-selected").Should().Be("true");
        cut.Find("#tab-explorer").GetAttribute("tabindex").Should().Be("-1");

        cut.Find("#tab-arena").KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });
        cut.Find("#panel-explorer").HasAttribute("hidden").Should().BeFalse();
    }

    [Fact]
    public void A_link_to_a_tab_opens_it()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/#arena");

        var cut = Render<App>();

        cut.Find("#panel-arena").HasAttribute("hidden").Should().BeFalse();
    }
}
