using System.Reflection;
using System.Text;

namespace AutogradForDummies.Samples.Tests;

/// <summary>What one run of a sample printed and returned.</summary>
/// <param name="ExitCode">The value its entry point returned.</param>
/// <param name="Output">What it wrote to the standard output.</param>
/// <param name="Error">What it wrote to the error output.</param>
internal sealed record SampleRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs a sample's entry point in this process, as <c>dotnet run -- args</c> would, capturing the
    /// console. Tests that call it belong to the <see cref="ConsoleDefinition"/> collection, because the console
    /// is process-wide.</summary>
    /// <param name="sample">The sample's assembly name: Graph, Moons or Spiral.</param>
    /// <param name="args">The command-line arguments.</param>
    public static SampleRun Of(string sample, params string[] args)
    {
        var entryPoint = Assembly.Load(new AssemblyName(sample)).EntryPoint
            ?? throw new InvalidOperationException($"The {sample} sample has no entry point.");
        var output = new StringWriter(new StringBuilder());
        var error = new StringWriter(new StringBuilder());
        var originalOut = Console.Out;
        var originalError = Console.Error;
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            object? result = entryPoint.Invoke(null, [args]);
            return new SampleRun(result is int code ? code : 0, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
