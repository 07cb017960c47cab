namespace AutogradForDummies.Tests.Docs;

/// <summary>One ```csharp block of a Markdown file, with the ```text block that directly follows it, if any.</summary>
/// <param name="Number">The block's number among the file's csharp blocks, from 1.</param>
/// <param name="Line">The line of the opening fence, from 1.</param>
/// <param name="Info">The fence's info string, such as <c>csharp</c> or <c>csharp skip</c>.</param>
/// <param name="Code">The program text.</param>
/// <param name="ExpectedOutput">The text block's content, or null when no text block follows.</param>
/// <param name="ExampleFile">
/// The file the page says runs this block, relative to the repository root (<c>docs/examples/01-slope.cs</c>), or
/// null when the page names none. It comes from the command right above the block: a ```bash block whose only line
/// is <c>dotnet run docs/examples/01-slope.cs</c>, or a paragraph ending in <c>`dotnet run docs/examples/01-slope.cs`:</c>.
/// </param>
internal sealed record CodeBlock(int Number, int Line, string Info, string Code, string? ExpectedOutput, string? ExampleFile = null)
{
    /// <summary>Gets whether the info string asks the harness to skip the block (it contains "skip").</summary>
    public bool IsSkipped => Info.Contains("skip", StringComparison.OrdinalIgnoreCase);
}
