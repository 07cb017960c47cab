using Xunit;

namespace AutogradForDummies.Tests;

/// <summary>
/// Tests that change process-wide state (environment variables) run in this collection, alone,
/// after every parallel test has finished.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentDefinition
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Process environment";
}
