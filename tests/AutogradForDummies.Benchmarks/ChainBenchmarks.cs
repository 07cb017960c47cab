using BenchmarkDotNet.Attributes;

namespace AutogradForDummies.Benchmarks;

/// <summary>A chain y = ((x + c) + c) + … of <see cref="Length"/> additions: the deepest graph there is. Two lengths show
/// that Backward() takes time in proportion to the size of the graph.</summary>
[MemoryDiagnoser]
public class ChainBenchmarks
{
    private Scalar _root = null!;

    /// <summary>Gets or sets the number of additions in the chain.</summary>
    [Params(250_000, 1_000_000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup() => _root = Build();

    [Benchmark(Description = "build chain")]
    public Scalar Build()
    {
        Scalar y = new(1.0);
        for (int i = 0; i < Length; i++)
        {
            y += 1e-6;
        }

        return y;
    }

    [Benchmark(Description = "Backward() over chain")]
    public void Backward() => _root.Backward();
}
