using ScottPlot;

namespace AutogradForDummies.GuidePictures;

/// <summary>
/// Page 6: the two classification losses as functions of the margin m = y·s, with their slopes as Backward()
/// computes them: the hinge relu(1 − m) and the logistic loss softplus(−m), which is the binary cross-entropy
/// written for labels ±1.
/// </summary>
internal static class LossesPicture
{
    public static string Save(string folder)
    {
        var losses = new (string Name, Func<Scalar, Scalar> F, Color Color)[]
        {
            ("hinge: relu(1 − m)", m => (1 - m).Relu(), Chart.Palette[0]),
            ("logistic (BCE): softplus(−m)", m => (-m).Softplus(), Chart.Palette[1]),
        };

        using var plot = new Plot();
        Chart.Style(plot);
        plot.Add.HorizontalLine(0, 1, Colors.Gray);
        plot.Add.VerticalLine(0, 1, Colors.Gray);
        var margins = Chart.Range(-3, 4, 701);
        foreach (var (name, f, color) in losses)
        {
            var values = new double[margins.Length];
            var slopes = new double[margins.Length];
            for (int i = 0; i < margins.Length; i++)
            {
                var m = new Scalar(margins[i]);
                var loss = f(m);
                loss.Backward();
                values[i] = loss.Data;
                slopes[i] = m.Grad;
            }

            var value = plot.Add.ScatterLine(margins, values, color);
            value.LineWidth = 3;
            value.LegendText = name;
            var slope = plot.Add.ScatterLine(margins, slopes, color);
            slope.LineWidth = 2;
            slope.LinePattern = LinePattern.Dashed;
            slope.LegendText = "its slope ∂loss/∂m (Backward)";
        }

        plot.Title("The loss of one sample against its margin m = y·s: wrong on the left, right on the right");
        plot.XLabel("margin m = y·s");
        plot.Axes.SetLimits(-3, 4, -1.3, 4);
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend();
        return Chart.Save(plot, folder, "losses.png", 860, 500);
    }
}
