using System.Diagnostics;

namespace AutogradForDummies.Playground.Tests.Browser;

/// <summary>Runs a command to its end and collects what it printed.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="directory"/>.</summary>
    /// <returns>The exit code (-1 when it could not start) and the output, standard error after standard output.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string file, IEnumerable<string> arguments, string directory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{file} could not be started: {e.Message}");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"{file} {string.Join(' ', arguments)} did not finish within {timeout}.\n{await output}{await error}");
            }

            return (process.ExitCode, (await output) + (await error));
        }
    }

    /// <summary>Whether a command answers <c>--version</c>: the tool is installed.</summary>
    public static async Task<bool> HasAsync(string file) =>
        (await RunAsync(file, ["--version"], Repository.Root, TimeSpan.FromSeconds(30))).ExitCode == 0;
}
