using System.Diagnostics;
using System.Globalization;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// <c>--check</c>: checks, without measuring anything, that every path of <see cref="GridStepBenchmarks"/> (and those of <see cref="ObjectGraphFloorBenchmarks"/>) computes the
/// hand-written step's loss and gradients at every size, as each benchmark does before it measures, and reports how long
/// <c>Compile()</c> takes and the memory the loss graph and its compiled form hold.
/// </summary>
/// <remarks>The memory held is the growth of the managed heap after full collections: the loss graph's nodes (the
/// parameters, which exist before it, not counted), then what the compiled graph adds while the loss graph is kept
/// alive (its arrays of instructions, values and gradients, and the node references it writes back to).</remarks>
internal static class GridCheck
{
    public static void Run(IReadOnlyList<GridSize> sizes, TextWriter output)
    {
        foreach (var size in sizes)
        {
            var setup = new MoonsSetup(size.H, size.N, seed: 1);
            setup.CheckSameWork("dynamic", () => TrainingStep.LossAndBackward(setup.BuildLoss));
            setup.CheckSameWork("micrograd-style dynamic", () => TrainingStep.LossAndBackward(setup.BuildMicrogradStyleLoss));
            var singleSum = setup.CreateHandWrittenSingleSum();
            setup.CheckSameWork("the single-sum hand-written step", () => singleSum.Step(0, MoonsSetup.Alpha), singleSum.LossGradients);
            var floor = setup.CreateObjectGraphFloor();
            setup.CheckSameWork("the object-graph floor", () => floor.Step(0), floor.Gradients);
            floor.StepOnKeptGraph(0);
            setup.CheckSameWork("the object-graph floor on a kept graph", () => floor.StepOnKeptGraph(0), floor.Gradients);
            long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var loss = setup.BuildLoss();
            long graphBytes = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
            var clock = Stopwatch.StartNew();
            var graph = loss.Compile();
            double compileSeconds = clock.Elapsed.TotalSeconds;
            long compiledBytes = GC.GetTotalMemory(forceFullCollection: true) - heapBefore - graphBytes;
            setup.CheckSameWork("compiled", () => TrainingStep.ForwardAndBackward(graph));
            graph = null;
            var lean = loss.Compile(NodeUpdates.LeavesAndRoot);
            setup.CheckSameWork("compiled lean", () => TrainingStep.ForwardAndBackward(lean));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size}: the hand-written step, its single-sum form, the object-graph floor (a new graph and a kept one), dynamic, micrograd-style dynamic, compiled and compiled lean agree to 1e-12 (loss {loss.Data:G6}); Compile() took {compileSeconds:F2} s; the loss graph holds {graphBytes / 1e6:F1} MB, its compiled graph {compiledBytes / 1e6:F1} MB more"));
        }
    }
}
