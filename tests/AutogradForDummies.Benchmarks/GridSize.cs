using System.Globalization;

namespace AutogradForDummies.Benchmarks;

/// <summary>One size of the grid: MLP(2, [H, H, 1]) on N points.</summary>
/// <param name="H">The width of both hidden layers.</param>
/// <param name="N">The number of points.</param>
internal readonly record struct GridSize(int H, int N)
{
    /// <summary>The grid's six sizes, as <see cref="GridStepBenchmarks"/> and <see cref="GridCompileBenchmarks"/>
    /// list them in their [Params].</summary>
    public static IReadOnlyList<GridSize> All { get; } = [new(16, 100), new(16, 1000), new(64, 100), new(64, 1000), new(256, 100), new(256, 1000)];

    /// <summary>Gets N·H, the size the picture's horizontal axis shows.</summary>
    public int NH => N * H;

    /// <summary>Reads a list such as <c>16x100,256x1000</c>.</summary>
    /// <exception cref="ArgumentException">An entry is not of the form HxN with positive numbers.</exception>
    public static IReadOnlyList<GridSize> ParseList(string text, string paramName)
    {
        var sizes = new List<GridSize>();
        foreach (string entry in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = entry.Split('x');
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int h)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
                || h <= 0 || n <= 0)
            {
                throw new ArgumentException($"'{entry}' is not a size: write HxN, such as 16x100.", paramName);
            }

            sizes.Add(new(h, n));
        }

        return sizes.Count > 0 ? sizes : throw new ArgumentException("No size given: write HxN,HxN..., such as 16x100,64x1000.", paramName);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"H = {H}, N = {N}");
}
