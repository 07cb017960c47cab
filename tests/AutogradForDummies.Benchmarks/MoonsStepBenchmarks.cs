using AutogradForDummies.Optim;
using BenchmarkDotNet.Attributes;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// moons-100: one full-batch training step of MLP(2, [16, 16, 1]) on 100 points (forward, hinge + 1e-4·L2 loss,
/// backward, SGD update), on the dynamic path, on the compiled path and written by hand.
/// </summary>
/// <remarks>
/// <para>The baseline is <see cref="HandWrittenStep"/>, the vectorized hand-written step that is also the ceiling of
/// <see cref="GridStepBenchmarks"/>; the ratios are against it. "hand-written step, single running sum" is the earlier
/// yardstick (<see cref="HandWrittenSingleSumStep"/>), plain scalar loops, measured for comparison with the
/// figures taken against it. Both are checked to compute the library's loss and gradients before measuring.</para>
/// <para><see cref="TrainedSteps"/> picks the state the step starts from: 0 is right after initialisation, where nearly
/// every point is inside the margin and contributes a gradient; 50 is half-way through micrograd's schedule, where
/// many points are classified with margin and contribute nothing. The learning rate of the measured steps is tiny,
/// so every iteration starts from practically the same state and does the same work.</para>
/// </remarks>
[MemoryDiagnoser]
public class MoonsStepBenchmarks
{
    private const double LearningRate = 1e-9;
    private MoonsSetup _setup = null!;
    private HandWrittenStep _hand = null!;
    private HandWrittenSingleSumStep _singleSum = null!;
    private CompiledGraph _graph = null!;
    private Scalar _loss = null!;
    private SGD _sgd = null!;

    /// <summary>Gets or sets how many steps of micrograd's schedule are trained before measuring.</summary>
    [Params(0, 50)]
    public int TrainedSteps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _setup = new MoonsSetup(seed: 1);
        var warmup = new SGD(_setup.Model.Parameters(), LearningRateSchedule.Linear(1.0, 0.1, 100));
        var graph = _setup.BuildLoss().Compile();
        for (int k = 0; k < TrainedSteps; k++)
        {
            TrainingStep.Compiled(graph, warmup);
        }

        _hand = _setup.CreateHandWritten();
        _singleSum = _setup.CreateHandWrittenSingleSum();
        _sgd = new SGD(_setup.Model.Parameters(), LearningRate);
        _loss = _setup.BuildLoss();
        _graph = _loss.Compile();
        _graph.Forward();
        _setup.CheckSameWork("dynamic", () =>
        {
            _loss.Backward();
            return _loss.Data;
        });
        CheckSingleSumSameWork();
    }

    // The comparison is only fair if the single-sum step computes what the library computes.
    private void CheckSingleSumSameWork()
    {
        var probe = _setup.CreateHandWrittenSingleSum();
        double loss = probe.Step(0, MoonsSetup.Alpha);
        double[] expected = probe.LossGradients();
        _setup.CheckSameWork("dynamic", "the single-sum hand-written step", loss, expected, () =>
        {
            _loss.Backward();
            return _loss.Data;
        });
    }

    [Benchmark(Baseline = true, Description = "hand-written step")]
    public double HandWritten() => _hand.Step(LearningRate, MoonsSetup.Alpha);

    [Benchmark(Description = "hand-written step, single running sum")]
    public double HandWrittenSingleSum() => _singleSum.Step(LearningRate, MoonsSetup.Alpha);

    [Benchmark(Description = "dynamic step")]
    public double Dynamic() => TrainingStep.Dynamic(_setup.BuildLoss(), _sgd);

    [Benchmark(Description = "compiled step")]
    public double Compiled() => TrainingStep.Compiled(_graph, _sgd);

    [Benchmark(Description = "dynamic forward (graph construction)")]
    public Scalar DynamicForward() => _setup.BuildLoss();

    [Benchmark(Description = "dynamic backward")]
    public void DynamicBackward() => _loss.Backward();

    [Benchmark(Description = "compiled forward")]
    public double CompiledForward() => _graph.Forward();

    [Benchmark(Description = "compiled backward")]
    public void CompiledBackward() => _graph.Backward();
}
