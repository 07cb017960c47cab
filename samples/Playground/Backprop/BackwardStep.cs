namespace AutogradForDummies.Playground.Backprop;

/// <summary>One step of the backward pass: one node, in the order <see cref="Scalar.Backward"/> visits them.</summary>
/// <param name="NodeIndex">The node's index in the topological order (it is <c>n{NodeIndex}</c> in the drawing).</param>
/// <param name="Kind">What the step does.</param>
/// <param name="Summary">The step in words.</param>
/// <param name="Contributions">What it adds to each parent; empty unless <paramref name="Kind"/> is <see cref="BackwardStepKind.Rule"/>.</param>
public sealed record BackwardStep(
    int NodeIndex, BackwardStepKind Kind, string Summary, IReadOnlyList<GradientContribution> Contributions);
