using Xunit;

namespace AutogradForDummies.Samples.Tests;

/// <summary>
/// Tests that run a sample redirect the process-wide console, so they run in this collection, one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleDefinition
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Console";
}
