using BenchmarkDotNet.Attributes;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// The compiled path's dot-product kernels alone, on one example's inputs: a layer of <see cref="Rows"/> neurons with
/// 256 inputs each, laid out as a compiled graph lays them out (each neuron's weights, then its bias), one neuron at a
/// time (<c>Rules.Dot</c>) or two per sweep (<c>Rules.Dot2</c>). With 16 rows the weights (33 KB) stay in the
/// processor's first-level cache; with 256 (526 KB, the grid's H = 256) they come from the second level on every pass,
/// as they do for every example of a compiled graph. Each benchmark is one pass over the layer; divide by
/// <see cref="Rows"/> for the time per neuron.
/// </summary>
public class DotKernelBenchmarks
{
    private const int Inputs = 256;
    private const int Stride = Inputs + 1; // weights and bias

    private double[] _weights = null!;
    private double[] _x = null!;

    /// <summary>Gets or sets the number of neurons in the layer.</summary>
    [Params(16, 256)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _weights = [.. Enumerable.Range(0, Rows * Stride).Select(_ => random.NextDouble() - 0.5)];
        _x = [.. Enumerable.Range(0, Inputs).Select(_ => random.NextDouble() - 0.5)];
        if (OneAtATime() != TwoPerSweep())
        {
            throw new InvalidOperationException("The two kernels must give the same numbers.");
        }
    }

    [Benchmark(Baseline = true, Description = "one neuron at a time")]
    public double OneAtATime()
    {
        ReadOnlySpan<double> w = _weights;
        double total = 0;
        for (int j = 0; j < Rows; j++)
        {
            total += Rules.Dot(w.Slice(j * Stride, Inputs), _x, w[(j * Stride) + Inputs]);
        }

        return total;
    }

    [Benchmark(Description = "two neurons per sweep")]
    public double TwoPerSweep()
    {
        ReadOnlySpan<double> w = _weights;
        double total = 0;
        for (int j = 0; j < Rows; j += 2)
        {
            var (y0, y1) = Rules.Dot2(
                w.Slice(j * Stride, Inputs), w[(j * Stride) + Inputs], w.Slice((j + 1) * Stride, Inputs), w[((j + 1) * Stride) + Inputs], _x);
            total += y0;
            total += y1;
        }

        return total;
    }
}
