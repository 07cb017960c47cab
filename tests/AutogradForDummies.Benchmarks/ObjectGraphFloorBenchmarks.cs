using AutogradForDummies.Optim;
using BenchmarkDotNet.Attributes;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// The dynamic step beside the steps that show where its time goes, at the grid's sizes, under the garbage
/// collector's default (concurrent) mode and with it off: the hand-written step (the baseline, the grid's ceiling);
/// the same step with plain loops and a single running sum (<see cref="HandWrittenSingleSumStep"/>, the kind of step
/// the 0.1 figures, which the grid's targets were set against, were measured with);
/// the dynamic path's design by the least code (<see cref="ObjectGraphFloorStep"/>: one object per number and a new
/// graph every step), and the same on a graph kept from step to step; and the library's dynamic steps, with its
/// losses and micrograd-style.
/// </summary>
/// <remarks>Before they are measured, the steps written outside the library are checked to compute the hand-written
/// step's loss and every gradient to 1e-12 (a step with learning rate 0), as the library's are.</remarks>
[MemoryDiagnoser]
[JsonExporterAttribute.Full]
[GridJob(warmupCount: 4, iterationCount: 15, nonConcurrentGcToo: true)]
public class ObjectGraphFloorBenchmarks : GridSizeBenchmarks
{
    private MoonsSetup _setup = null!;
    private SGD _sgd = null!;
    private HandWrittenStep _hand = null!;
    private HandWrittenSingleSumStep _singleSum = null!;
    private ObjectGraphFloorStep _floor = null!;
    private ObjectGraphFloorStep _keptFloor = null!;

    [GlobalSetup]
    public void Setup()
    {
        var setup = _setup = new MoonsSetup(H, N, seed: 1);
        _sgd = new SGD(setup.Model.Parameters(), GridStepBenchmarks.LearningRate);
        _hand = setup.CreateHandWritten();
        _singleSum = setup.CreateHandWrittenSingleSum();
        _floor = setup.CreateObjectGraphFloor();
        _keptFloor = setup.CreateObjectGraphFloor();
        var singleSum = setup.CreateHandWrittenSingleSum();
        setup.CheckSameWork("the single-sum hand-written step", () => singleSum.Step(0, MoonsSetup.Alpha), singleSum.LossGradients);
        var floor = setup.CreateObjectGraphFloor();
        setup.CheckSameWork("the object-graph floor", () => floor.Step(0), floor.Gradients);
        var kept = setup.CreateObjectGraphFloor();
        kept.StepOnKeptGraph(0); // builds the graph
        setup.CheckSameWork("the object-graph floor on a kept graph", () => kept.StepOnKeptGraph(0), kept.Gradients);
        setup.CheckSameWork("dynamic", () => TrainingStep.LossAndBackward(setup.BuildLoss));
        setup.CheckSameWork("micrograd-style dynamic", () => TrainingStep.LossAndBackward(setup.BuildMicrogradStyleLoss));
    }

    [Benchmark(Baseline = true, Description = "hand-written step")]
    public double HandWritten() => _hand.Step(GridStepBenchmarks.LearningRate, MoonsSetup.Alpha);

    [Benchmark(Description = "hand-written step, single running sum")]
    public double HandWrittenSingleSum() => _singleSum.Step(GridStepBenchmarks.LearningRate, MoonsSetup.Alpha);

    [Benchmark(Description = "object-graph floor of the dynamic step")]
    public double ObjectGraphFloor() => _floor.Step(GridStepBenchmarks.LearningRate);

    [Benchmark(Description = "object-graph floor, graph kept")]
    public double ObjectGraphFloorKeptGraph() => _keptFloor.StepOnKeptGraph(GridStepBenchmarks.LearningRate);

    [Benchmark(Description = "dynamic step")]
    public double Dynamic() => TrainingStep.Dynamic(_setup.BuildLoss(), _sgd);

    [Benchmark(Description = "dynamic step, micrograd-style loss")]
    public double DynamicMicrogradStyle() => TrainingStep.Dynamic(_setup.BuildMicrogradStyleLoss(), _sgd);
}
