using ScottPlot;

namespace AutogradForDummies.GuidePictures;

/// <summary>Page 4: each activation of the library with its derivative, both computed by the engine.</summary>
internal static class ActivationsPicture
{
    public static string Save(string folder)
    {
        var activations = new (string Name, string Derivative, Func<Scalar, Scalar> F)[]
        {
            ("relu(a) = max(0, a)", "relu′(a): 1 for a > 0, else 0", a => a.Relu()),
            ("tanh(a)", "tanh′(a) = 1 − tanh²(a)", a => a.Tanh()),
            ("σ(a) = 1 / (1 + exp(−a))", "σ′(a) = σ(a)(1 − σ(a))", a => a.Sigmoid()),
            ("softplus(a) = ln(1 + exp(a))", "softplus′(a) = σ(a)", a => a.Softplus()),
        };

        var multiplot = new Multiplot();
        multiplot.AddPlots(activations.Length);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows: 2, columns: 2);
        var xs = Chart.Range(-4, 4, 801);
        for (int k = 0; k < activations.Length; k++)
        {
            var (name, derivative, f) = activations[k];
            var values = new double[xs.Length];
            var slopes = new double[xs.Length];
            for (int i = 0; i < xs.Length; i++)
            {
                var a = new Scalar(xs[i]);
                var y = f(a);
                y.Backward();
                values[i] = y.Data;
                slopes[i] = a.Grad;
            }

            var plot = multiplot.GetPlot(k);
            Chart.Style(plot);
            plot.Add.HorizontalLine(0, 1, Colors.Gray);
            plot.Add.VerticalLine(0, 1, Colors.Gray);
            var value = plot.Add.ScatterLine(xs, values, Chart.Palette[0]);
            value.LineWidth = 3;
            value.LegendText = name;
            var slope = plot.Add.ScatterLine(xs, slopes, Chart.Palette[1]);
            slope.LineWidth = 2;
            slope.LinePattern = LinePattern.Dashed;
            slope.LegendText = derivative + " (Backward)";
            plot.Axes.SetLimits(-4, 4, -1.2, 3);
            plot.Legend.Alignment = Alignment.UpperLeft;
            plot.ShowLegend();
            plot.XLabel("a");
        }

        string path = Path.Combine(folder, "activations.png");
        multiplot.SavePng(path, 1000, 720);
        return path;
    }
}
