using AutogradForDummies.Optim;
using BenchmarkDotNet.Attributes;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// The grid: one full-batch training step of MLP(2, [H, H, 1]) on N moons points (forward, mean hinge + 1e-4·L2 loss,
/// backward, SGD update) for H in {16, 64, 256} and N in {100, 1000}, written by hand (the baseline), on the dynamic
/// path with the library's losses, on the dynamic path written micrograd-style, compiled, and compiled lean.
/// <see cref="GridCompileBenchmarks"/> measures <c>Compile()</c> at the same sizes.
/// </summary>
/// <remarks>
/// <para>Every path starts from the same points and weights (seed 1) and, before it is measured, is checked to compute
/// the hand-written step's loss and every parameter's gradient to 1e-12 (<see cref="MoonsSetup.CheckSameWork(string, Func{double})"/>).
/// Each benchmark process prepares and checks only the path it measures, so that no process pays for compiling a
/// graph it does not run. The learning rate is 1e-9, so every iteration starts from practically the same weights
/// and does the same work.</para>
/// <para>The job (<see cref="GridJobAttribute"/>): 4 warm-up and 15 measured iterations of at least 250 ms each, one
/// process per benchmark. A fast step (tens of microseconds) is repeated within an iteration until the iteration lasts
/// 250 ms; a step near that (the dynamic paths at H = 256, N = 1000 take about a quarter of a second) is one or two
/// calls per iteration, so those two cost 21 to 40 calls each. BenchmarkDotNet's default job (at least 15 and up to 100
/// iterations of 500 ms, and a warm-up of its own choosing) would take well over an hour for the grid on a 2-core
/// machine; with this one the whole grid, this class and <see cref="GridCompileBenchmarks"/>, takes about 5 minutes
/// there (more on a busy one): a minute to build, then about 10 seconds per benchmark process (start, setup and check, 20
/// iterations), 20 to 25 seconds for each benchmark of the largest size.</para>
/// </remarks>
[MemoryDiagnoser]
[JsonExporterAttribute.Full]
[GridJob(warmupCount: 4, iterationCount: 15)]
public class GridStepBenchmarks : GridSizeBenchmarks
{
    /// <summary>The learning rate of the measured steps: so small that every iteration does the same work.</summary>
    internal const double LearningRate = 1e-9;

    private const int Seed = 1;
    private MoonsSetup _setup = null!;
    private HandWrittenStep _hand = null!;
    private CompiledGraph _graph = null!;
    private SGD _sgd = null!;

    [GlobalSetup(Targets = [nameof(HandWritten), nameof(Dynamic)])]
    public void SetupHandWrittenAndDynamic()
    {
        Prepare();
        _hand = _setup.CreateHandWritten();
        _setup.CheckSameWork("dynamic", () => TrainingStep.LossAndBackward(_setup.BuildLoss));
    }

    [GlobalSetup(Target = nameof(DynamicMicrogradStyle))]
    public void SetupDynamicMicrogradStyle()
    {
        Prepare();
        _setup.CheckSameWork("micrograd-style dynamic", () => TrainingStep.LossAndBackward(_setup.BuildMicrogradStyleLoss));
    }

    [GlobalSetup(Target = nameof(Compiled))]
    public void SetupCompiled() => PrepareCompiled(NodeUpdates.EveryNode, "compiled");

    [GlobalSetup(Target = nameof(CompiledLean))]
    public void SetupCompiledLean() => PrepareCompiled(NodeUpdates.LeavesAndRoot, "compiled lean");

    [Benchmark(Baseline = true, Description = "hand-written step")]
    public double HandWritten() => _hand.Step(LearningRate, MoonsSetup.Alpha);

    [Benchmark(Description = "dynamic step")]
    public double Dynamic() => TrainingStep.Dynamic(_setup.BuildLoss(), _sgd);

    [Benchmark(Description = "dynamic step, micrograd-style loss")]
    public double DynamicMicrogradStyle() => TrainingStep.Dynamic(_setup.BuildMicrogradStyleLoss(), _sgd);

    [Benchmark(Description = "compiled step")]
    public double Compiled() => TrainingStep.Compiled(_graph, _sgd);

    [Benchmark(Description = "compiled step, LeavesAndRoot")]
    public double CompiledLean() => TrainingStep.Compiled(_graph, _sgd);

    private void Prepare()
    {
        _setup = new MoonsSetup(H, N, Seed);
        _sgd = new SGD(_setup.Model.Parameters(), LearningRate);
    }

    private void PrepareCompiled(NodeUpdates updates, string path)
    {
        Prepare();
        _graph = _setup.BuildLoss().Compile(updates);
        _setup.CheckSameWork(path, () => TrainingStep.ForwardAndBackward(_graph));
    }
}
