using System.Globalization;
using System.Text.Json;
using ScottPlot;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// <c>--plot RESULTS-FOLDER [PYTORCH.json] OUT.png</c>: the picture of the grid, time per training step against N·H on
/// logarithmic axes, one line per path, from BenchmarkDotNet's JSON export of <see cref="GridStepBenchmarks"/> (the
/// <c>*-report-full.json</c> files of its results folder) and, if given, the results file of pytorch/grid_step.py.
/// </summary>
/// <remarks>Each point is a median: BenchmarkDotNet's median of its iterations, the PyTorch script's median of its
/// steps. Sizes a run did not measure are left out of their line.</remarks>
internal static class GridPlot
{
    private const int Width = 1100;
    private const int Height = 700;

    // Sans-serif fonts to try, in order (the plotting library's fallback is a serif font on some systems).
    private static readonly string[] Fonts = ["Segoe UI", "Helvetica Neue", "Arial", "DejaVu Sans", "Liberation Sans"];

    // The lines, in the legend's order: the benchmark method (or "PyTorch"), its name, colour and marker.
    private static readonly (string Method, string Label, string Color, MarkerShape Marker)[] Paths =
    [
        ("Dynamic", "dynamic, the library's losses (Losses.Hinge + Losses.L2)", "#d9480f", MarkerShape.FilledSquare),
        ("DynamicMicrogradStyle", "dynamic, micrograd-style: loss and L2 summed with + in loops", "#e8590c", MarkerShape.OpenSquare),
        ("Compiled", "compiled: Compile()", "#1f5fa8", MarkerShape.FilledCircle),
        ("CompiledLean", "compiled lean: Compile(NodeUpdates.LeavesAndRoot)", "#4dabf7", MarkerShape.OpenCircle),
        ("PyTorch", "PyTorch 1.13, float64, 1 thread, OpenBLAS", "#7048e8", MarkerShape.FilledDiamond),
        ("HandWritten", "hand-written (vectorized, the ceiling)", "#2b8a3e", MarkerShape.FilledTriangleUp),
    ];

    public static void Save(string resultsFolder, string? pytorchResults, string outputPath)
    {
        var points = ReadBenchmarkDotNet(resultsFolder);
        if (pytorchResults is not null)
        {
            points.AddRange(ReadPyTorch(pytorchResults));
        }

        string? outputFolder = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (Directory.Exists(outputPath) || (outputFolder is not null && !Directory.Exists(outputFolder)))
        {
            throw new ArgumentException($"Cannot write the picture to '{outputPath}': it is a folder, or its folder does not exist.", nameof(outputPath));
        }

        AtomicFile.Write(outputPath, Draw(points));
    }

    private static byte[] Draw(List<(string Method, GridSize Size, double Seconds)> points)
    {
        using var plot = new Plot();
        var sizes = points.Select(p => p.Size).Distinct().OrderBy(s => s.NH).ToList();
        foreach (var (method, label, color, marker) in Paths)
        {
            var line = points.Where(p => p.Method == method).OrderBy(p => p.Size.NH).ToList();
            if (line.Count == 0)
            {
                continue;
            }

            var scatter = plot.Add.Scatter(
                line.Select(p => Math.Log10(p.Size.NH)).ToArray(), line.Select(p => Math.Log10(p.Seconds)).ToArray());
            scatter.LegendText = label;
            scatter.Color = Color.FromHex(color);
            scatter.LineWidth = 2;
            scatter.MarkerShape = marker;
            scatter.MarkerSize = 9;
            if (method == "PyTorch")
            {
                scatter.LinePattern = LinePattern.Dashed;
            }
        }

        // N·H along the bottom, each size named; decades of time up the side, with 2…9 as minor ticks.
        var bottom = new ScottPlot.TickGenerators.NumericManual();
        foreach (var size in sizes)
        {
            bottom.AddMajor(Math.Log10(size.NH), string.Create(CultureInfo.InvariantCulture, $"{size.NH:N0}\nH {size.H}, N {size.N}"));
        }

        double low = Math.Floor(points.Min(p => Math.Log10(p.Seconds)));
        double high = Math.Ceiling(points.Max(p => Math.Log10(p.Seconds)));
        var left = new ScottPlot.TickGenerators.NumericManual();
        for (double decade = low; decade <= high; decade++)
        {
            left.AddMajor(decade, NodeReport.FormatTime(Math.Pow(10, decade)).Replace(".0 ", " ", StringComparison.Ordinal).Replace(".00 ", " ", StringComparison.Ordinal));
            for (int m = 2; m <= 9 && decade < high; m++)
            {
                left.AddMinor(decade + Math.Log10(m));
            }
        }

        plot.Axes.Bottom.TickGenerator = bottom;
        plot.Axes.Left.TickGenerator = left;
        double first = Math.Log10(sizes[0].NH), last = Math.Log10(sizes[^1].NH);
        double pad = Math.Max(0.1, (last - first) * 0.05);
        plot.Axes.SetLimits(first - pad, last + pad, low, high);
        plot.Grid.MinorLineWidth = 1;
        plot.Grid.MinorLineColor = Colors.Black.WithOpacity(0.05);
        plot.Grid.MajorLineColor = Colors.Black.WithOpacity(0.15);

        UseSansSerifFont(plot);
        plot.Title("One training step of MLP(2, [H, H, 1]) on N moons points: forward, hinge + L2 loss, backward, SGD");
        plot.XLabel("N·H, points × hidden units (logarithmic)");
        plot.YLabel("time per step, median (logarithmic)");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>The medians of <see cref="GridStepBenchmarks"/> in every BenchmarkDotNet JSON report of the folder.</summary>
    private static List<(string Method, GridSize Size, double Seconds)> ReadBenchmarkDotNet(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new ArgumentException($"'{folder}' is not a folder; give BenchmarkDotNet's results folder, such as BenchmarkDotNet.Artifacts/results.", nameof(folder));
        }

        var points = new List<(string, GridSize, double)>();
        foreach (string file in Directory.GetFiles(folder, "*GridStepBenchmarks-report-full.json"))
        {
            using var document = Parse(file);
            if (!document.RootElement.TryGetProperty("Benchmarks", out var benchmarks) || benchmarks.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidOperationException($"'{file}' has no Benchmarks list: is it a BenchmarkDotNet JSON report?");
            }

            foreach (var benchmark in benchmarks.EnumerateArray())
            {
                // A benchmark that failed has no statistics.
                if (benchmark.TryGetProperty("Statistics", out var statistics) && statistics.ValueKind == JsonValueKind.Object
                    && benchmark.GetProperty("Method").GetString() is string method)
                {
                    double nanoseconds = statistics.GetProperty("Median").GetDouble();
                    points.Add((method, SizeFrom(benchmark.GetProperty("Parameters").GetString(), file), nanoseconds * 1e-9));
                }
            }
        }

        return points.Count > 0
            ? points
            : throw new InvalidOperationException(
                $"'{folder}' holds no measurement of GridStepBenchmarks (a *GridStepBenchmarks-report-full.json file); run the grid first.");
    }

    /// <summary>The medians of the results file pytorch/grid_step.py writes.</summary>
    private static List<(string Method, GridSize Size, double Seconds)> ReadPyTorch(string path)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"'{path}' does not exist; give the results file pytorch/grid_step.py wrote.", nameof(path));
        }

        using var document = Parse(path);
        if (!document.RootElement.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException($"'{path}' has no results list: is it the results file of pytorch/grid_step.py?");
        }

        var points = new List<(string, GridSize, double)>();
        foreach (var result in results.EnumerateArray())
        {
            points.Add(("PyTorch", new GridSize(result.GetProperty("h").GetInt32(), result.GetProperty("n").GetInt32()), result.GetProperty("median_seconds").GetDouble()));
        }

        return points;
    }

    private static JsonDocument Parse(string file)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(file));
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"'{file}' is not valid JSON: {e.Message}", e);
        }
    }

    // "H=16&N=100" (BenchmarkDotNet's Parameters field).
    private static GridSize SizeFrom(string? parameters, string file)
    {
        int? h = null, n = null;
        foreach (string pair in (parameters ?? "").Split('&'))
        {
            string[] parts = pair.Split('=');
            if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int value))
            {
                (h, n) = parts[0] switch { "H" => (value, n), "N" => (h, value), _ => (h, n) };
            }
        }

        return h is int hh && n is int nn
            ? new GridSize(hh, nn)
            : throw new InvalidOperationException($"'{file}' has a benchmark whose parameters '{parameters}' are not H=..&N=..");
    }

    private static void UseSansSerifFont(Plot plot)
    {
        foreach (string font in Fonts)
        {
            // An unknown family silently falls back to another one, so compare the family actually found.
            if (ScottPlot.Fonts.GetTypeface(font, bold: false, italic: false)?.FamilyName == font)
            {
                plot.Font.Set(font);
                plot.Legend.FontName = font;
                return;
            }
        }
    }
}
