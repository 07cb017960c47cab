using AutogradForDummies.Data;
using ScottPlot;

namespace AutogradForDummies.Samples;

/// <summary>
/// Draws what a classifier learned: the plane coloured by the class the model predicts at each point of a
/// fine grid, with the data points on top in the colour (and marker shape) of their true class: filled
/// markers for the training points, open ones for held-out points.
/// </summary>
internal static class DecisionBoundaryPlot
{
    private const int Resolution = 200;     // grid cells along each axis
    private const double Margin = 0.15;     // how far the grid reaches beyond the data, as a fraction of its extent
    private const int PlotAreaWidth = 640;  // pixels of the data area; its height keeps x and y units equal
    private const float MarkerSize = 9;

    // One entry per class: a strong colour and a shape for the points, a pale colour for the predicted region.
    private static readonly Color[] PointColors = [Color.FromHex("#1f5fa8"), Color.FromHex("#d9480f"), Color.FromHex("#2b8a3e")];
    private static readonly Color[] RegionColors = [Color.FromHex("#cfe2f7"), Color.FromHex("#fddcc7"), Color.FromHex("#d3f0d8")];
    private static readonly MarkerShape[] FilledShapes = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp];
    private static readonly MarkerShape[] OpenShapes = [MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp];

    // Sans-serif fonts to try, in order (the plotting library's fallback is a serif font on some systems).
    private static readonly string[] Fonts = ["Segoe UI", "Helvetica Neue", "Arial", "DejaVu Sans", "Liberation Sans"];

    /// <summary>Writes the picture as a PNG.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="title">The title above the picture.</param>
    /// <param name="training">The training points, two features each.</param>
    /// <param name="heldOut">Points the model never trained on, or null.</param>
    /// <param name="classNames">A legend name for each class (at most three).</param>
    /// <param name="predict">The model's class (0, 1, ...) for a point (x, y).</param>
    public static void Save(
        string path, string title, Dataset training, Dataset? heldOut, IReadOnlyList<string> classNames, Func<double, double, int> predict)
    {
        var area = Bounds(training, heldOut);
        using var plot = new Plot();
        var legend = new List<LegendItem>();

        // The regions: a heatmap whose cell (row, column) holds the class predicted at the cell's centre.
        // Row 0 is drawn at the top, so it is the largest y.
        double cellWidth = area.Width / Resolution;
        double cellHeight = area.Height / Resolution;
        var predicted = new double[Resolution, Resolution];
        for (int row = 0; row < Resolution; row++)
        {
            double y = area.Top - ((row + 0.5) * cellHeight);
            for (int column = 0; column < Resolution; column++)
            {
                double x = area.Left + ((column + 0.5) * cellWidth);
                predicted[row, column] = predict(x, y);
            }
        }

        var regions = plot.Add.Heatmap(predicted);
        regions.Rectangle = area;
        regions.Colormap = new ScottPlot.Colormaps.CustomPalette([.. RegionColors[..classNames.Count]], "regions");
        regions.ManualRange = new ScottPlot.Range(0, classNames.Count - 1);
        regions.Smooth = true; // blends neighbouring cells, so a boundary is a smooth curve rather than a staircase

        // The points, one group per class and kind, so each gets its own colour and shape.
        for (int c = 0; c < classNames.Count; c++)
        {
            AddPoints(plot, training, c, filled: true);
            legend.Add(new LegendItem
            {
                LabelText = classNames[c],
                MarkerShape = FilledShapes[c],
                MarkerSize = MarkerSize,
                MarkerFillColor = PointColors[c],
                MarkerLineColor = Colors.White,
            });
            if (heldOut is not null)
            {
                AddPoints(plot, heldOut, c, filled: false);
            }
        }

        if (heldOut is not null)
        {
            legend.Add(new LegendItem
            {
                LabelText = "held-out points (open)",
                MarkerShape = MarkerShape.OpenCircle,
                MarkerSize = MarkerSize,
                MarkerLineColor = Colors.Black,
                MarkerLineWidth = 2,
            });
        }

        for (int c = 0; c < classNames.Count; c++)
        {
            legend.Add(new LegendItem { LabelText = "predicted " + classNames[c], FillColor = RegionColors[c], OutlineColor = PointColors[c], OutlineWidth = 1 });
        }

        UseSansSerifFont(plot);
        plot.Title(title);
        plot.XLabel("x1");
        plot.YLabel("x2");
        plot.Axes.SetLimits(area);
        plot.Legend.ManualItems.AddRange(legend);
        plot.ShowLegend(Edge.Right);

        // Fixed margins around the data area, whose height is chosen so that one unit is as long on both axes.
        var padding = new PixelPadding(left: 70, right: 250, bottom: 60, top: 50);
        int plotAreaHeight = (int)Math.Round(PlotAreaWidth * area.Height / area.Width);
        plot.Layout.Fixed(padding);
        plot.SavePng(path, PlotAreaWidth + (int)(padding.Left + padding.Right), plotAreaHeight + (int)(padding.Top + padding.Bottom));
    }

    /// <summary>Draws the points of one class: filled markers with a thin white ring, or open markers.</summary>
    private static void AddPoints(Plot plot, Dataset data, int label, bool filled)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < data.Count; i++)
        {
            if (data.Labels[i] == label)
            {
                xs.Add(data.Features[i][0]);
                ys.Add(data.Features[i][1]);
            }
        }

        var shape = filled ? FilledShapes[label] : OpenShapes[label];
        var points = plot.Add.Markers(xs.ToArray(), ys.ToArray(), shape, MarkerSize, PointColors[label]);
        if (filled)
        {
            points.MarkerLineColor = Colors.White;
            points.MarkerLineWidth = 1;
        }
        else
        {
            points.MarkerLineWidth = 2;
        }
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

    /// <summary>The rectangle covering every point, plus a margin on each side.</summary>
    private static CoordinateRect Bounds(Dataset training, Dataset? heldOut)
    {
        var points = new List<IReadOnlyList<double>>(training.Features);
        if (heldOut is not null)
        {
            points.AddRange(heldOut.Features);
        }

        double left = double.PositiveInfinity, right = double.NegativeInfinity;
        double bottom = double.PositiveInfinity, top = double.NegativeInfinity;
        foreach (var point in points)
        {
            left = Math.Min(left, point[0]);
            right = Math.Max(right, point[0]);
            bottom = Math.Min(bottom, point[1]);
            top = Math.Max(top, point[1]);
        }

        double margin = Margin * Math.Max(right - left, top - bottom);
        return new CoordinateRect(left - margin, right + margin, bottom - margin, top + margin);
    }
}
