using AutogradForDummies.Optim;

namespace AutogradForDummies.Benchmarks;

/// <summary>The grid's steps as <see cref="PairedComparison"/> runs them, in each build's copy of this assembly: the
/// same setup as <see cref="GridStepBenchmarks"/> (seed 1, learning rate 1e-9).</summary>
internal static class PairedSteps
{
    private const int Seed = 1;

    /// <summary>A step of the path <paramref name="path"/> ("lean", "compiled" or "dynamic") at H, N, ready to run
    /// again and again.</summary>
    public static Action Step(int hidden, int points, string path)
    {
        var setup = new MoonsSetup(hidden, points, Seed);
        var sgd = new SGD(setup.Model.Parameters(), GridStepBenchmarks.LearningRate);
        if (path == "dynamic")
        {
            return () => TrainingStep.Dynamic(setup.BuildLoss(), sgd);
        }

        var graph = Compile(setup, path);
        return () => TrainingStep.Compiled(graph, sgd);
    }

    /// <summary>The bits of the loss and of every parameter's gradient after one forward and backward pass of the path
    /// <paramref name="path"/> at H, N, folded into one number: two builds that compute the same numbers give the
    /// same.</summary>
    public static long Fingerprint(int hidden, int points, string path)
    {
        var setup = new MoonsSetup(hidden, points, Seed);
        double loss = path == "dynamic"
            ? TrainingStep.LossAndBackward(setup.BuildLoss)
            : TrainingStep.ForwardAndBackward(Compile(setup, path));
        long fingerprint = BitConverter.DoubleToInt64Bits(loss);
        foreach (var parameter in setup.Model.Parameters())
        {
            fingerprint = unchecked((fingerprint * 31) + BitConverter.DoubleToInt64Bits(parameter.Grad));
        }

        return fingerprint;
    }

    /// <summary>The setup's loss compiled as the path <paramref name="path"/> ("lean" or "compiled") compiles it.</summary>
    private static CompiledGraph Compile(MoonsSetup setup, string path) =>
        setup.BuildLoss().Compile(path == "lean" ? NodeUpdates.LeavesAndRoot : NodeUpdates.EveryNode);
}
