using System.Diagnostics;
using System.Globalization;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// <c>--check</c>: checks, without measuring anything, that every path of <see cref="GridStepBenchmarks"/> computes the
/// hand-written step's loss and gradients at every size, as each benchmark does before it measures.
/// </summary>
internal static class GridCheck
{
    public static void Run(IReadOnlyList<GridSize> sizes, TextWriter output)
    {
        foreach (var size in sizes)
        {
            var setup = new MoonsSetup(size.H, size.N, seed: 1);
            setup.CheckSameWork("dynamic", () => TrainingStep.LossAndBackward(setup.BuildLoss));
            setup.CheckSameWork("micrograd-style dynamic", () => TrainingStep.LossAndBackward(setup.BuildMicrogradStyleLoss));
            var loss = setup.BuildLoss();
            var clock = Stopwatch.StartNew();
            var graph = loss.Compile();
            double compileSeconds = clock.Elapsed.TotalSeconds;
            setup.CheckSameWork("compiled", () => TrainingStep.ForwardAndBackward(graph));
            graph = null;
            var lean = loss.Compile(NodeUpdates.LeavesAndRoot);
            setup.CheckSameWork("compiled lean", () => TrainingStep.ForwardAndBackward(lean));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size}: the hand-written step, dynamic, micrograd-style dynamic, compiled and compiled lean agree to 1e-12 (loss {loss.Data:G6}; Compile() took {compileSeconds:F2} s)"));
        }
    }
}
