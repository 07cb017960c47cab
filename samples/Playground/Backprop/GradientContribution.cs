namespace AutogradForDummies.Playground.Backprop;

/// <summary>What one step adds to one parent's gradient: <c>parent.grad += local × upstream</c>.</summary>
/// <param name="ParentIndex">The parent's index in the topological order.</param>
/// <param name="Rule">The local derivative in symbols, such as <c>d(a*b)/da = b</c>.</param>
/// <param name="Local">The local derivative's value.</param>
/// <param name="Upstream">The gradient of the node that passes it on.</param>
/// <param name="Before">The parent's gradient before this step.</param>
/// <param name="After">The parent's gradient after this step.</param>
/// <param name="Accumulates">True when the parent already had a gradient from another use: the two add up.</param>
public sealed record GradientContribution(
    int ParentIndex, string Rule, double Local, double Upstream, double Before, double After, bool Accumulates);
