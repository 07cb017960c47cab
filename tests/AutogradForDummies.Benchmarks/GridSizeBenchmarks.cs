using BenchmarkDotNet.Attributes;

namespace AutogradForDummies.Benchmarks;

/// <summary>The grid's sizes, for every benchmark class that runs at them: H in {16, 64, 256} and N in {100, 1000},
/// six benchmarks per method.</summary>
public abstract class GridSizeBenchmarks
{
    /// <summary>Gets or sets H, the width of both hidden layers.</summary>
    [Params(16, 64, 256)]
    public int H { get; set; }

    /// <summary>Gets or sets N, the number of points.</summary>
    [Params(100, 1000)]
    public int N { get; set; }
}
