using Xunit;

namespace AutogradForDummies.Playground.Tests.Browser;

/// <summary>The browser tests share one published site and one browser, and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<PlaygroundFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Browser";
}
