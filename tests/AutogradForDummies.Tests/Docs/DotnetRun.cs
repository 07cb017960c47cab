using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace AutogradForDummies.Tests.Docs;

/// <summary>Runs <c>dotnet run FILE.cs</c> from the repository root, as a learner does.</summary>
internal static partial class DotnetRun
{
    /// <summary>Runs a file-based program of the repository and waits for it.</summary>
    /// <param name="relativePath">The .cs file, relative to the repository root.</param>
    /// <param name="cancellationToken">Stops the wait (and kills the process) when the test run is aborted.</param>
    /// <returns>Its exit code, its standard output and its standard error.</returns>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string relativePath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetExecutable())
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(relativePath);

        // Leave nothing running afterwards: no MSBuild worker nodes, build server or compiler server.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        // The test host's own settings would leak into the child otherwise.
        foreach (string variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH" })
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Removes the lines the build prints before the program runs (<c>file(7,5): warning CS0219: ...</c>, and
    /// warnings of the library's build such as Source Link's in a clone without a remote), leaving the program's output.
    /// </summary>
    public static string WithoutBuildMessages(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return string.Join('\n', output.ReplaceLineEndings("\n").Split('\n').Where(line => !BuildMessage().IsMatch(line)));
    }

    [GeneratedRegex(@"^\S.*(\(\d+,\d+\))?: (warning|error|message)( [A-Z]+\d+)? ?:")]
    private static partial Regex BuildMessage();

    // The dotnet that runs the tests, so that the same SDK builds the learner's files.
    private static string DotnetExecutable()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (host is not null && File.Exists(host))
        {
            return host;
        }

        string? root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        string name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (root is not null && File.Exists(Path.Combine(root, name)))
        {
            return Path.Combine(root, name);
        }

        return name; // from PATH
    }
}
