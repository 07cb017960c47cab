namespace AutogradForDummies;

/// <summary>
/// The operation that produced a <see cref="Scalar"/>. <see cref="Operations.Visit"/> maps each code to its rule in
/// <see cref="Rules"/>, the one place where the operation's math is written.
/// </summary>
internal enum OpCode : byte
{
    /// <summary>A leaf: an input, a parameter or a constant. It has no parents.</summary>
    Leaf,
    Add,
    Subtract,
    Multiply,
    Divide,
    /// <summary>a ** b where both are Scalars.</summary>
    Pow,
    Max,
    Min,
    Negate,
    Relu,
    Tanh,
    Sigmoid,
    Exp,
    Log,
    Abs,
    Sqrt,
    Softplus,
    /// <summary>a ** c for a constant c.</summary>
    PowConstant,
    /// <summary>a for a &gt; 0, else slope·a, for a constant slope.</summary>
    LeakyRelu,
    /// <summary>a limited to constant bounds [lo, hi].</summary>
    Clamp,
    /// <summary>Σ wᵢ·xᵢ + b: a whole neuron in one node.</summary>
    Dot,
    /// <summary>Σ xᵢ: a whole loss sum in one node.</summary>
    Sum,
    /// <summary>(Σ xᵢ)/n: a whole mean in one node.</summary>
    Mean,
    /// <summary>ln Σ e^xᵢ, shifted by the largest xᵢ on every evaluation so that it never overflows.</summary>
    LogSumExp,
}
