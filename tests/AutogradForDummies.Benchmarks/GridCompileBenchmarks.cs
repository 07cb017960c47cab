using BenchmarkDotNet.Attributes;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// <c>Compile()</c> of the grid's loss graphs (see <see cref="GridStepBenchmarks"/>): the time it takes and the bytes it
/// allocates, for H in {16, 64, 256} and N in {100, 1000}.
/// </summary>
/// <remarks>
/// The job has fewer iterations than the steps' (1 warm-up, 5 measured, of at least 250 ms each): compiling the largest
/// graph (H = 256, N = 1000, 1.1 million nodes) takes about 0.2 s and allocates about 115 MB, and every iteration is at
/// least one call, so BenchmarkDotNet's default job would spend minutes on that size alone. Fast sizes are still repeated within each
/// iteration until it lasts 250 ms.
/// </remarks>
[MemoryDiagnoser]
[JsonExporterAttribute.Full]
[GridJob(warmupCount: 1, iterationCount: 5)]
public class GridCompileBenchmarks : GridSizeBenchmarks
{
    private Scalar _loss = null!;

    [GlobalSetup]
    public void Setup() => _loss = new MoonsSetup(H, N, seed: 1).BuildLoss();

    [Benchmark(Description = "Compile()")]
    public CompiledGraph Compile() => _loss.Compile();
}
