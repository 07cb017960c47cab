using AutogradForDummies.Optim;
using ScottPlot;

namespace AutogradForDummies.GuidePictures;

/// <summary>
/// Page 7: the paths of SGD, momentum and Adam on a long, narrow valley, loss(x, y) = x²/10 + 2y², all from
/// (−4.5, 1.5) with the library's optimizers.
/// </summary>
internal static class OptimizerPathsPicture
{
    public const int Steps = 40;

    public static string Save(string folder)
    {
        using var plot = new Plot();
        Chart.Style(plot);

        // The valley's contour lines: loss = L is the ellipse with half-axes √(10L) along x and √(L/2) along y.
        foreach (double level in new[] { 0.05, 0.2, 0.5, 1, 1.6, 2.4, 3.4, 4.6 })
        {
            var ellipse = plot.Add.Ellipse(0, 0, Math.Sqrt(10 * level), Math.Sqrt(level / 2));
            ellipse.LineColor = Colors.Gray.WithAlpha(0.5);
            ellipse.LineWidth = 1;
        }

        var optimizers = new (string Name, Func<Scalar[], Optimizer> Create)[]
        {
            ("SGD, η = 0.4", p => new SGD(p, learningRate: 0.4)),
            ("momentum 0.9, η = 0.04", p => new SGD(p, learningRate: 0.04, momentum: 0.9)),
            ("Adam, η = 0.3", p => new Adam(p, learningRate: 0.3)),
        };

        for (int k = 0; k < optimizers.Length; k++)
        {
            var (name, create) = optimizers[k];
            var path = Path(create);
            var line = plot.Add.ScatterLine(path.Select(p => p.X).ToArray(), path.Select(p => p.Y).ToArray(), Chart.Palette[k]);
            line.LineWidth = 2;
            line.MarkerShape = MarkerShape.FilledCircle;
            line.MarkerSize = 5;
            line.LegendText = name;
        }

        plot.Add.Marker(0, 0, MarkerShape.Cross, 14, Colors.Black);
        plot.Title(FormattableString.Invariant($"{Steps} steps on loss(x, y) = x²/10 + 2y², from (−4.5, 1.5) toward the minimum at (0, 0)"));
        plot.XLabel("x");
        plot.YLabel("y");
        plot.Axes.SetLimits(-5, 1, -2, 2);
        plot.Axes.SquareUnits();
        plot.Legend.Alignment = Alignment.LowerRight;
        plot.ShowLegend();
        return Chart.Save(plot, folder, "optimizer-paths.png", 960, 720);
    }

    /// <summary>Runs an optimizer for <see cref="Steps"/> steps from (−4.5, 1.5) and returns every point it visits.</summary>
    public static List<(double X, double Y)> Path(Func<Scalar[], Optimizer> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        Scalar[] p = [new(-4.5), new(1.5)];
        var optimizer = create(p);
        var path = new List<(double X, double Y)> { (p[0].Data, p[1].Data) };
        for (int t = 0; t < Steps; t++)
        {
            optimizer.ZeroGrad();
            var loss = (p[0] * p[0] / 10) + (2 * p[1] * p[1]);
            loss.Backward();
            optimizer.Step();
            path.Add((p[0].Data, p[1].Data));
        }

        return path;
    }
}
