namespace AutogradForDummies;

/// <summary>
/// The operation that produced a <see cref="Scalar"/>. It selects the rule in <see cref="Rules"/>
/// that both <see cref="Scalar.Backward"/> and <see cref="CompiledGraph"/> apply.
/// </summary>
internal enum OpCode : byte
{
    /// <summary>A leaf: an input, a parameter or a constant. It has no parents.</summary>
    Leaf,
    Add,
    Subtract,
    Multiply,
    Divide,
    Negate,
    /// <summary>a ** b where both are Scalars.</summary>
    Pow,
    /// <summary>a ** c for a constant c, kept in the node's hidden second slot.</summary>
    PowConstant,
    Relu,
    Tanh,
    Sigmoid,
    Exp,
    Log,
    Abs,
    Sqrt,
    /// <summary>ln(1 + eᵃ), evaluated without overflow.</summary>
    Softplus,
    /// <summary>Σ wᵢ·xᵢ + b: a whole neuron in one node.</summary>
    Dot,
    /// <summary>Σ xᵢ: a whole loss sum in one node.</summary>
    Sum,
    /// <summary>ln Σ e^xᵢ, shifted by the largest xᵢ on every evaluation so that it never overflows.</summary>
    LogSumExp,
}
