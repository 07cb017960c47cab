using ScottPlot;

namespace AutogradForDummies.GuidePictures;

/// <summary>Page 1: f(x) = 3x² − 4x + 5, its tangent at x = 3, and two nudges whose slopes approach the tangent's.</summary>
internal static class TangentPicture
{
    public static string Save(string folder)
    {
        static double F(double x) => (3 * x * x) - (4 * x) + 5;
        const double x0 = 3;
        double y0 = F(x0);
        const double slope = 14; // f'(3) = 6·3 − 4

        using var plot = new Plot();
        Chart.Style(plot);
        var xs = Chart.Range(0.8, 4.6, 200);
        var curve = plot.Add.ScatterLine(xs, xs.Select(F).ToArray(), Chart.Palette[0]);
        curve.LineWidth = 3;
        curve.LegendText = "f(x) = 3x² − 4x + 5";

        var tangent = plot.Add.Line(1.9, y0 + (slope * (1.9 - x0)), 4.4, y0 + (slope * (4.4 - x0)));
        tangent.Color = Chart.Palette[2];
        tangent.LineWidth = 2;
        tangent.LegendText = "tangent at x = 3: slope f′(3) = 14";

        foreach (var (h, color) in new[] { (1.0, Chart.Palette[1]), (0.4, Chart.Palette[3]) })
        {
            double secant = (F(x0 + h) - y0) / h;
            var line = plot.Add.Line(x0 - 0.9, y0 - (0.9 * secant), x0 + h + 0.3, y0 + ((h + 0.3) * secant));
            line.Color = color;
            line.LineWidth = 1.5f;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = FormattableString.Invariant($"nudge h = {h}: slope (f(3 + h) − f(3)) / h = {secant:0.#}");

            // The nudge itself: h along x, then f(3 + h) − f(3) along y.
            var run = plot.Add.Line(x0, y0, x0 + h, y0);
            run.Color = color;
            run.LineWidth = 2;
            var rise = plot.Add.Line(x0 + h, y0, x0 + h, F(x0 + h));
            rise.Color = color;
            rise.LineWidth = 2;
            plot.Add.Marker(x0 + h, F(x0 + h), MarkerShape.FilledCircle, 8, color);
            var label = plot.Add.Text(FormattableString.Invariant($"h = {h}"), x0 + (h / 2), y0 - 0.4);
            label.LabelFontColor = color;
            label.LabelAlignment = Alignment.UpperCenter;
            label.LabelFontSize = 13;
        }

        plot.Add.Marker(x0, y0, MarkerShape.FilledCircle, 10, Colors.Black);
        var point = plot.Add.Text("(3, 20)", x0 - 0.08, y0 + 0.6);
        point.LabelAlignment = Alignment.LowerRight;
        point.LabelFontSize = 13;

        plot.Title("The derivative is the slope of the tangent; a nudge measures a slightly steeper secant");
        plot.XLabel("x");
        plot.YLabel("f(x)");
        plot.Axes.SetLimits(0.8, 4.6, 0, 50);
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.ShowLegend();
        return Chart.Save(plot, folder, "tangent.png", 860, 540);
    }
}
