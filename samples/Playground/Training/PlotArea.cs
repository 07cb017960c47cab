namespace AutogradForDummies.Playground.Training;

/// <summary>The square of data space shown on the arena's canvas, and the mapping to and from its pixels.</summary>
public sealed class PlotArea
{
    /// <summary>Frames <paramref name="points"/> with a margin, with the same scale on both axes.</summary>
    /// <param name="points">The points (x, y).</param>
    /// <param name="pixels">The canvas's width and height in pixels.</param>
    public PlotArea(IReadOnlyList<IReadOnlyList<double>> points, int pixels)
    {
        ArgumentNullException.ThrowIfNull(points);
        double minX = points.Count == 0 ? -1 : points.Min(p => p[0]), maxX = points.Count == 0 ? 1 : points.Max(p => p[0]);
        double minY = points.Count == 0 ? -1 : points.Min(p => p[1]), maxY = points.Count == 0 ? 1 : points.Max(p => p[1]);
        double size = Math.Max(Math.Max(maxX - minX, maxY - minY), 1e-9) * 1.2;
        Left = ((minX + maxX) / 2) - (size / 2);
        Top = ((minY + maxY) / 2) + (size / 2);
        Size = size;
        Pixels = pixels;
    }

    /// <summary>Gets the smallest x shown.</summary>
    public double Left { get; }

    /// <summary>Gets the largest y shown.</summary>
    public double Top { get; }

    /// <summary>Gets the width and height shown, in data units.</summary>
    public double Size { get; }

    /// <summary>Gets the canvas's size in pixels.</summary>
    public int Pixels { get; }

    /// <summary>The canvas x of a data x.</summary>
    public double ToPixelX(double x) => (x - Left) / Size * Pixels;

    /// <summary>The canvas y of a data y (y grows upwards in data, downwards on the canvas).</summary>
    public double ToPixelY(double y) => (Top - y) / Size * Pixels;

    /// <summary>The data x of a canvas x.</summary>
    public double ToDataX(double px) => Left + (px / Pixels * Size);

    /// <summary>The data y of a canvas y.</summary>
    public double ToDataY(double py) => Top - (py / Pixels * Size);
}
