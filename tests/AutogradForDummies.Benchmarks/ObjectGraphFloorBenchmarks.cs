using BenchmarkDotNet.Attributes;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// What bounds the dynamic path's speed, at the grid's sizes and with the grid's job: the hand-written step (the
/// baseline, the grid's ceiling), the same step with plain loops and a single running sum (the yardstick the grid's
/// targets were first stated against, <see cref="HandWrittenSingleSumStep"/>), and the floor of the dynamic path's
/// design (<see cref="ObjectGraphFloorStep"/>: one object per number and a new graph every step, by the least code
/// that can do it). Run it with the grid's dynamic steps to put them between these.
/// </summary>
/// <remarks>Before they are measured, both are checked to compute the hand-written step's loss and every gradient to
/// 1e-12.</remarks>
[MemoryDiagnoser]
[JsonExporterAttribute.Full]
[GridJob(warmupCount: 4, iterationCount: 15)]
public class ObjectGraphFloorBenchmarks
{
    private HandWrittenStep _hand = null!;
    private HandWrittenSingleSumStep _singleSum = null!;
    private ObjectGraphFloorStep _floor = null!;

    /// <summary>Gets or sets H, the width of both hidden layers.</summary>
    [Params(16, 64, 256)]
    public int H { get; set; }

    /// <summary>Gets or sets N, the number of points.</summary>
    [Params(100, 1000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var setup = new MoonsSetup(H, N, seed: 1);
        _hand = setup.CreateHandWritten();
        _singleSum = setup.CreateHandWrittenSingleSum();
        _floor = setup.CreateObjectGraphFloor();
        var singleSum = setup.CreateHandWrittenSingleSum();
        setup.CheckSameWork("the single-sum hand-written step", () => singleSum.Step(0, MoonsSetup.Alpha), () => singleSum.Gradients(MoonsSetup.Alpha));
        var floor = setup.CreateObjectGraphFloor();
        setup.CheckSameWork("the object-graph floor", floor.LossAndBackward, floor.Gradients);
    }

    [Benchmark(Baseline = true, Description = "hand-written step")]
    public double HandWritten() => _hand.Step(GridStepBenchmarks.LearningRate, MoonsSetup.Alpha);

    [Benchmark(Description = "hand-written step, single running sum")]
    public double HandWrittenSingleSum() => _singleSum.Step(GridStepBenchmarks.LearningRate, MoonsSetup.Alpha);

    [Benchmark(Description = "object-graph floor of the dynamic step")]
    public double ObjectGraphFloor() => _floor.Step(GridStepBenchmarks.LearningRate);
}
