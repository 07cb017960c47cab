using Xunit;

namespace AutogradForDummies.Playground.Tests;

/// <summary>Tests that build with the SDK (a generated program, the playground's targets): they run on their own,
/// so that two builds never write the library's intermediate files at once.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialBuilds
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Builds";
}
