using AutogradForDummies.Optim;

namespace AutogradForDummies.Benchmarks;

/// <summary>The library's training steps as the benchmarks measure them, the way a training loop writes them.</summary>
internal static class TrainingStep
{
    /// <summary>The dynamic path, after the caller built the loss graph <paramref name="loss"/> anew: backward and the
    /// update.</summary>
    /// <returns>The loss.</returns>
    public static double Dynamic(Scalar loss, SGD optimizer)
    {
        optimizer.ZeroGrad();
        loss.Backward();
        optimizer.Step();
        return loss.Data;
    }

    /// <summary>The compiled path: forward and backward over the graph's arrays, then the update.</summary>
    /// <returns>The loss.</returns>
    public static double Compiled(CompiledGraph graph, SGD optimizer)
    {
        double loss = graph.Forward();
        optimizer.ZeroGrad();
        graph.Backward();
        optimizer.Step();
        return loss;
    }

    /// <summary>The loss graph built by <paramref name="build"/> and its backward pass, without an update.</summary>
    /// <returns>The loss.</returns>
    public static double LossAndBackward(Func<Scalar> build)
    {
        var loss = build();
        loss.Backward();
        return loss.Data;
    }

    /// <summary>The compiled graph's forward and backward passes, without an update.</summary>
    /// <returns>The loss.</returns>
    public static double ForwardAndBackward(CompiledGraph graph)
    {
        double loss = graph.Forward();
        graph.Backward();
        return loss;
    }
}
