namespace AutogradForDummies.Playground.Backprop;

/// <summary>What one step of the backward pass does.</summary>
public enum BackwardStepKind
{
    /// <summary>The output's gradient is set to d(out)/d(out) = 1.</summary>
    Seed,

    /// <summary>A node passes its gradient to its parents, each times its local derivative.</summary>
    Rule,

    /// <summary>A node whose gradient is exactly 0 passes nothing on; <see cref="Scalar.Backward"/> skips it.</summary>
    Skipped,

    /// <summary>A leaf: its gradient is complete, and it has no parents to pass it to.</summary>
    Leaf,
}
