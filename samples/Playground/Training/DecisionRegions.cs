using AutogradForDummies.Nn;

namespace AutogradForDummies.Playground.Training;

/// <summary>Paints what the network predicts over the plot area: one cell per grid square, in the colour of its
/// class, stronger where the network is more certain.</summary>
internal static class DecisionRegions
{
    /// <summary>The colours of the classes (points), in order.</summary>
    public static readonly string[] ClassColors = ["#1f6fb4", "#d9480f", "#2b8a3e", "#7048e8", "#a61e4d"];

    private static readonly (byte R, byte G, byte B)[] s_rgb = ClassColors.Select(Parse).ToArray();

    /// <summary>Returns an RGBA image of <paramref name="cells"/> × <paramref name="cells"/> for the network.</summary>
    public static byte[] Paint(MLP model, PlotArea area, int cells)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(area);
        var rgba = new byte[cells * cells * 4];
        double step = area.Size / cells;
        var input = new double[2];
        for (int row = 0; row < cells; row++)
        {
            double y = area.Top - ((row + 0.5) * step);
            for (int col = 0; col < cells; col++)
            {
                double x = area.Left + ((col + 0.5) * step);
                input[0] = x;
                input[1] = y;
                var outputs = model.Predict(input); // inference on doubles: no graph
                int cls = Trainer.Classify(outputs);
                double certainty = Certainty(outputs, cls);
                var (r, g, b) = s_rgb[cls % s_rgb.Length];
                double alpha = 0.18 + (0.42 * certainty); // mixed with white
                int o = ((row * cells) + col) * 4;
                rgba[o] = Mix(r, alpha);
                rgba[o + 1] = Mix(g, alpha);
                rgba[o + 2] = Mix(b, alpha);
                rgba[o + 3] = 255;
            }
        }

        return rgba;
    }

    // 0 on the boundary, towards 1 far from it: |tanh(score)| for one output, the softmax of the winner otherwise.
    private static double Certainty(ReadOnlySpan<double> outputs, int cls)
    {
        if (outputs.Length == 1)
        {
            double c = Math.Abs(Math.Tanh(outputs[0]));
            return double.IsNaN(c) ? 0 : c;
        }

        double sum = 0;
        foreach (double z in outputs)
        {
            sum += Math.Exp(z - outputs[cls]);
        }

        double p = 1 / sum;
        double chance = 1.0 / outputs.Length;
        double certainty = (p - chance) / (1 - chance);
        return double.IsNaN(certainty) ? 0 : Math.Clamp(certainty, 0, 1);
    }

    private static byte Mix(byte channel, double alpha) => (byte)Math.Round((alpha * channel) + ((1 - alpha) * 255));

    private static (byte, byte, byte) Parse(string hex) =>
        (Convert.ToByte(hex[1..3], 16), Convert.ToByte(hex[3..5], 16), Convert.ToByte(hex[5..7], 16));
}
