using ScottPlot;

namespace AutogradForDummies.GuidePictures;

/// <summary>The look all the guide's charts share: colours, a sans-serif font, and saving as PNG.</summary>
internal static class Chart
{
    /// <summary>Blue, orange, green, purple, red, grey: distinguishable, also in grey scale by their line styles.</summary>
    public static readonly Color[] Palette =
    [
        Color.FromHex("#1f5fa8"), Color.FromHex("#d9480f"), Color.FromHex("#2b8a3e"),
        Color.FromHex("#7048e8"), Color.FromHex("#c92a2a"), Color.FromHex("#495057"),
    ];

    // Sans-serif fonts to try, in order (the plotting library's fallback is a serif font on some systems).
    private static readonly string[] Fonts = ["Segoe UI", "Helvetica Neue", "Arial", "DejaVu Sans", "Liberation Sans"];

    /// <summary>Gives a plot the guide's font.</summary>
    public static void Style(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
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

    /// <summary>Saves a plot as <paramref name="name"/> in <paramref name="folder"/> and returns the path.</summary>
    public static string Save(Plot plot, string folder, string name, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        string path = Path.Combine(folder, name);
        plot.SavePng(path, width, height);
        return path;
    }

    /// <summary>Numbers from <paramref name="from"/> to <paramref name="to"/> in <paramref name="count"/> equal steps.</summary>
    public static double[] Range(double from, double to, int count) =>
        Enumerable.Range(0, count).Select(i => from + ((to - from) * i / (count - 1))).ToArray();
}
