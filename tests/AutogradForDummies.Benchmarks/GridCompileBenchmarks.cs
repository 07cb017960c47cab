using BenchmarkDotNet.Attributes;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// <c>Compile()</c> of the grid's loss graphs (see <see cref="GridStepBenchmarks"/>): the time it takes and the bytes it
/// allocates, for H in {16, 64, 256} and N in {100, 1000}.
/// </summary>
/// <remarks>
/// The job has fewer iterations than the steps' (1 warm-up, 5 measured, of at least 250 ms): compiling the largest
/// graph (256/1000, about 2 million nodes) takes seconds, and every iteration is at least one call, so the default
/// job would spend many minutes on that one size alone. Fast sizes are still repeated within each iteration.
/// </remarks>
[MemoryDiagnoser]
[JsonExporterAttribute.Full]
[GridJob(warmupCount: 1, iterationCount: 5)]
public class GridCompileBenchmarks
{
    private Scalar _loss = null!;

    /// <summary>Gets or sets H, the width of both hidden layers.</summary>
    [Params(16, 64, 256)]
    public int H { get; set; }

    /// <summary>Gets or sets N, the number of points.</summary>
    [Params(100, 1000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => _loss = new MoonsSetup(H, N, seed: 1).BuildLoss();

    [Benchmark(Description = "Compile()")]
    public CompiledGraph Compile() => _loss.Compile();
}
