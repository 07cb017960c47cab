namespace AutogradForDummies;

/// <summary>Where a node keeps its operands, whatever its operation: what a traversal needs to know to find the
/// parents. Each node factory in <see cref="Scalar"/> sets it, so a new operation needs nothing here.</summary>
internal enum NodeShape : byte
{
    /// <summary>No operands.</summary>
    Leaf,

    /// <summary>One operand (and maybe constants): <see cref="Scalar.First"/>.</summary>
    OneOperand,

    /// <summary>Two operands: <see cref="Scalar.First"/> and <see cref="Scalar.Second"/>.</summary>
    TwoOperands,

    /// <summary>A dot product: <see cref="Scalar.WeightsAndBias"/> and <see cref="Scalar.Inputs"/>.</summary>
    Dot,

    /// <summary>A list of terms: <see cref="Scalar.Terms"/>.</summary>
    Terms,
}
