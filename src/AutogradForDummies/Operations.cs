using System.Runtime.CompilerServices;

namespace AutogradForDummies;

/// <summary>The rule of an operation with one operand, <c>y = f(a)</c>.</summary>
internal interface IUnaryRule
{
    /// <summary>Gets the operation's code, stored in every node it makes.</summary>
    static abstract OpCode Code { get; }

    /// <summary>Gets the operation's name, as <see cref="Scalar.Op"/> shows it.</summary>
    static abstract string Name { get; }

    /// <summary>Computes the value <c>y = f(a)</c>.</summary>
    static abstract double Forward(double a);

    /// <summary>The chain rule: adds (dy/da)·<paramref name="dy"/> to <paramref name="da"/>, the gradient of the
    /// operand. <paramref name="y"/> is the value <see cref="Forward"/> gave for <paramref name="a"/>.</summary>
    static abstract void Backward(double a, double y, double dy, ref double da);
}

/// <summary>The rule of an operation with two operands, <c>y = f(a, b)</c>.</summary>
internal interface IBinaryRule
{
    /// <summary>Gets the operation's code, stored in every node it makes.</summary>
    static abstract OpCode Code { get; }

    /// <summary>Gets the operation's name, as <see cref="Scalar.Op"/> shows it.</summary>
    static abstract string Name { get; }

    /// <summary>Gets whether the order of the operands matters (a − b is not b − a), so that a drawing says which
    /// operand is which.</summary>
    static abstract bool IsOrdered { get; }

    /// <summary>Computes the value <c>y = f(a, b)</c>.</summary>
    static abstract double Forward(double a, double b);

    /// <summary>The chain rule: adds (∂y/∂a)·<paramref name="dy"/> to <paramref name="da"/> and (∂y/∂b)·<paramref name="dy"/>
    /// to <paramref name="db"/>. When a node uses one Scalar twice (<c>x * x</c>) the two refer to the same gradient,
    /// and both additions land in it.</summary>
    static abstract void Backward(double a, double b, double y, double dy, ref double da, ref double db);
}

/// <summary>The rule of an operation with one operand and constants fixed when the node is made,
/// <c>y = f(a; k)</c>, such as a power with a constant exponent.</summary>
internal interface IConstantRule
{
    /// <summary>Gets the operation's code, stored in every node it makes.</summary>
    static abstract OpCode Code { get; }

    /// <summary>The operation's name with its constants, as <see cref="Scalar.Op"/> shows it.</summary>
    static abstract string Name(ReadOnlySpan<double> k);

    /// <summary>Computes the value <c>y = f(a; k)</c>.</summary>
    static abstract double Forward(double a, ReadOnlySpan<double> k);

    /// <summary>The chain rule: adds (dy/da)·<paramref name="dy"/> to <paramref name="da"/>.</summary>
    static abstract void Backward(double a, ReadOnlySpan<double> k, double y, double dy, ref double da);
}

/// <summary>
/// Code that does something for every kind of operation: take the backward step of a node, evaluate a compiled
/// instruction, name a node, and so on. <see cref="Operations.Visit"/> calls the method for a node's operation with
/// the operation's rule as the type argument, so a visitor is written once for all unary operations, once for all
/// binary ones, once for those with constants and once for each fused one.
/// </summary>
/// <typeparam name="TResult">What the visitor computes.</typeparam>
internal interface IOperationVisitor<out TResult>
{
    TResult Leaf();

    TResult Unary<TRule>()
        where TRule : IUnaryRule;

    TResult Binary<TRule>()
        where TRule : IBinaryRule;

    TResult WithConstants<TRule>()
        where TRule : IConstantRule;

    TResult Dot();

    TResult Sum();

    TResult Mean();

    TResult LogSumExp();
}

/// <summary>Maps every <see cref="OpCode"/> to its rule in <see cref="Rules"/>.</summary>
internal static class Operations
{
    /// <summary>Calls the method of <paramref name="visitor"/> that fits <paramref name="code"/>, with the operation's
    /// rule. The switch has no default arm: the compiler refuses an operation that has no rule here (CS8509). It is
    /// inlined into its callers' loops, so that running a compiled graph costs one jump per instruction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TResult Visit<TVisitor, TResult>(OpCode code, TVisitor visitor)
        where TVisitor : struct, IOperationVisitor<TResult>, allows ref struct => code switch
        {
            OpCode.Leaf => visitor.Leaf(),
            OpCode.Add => visitor.Binary<Rules.Add>(),
            OpCode.Subtract => visitor.Binary<Rules.Subtract>(),
            OpCode.Multiply => visitor.Binary<Rules.Multiply>(),
            OpCode.Divide => visitor.Binary<Rules.Divide>(),
            OpCode.Pow => visitor.Binary<Rules.Pow>(),
            OpCode.Max => visitor.Binary<Rules.Max>(),
            OpCode.Min => visitor.Binary<Rules.Min>(),
            OpCode.Negate => visitor.Unary<Rules.Negate>(),
            OpCode.Relu => visitor.Unary<Rules.Relu>(),
            OpCode.Tanh => visitor.Unary<Rules.Tanh>(),
            OpCode.Sigmoid => visitor.Unary<Rules.Sigmoid>(),
            OpCode.Exp => visitor.Unary<Rules.Exp>(),
            OpCode.Log => visitor.Unary<Rules.Log>(),
            OpCode.Abs => visitor.Unary<Rules.Abs>(),
            OpCode.Sqrt => visitor.Unary<Rules.Sqrt>(),
            OpCode.Softplus => visitor.Unary<Rules.Softplus>(),
            OpCode.PowConstant => visitor.WithConstants<Rules.PowConstant>(),
            OpCode.LeakyRelu => visitor.WithConstants<Rules.LeakyRelu>(),
            OpCode.Clamp => visitor.WithConstants<Rules.Clamp>(),
            OpCode.Dot => visitor.Dot(),
            OpCode.Sum => visitor.Sum(),
            OpCode.Mean => visitor.Mean(),
            OpCode.LogSumExp => visitor.LogSumExp(),
        };
}
