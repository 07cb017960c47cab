using AutogradForDummies.Optim;
using BenchmarkDotNet.Attributes;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// The dynamic step of the grid (<see cref="GridStepBenchmarks"/>) in a training loop, under each of the garbage
/// collector's modes (<see cref="GcModeJobsAttribute"/>). A dynamic step allocates its whole graph and keeps it alive
/// until the step ends, so every collection during a step finds most of what it scans still in use; how often the
/// collector runs, and whether it must wait for a collection of the old generation running beside the program, sets
/// much of a large step's time. The second benchmark keeps a reference to the last step's graph while it builds the
/// next one, as a loop written in a program's top-level statements (the README's) does while the runtime runs it as
/// unoptimized code, which treats every local as in use until the method returns or the local is overwritten.
/// </summary>
/// <remarks>
/// Unlike the grid's job, which lets BenchmarkDotNet collect the whole heap between iterations, these jobs let the
/// collector's state run on from step to step. Every iteration starts from practically the same weights (the learning
/// rate is 1e-9) and the path is checked against the hand-written step first, as in the grid.
/// </remarks>
[MemoryDiagnoser]
[JsonExporterAttribute.Full]
[GcModeJobs]
public class GcModeBenchmarks : GridSizeBenchmarks
{
    private const int Seed = 1;
    private MoonsSetup _setup = null!;
    private SGD _sgd = null!;
    private Scalar? _lastLoss;

    [GlobalSetup]
    public void Setup()
    {
        _setup = new MoonsSetup(H, N, Seed);
        _sgd = new SGD(_setup.Model.Parameters(), GridStepBenchmarks.LearningRate);
        _setup.CheckSameWork("dynamic", () => TrainingStep.LossAndBackward(_setup.BuildLoss));
    }

    [Benchmark(Description = "dynamic step")]
    public double Dynamic() => TrainingStep.Dynamic(_setup.BuildLoss(), _sgd);

    [Benchmark(Description = "dynamic step, last step's graph still referenced")]
    public double DynamicKeepingLastGraph()
    {
        var loss = _setup.BuildLoss(); // built while _lastLoss still holds the whole graph of the step before
        double value = TrainingStep.Dynamic(loss, _sgd);
        _lastLoss = loss;
        return value;
    }
}
