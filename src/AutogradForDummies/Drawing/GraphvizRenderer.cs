using System.ComponentModel;
using System.Diagnostics;

namespace AutogradForDummies;

/// <summary>
/// Renders a Scalar graph to an SVG or PNG file by running Graphviz's <c>dot</c> program.
/// </summary>
/// <remarks>
/// Graphviz is optional: <see cref="Scalar.ToDot"/> needs nothing, and this class throws
/// <see cref="GraphvizNotFoundException"/> (saying how to install it) when <c>dot</c> is missing.
/// The image is written to a temporary file and renamed into place, so a failure never leaves half a file.
/// </remarks>
/// <example>
/// <code>
/// var x = new Scalar(2.0, "x");
/// var y = (x * x).WithLabel("y");
/// y.Backward();
/// if (GraphvizRenderer.IsAvailable)
/// {
///     GraphvizRenderer.Render(y, "graph.svg");
/// }
/// </code>
/// </example>
public static class GraphvizRenderer
{
    /// <summary>Gets whether Graphviz's <c>dot</c> program is on the PATH.</summary>
    public static bool IsAvailable => FindDot() is not null;

    /// <summary>Renders the graph that produced <paramref name="root"/> to an image file.</summary>
    /// <param name="root">The output Scalar of the graph.</param>
    /// <param name="outputPath">The file to write; its extension, <c>.svg</c> or <c>.png</c>, picks the format.</param>
    /// <exception cref="ArgumentNullException"><paramref name="root"/> or <paramref name="outputPath"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="outputPath"/> does not end in .svg or .png, or its folder does not exist.</exception>
    /// <exception cref="GraphvizNotFoundException">Graphviz is not installed.</exception>
    /// <exception cref="InvalidOperationException">Graphviz failed; the message includes what it printed.</exception>
    public static void Render(Scalar root, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(root);
        RenderDot(root.ToDot(), outputPath);
    }

    /// <summary>Renders DOT text to an image file.</summary>
    /// <param name="dot">Graphviz DOT text, such as <see cref="Scalar.ToDot"/> returns.</param>
    /// <param name="outputPath">The file to write; its extension, <c>.svg</c> or <c>.png</c>, picks the format.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dot"/> or <paramref name="outputPath"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="outputPath"/> does not end in .svg or .png, or its folder does not exist.</exception>
    /// <exception cref="GraphvizNotFoundException">Graphviz is not installed.</exception>
    /// <exception cref="InvalidOperationException">Graphviz failed; the message includes what it printed.</exception>
    public static void RenderDot(string dot, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(dot);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        string format = Path.GetExtension(outputPath).ToUpperInvariant() switch
        {
            ".SVG" => "svg",
            ".PNG" => "png",
            _ => throw new ArgumentException(
                $"The output file must end in .svg or .png, but was '{outputPath}'.", nameof(outputPath)),
        };

        string fullPath = OutputFile.Resolve(outputPath, nameof(outputPath));

        string dotExe = FindDot() ?? throw new GraphvizNotFoundException();
        string temp = fullPath + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            var start = new ProcessStartInfo(dotExe)
            {
                RedirectStandardInput = true,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-T" + format);
            if (format == "png")
            {
                start.ArgumentList.Add("-Gdpi=150"); // sharper than the default 96 dpi
            }

            start.ArgumentList.Add("-o");
            start.ArgumentList.Add(temp);

            using var process = Process.Start(start) ?? throw new GraphvizNotFoundException();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"Graphviz 'dot' failed with exit code {process.ExitCode}: {stderr.Result.Trim()}");
            }

            File.Move(temp, fullPath, overwrite: true);
        }
        catch (Win32Exception e)
        {
            throw new GraphvizNotFoundException($"Graphviz's 'dot' could not be started: {e.Message}", e);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static string? FindDot()
    {
        string[] names = OperatingSystem.IsWindows() ? ["dot.exe"] : ["dot"];
        string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in names)
            {
                string candidate = Path.Combine(dir.Trim('"'), name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
