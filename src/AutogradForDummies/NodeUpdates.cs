namespace AutogradForDummies;

/// <summary>Which Scalars a <see cref="CompiledGraph"/> keeps up to date when it runs.</summary>
/// <remarks>
/// A compiled graph computes every value and gradient in its own arrays. Copying them into the graph's Scalars costs
/// a memory write per node per pass, a third of the time of a large graph, and a training step needs only the
/// leaves' gradients (for the optimizer) and the root's value (the loss). <see cref="CompiledGraph.ValueOf"/> and
/// <see cref="CompiledGraph.GradientOf"/> read any node's numbers from the arrays in either mode.
/// </remarks>
public enum NodeUpdates
{
    /// <summary>Every Scalar of the graph: after <see cref="CompiledGraph.Forward"/> each holds its new
    /// <see cref="Scalar.Data"/>, after <see cref="CompiledGraph.Backward"/> its new <see cref="Scalar.Grad"/>, exactly
    /// as after the dynamic path. The default.</summary>
    EveryNode,

    /// <summary>Only what a training step reads: the root's <see cref="Scalar.Data"/> and <see cref="Scalar.Grad"/>
    /// and the leaves' <see cref="Scalar.Grad"/>. The other Scalars keep the numbers they had when the graph was
    /// compiled; read theirs with <see cref="CompiledGraph.ValueOf"/> and <see cref="CompiledGraph.GradientOf"/>.</summary>
    LeavesAndRoot,
}
