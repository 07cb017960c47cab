using System.ComponentModel;
using System.Diagnostics;

namespace AutogradForDummies;

/// <summary>
/// Renders a Scalar graph to an SVG or PNG file by running Graphviz's <c>dot</c> program.
/// </summary>
/// <remarks>
/// Graphviz is optional: <see cref="Scalar.ToDot"/> needs nothing, and this class throws
/// <see cref="GraphvizNotFoundException"/> (saying how to install it) when <c>dot</c> is missing.
/// The image is written to a temporary file and renamed into place, so a failure never leaves half a file and never
/// replaces an existing image with a broken one.
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
    /// <exception cref="ArgumentException"><paramref name="outputPath"/> does not end in .svg or .png, names a folder,
    /// or lies in a folder that does not exist.</exception>
    /// <exception cref="GraphvizNotFoundException">Graphviz is not installed.</exception>
    /// <exception cref="InvalidOperationException">Graphviz failed; the message includes what it printed.</exception>
    /// <exception cref="IOException">The image could not be written (the message names <paramref name="outputPath"/>);
    /// an existing file is left as it was.</exception>
    public static void Render(Scalar root, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(root);
        RenderDot(root.ToDot(), outputPath);
    }

    /// <summary>Renders DOT text to an image file.</summary>
    /// <param name="dot">Graphviz DOT text, such as <see cref="Scalar.ToDot"/> returns.</param>
    /// <param name="outputPath">The file to write; its extension, <c>.svg</c> or <c>.png</c>, picks the format.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dot"/> or <paramref name="outputPath"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="outputPath"/> does not end in .svg or .png, names a folder,
    /// or lies in a folder that does not exist.</exception>
    /// <exception cref="GraphvizNotFoundException">Graphviz is not installed.</exception>
    /// <exception cref="InvalidOperationException">Graphviz failed; the message includes what it printed.</exception>
    /// <exception cref="IOException">The image could not be written (the message names <paramref name="outputPath"/>);
    /// an existing file is left as it was.</exception>
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

        OutputFile.Write(outputPath, nameof(outputPath), temporary => RunDot(dot, format, temporary, outputPath));
    }

    /// <summary>Runs <c>dot</c> to write the image to <paramref name="temporary"/>; its messages name
    /// <paramref name="outputPath"/> instead.</summary>
    private static void RunDot(string dot, string format, string temporary, string outputPath)
    {
        string dotExe = FindDot() ?? throw new GraphvizNotFoundException();
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
        start.ArgumentList.Add(temporary);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new GraphvizNotFoundException();
        }
        catch (Win32Exception e)
        {
            throw new GraphvizNotFoundException($"Graphviz's 'dot' could not be started: {e.Message}", e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                string message = stderr.Result.Trim().Replace(temporary, outputPath, StringComparison.Ordinal);
                throw new InvalidOperationException($"Graphviz 'dot' failed with exit code {process.ExitCode}: {message}");
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
