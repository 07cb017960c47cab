using System.Globalization;
using ScottPlot;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// The picture of the grid (<c>--plot</c>): time per training step against N·H on logarithmic axes, one line per path,
/// from the results <see cref="GridResults"/> reads.
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
        (GridResults.PyTorchMethod, "PyTorch 1.13, float64, 1 thread, OpenBLAS", "#7048e8", MarkerShape.FilledDiamond),
        ("HandWritten", "hand-written (vectorized, the ceiling)", "#2b8a3e", MarkerShape.FilledTriangleUp),
    ];

    public static void Save(IReadOnlyList<GridPoint> results, string outputPath)
    {
        var points = results.Where(p => p.Method != GridResults.CompileMethod).ToList();
        if (points.Count == 0)
        {
            throw new InvalidOperationException("There is no step to draw: the results hold no measurement of GridStepBenchmarks.");
        }

        string? outputFolder = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (Directory.Exists(outputPath) || (outputFolder is not null && !Directory.Exists(outputFolder)))
        {
            throw new ArgumentException($"Cannot write the picture to '{outputPath}': it is a folder, or its folder does not exist.", nameof(outputPath));
        }

        AtomicFile.Write(outputPath, Draw(points));
    }

    private static byte[] Draw(List<GridPoint> points)
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
            left.AddMajor(decade, DecadeLabel((int)decade));
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

    /// <summary>10^exponent seconds in the unit that makes it 1, 10 or 100: "1 µs", "10 ms", "1 s".</summary>
    private static string DecadeLabel(int exponent)
    {
        var (unit, shift) = exponent switch
        {
            < -6 => ("ns", 9),
            < -3 => ("µs", 6),
            < 0 => ("ms", 3),
            _ => ("s", 0),
        };
        int power = exponent + shift;
        return power <= 2
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Pow(10, power):0} {unit}")
            : string.Create(CultureInfo.InvariantCulture, $"10^{exponent} s");
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
