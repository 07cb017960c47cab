namespace AutogradForDummies;

/// <content>
/// The operations. Each one computes its forward value, then records a static backward closure that
/// adds its local derivative times the output's gradient into each parent (the formulas live in
/// <see cref="Rules"/>, shared with <see cref="CompiledGraph"/>).
/// </content>
public sealed partial class Scalar
{
    /// <summary>Adds two Scalars: <c>a + b</c>.</summary>
    /// <param name="other">The right operand.</param>
    /// <returns>A new Scalar for the sum.</returns>
    public Scalar Add(Scalar other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Rules.Add(Data, other.Data), OpCode.Add, this, other, null, null, static o =>
            Rules.AddBackward(o._grad, ref o.A._grad, ref o.B._grad)); // d(a+b)/da = 1, d(a+b)/db = 1
    }

    /// <summary>Subtracts: <c>a − b</c>.</summary>
    /// <param name="other">The right operand.</param>
    /// <returns>A new Scalar for the difference.</returns>
    public Scalar Subtract(Scalar other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Rules.Subtract(Data, other.Data), OpCode.Subtract, this, other, null, null, static o =>
            Rules.SubtractBackward(o._grad, ref o.A._grad, ref o.B._grad)); // d(a-b)/da = 1, d(a-b)/db = -1
    }

    /// <summary>Multiplies: <c>a · b</c>.</summary>
    /// <param name="other">The right operand.</param>
    /// <returns>A new Scalar for the product.</returns>
    public Scalar Multiply(Scalar other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Rules.Multiply(Data, other.Data), OpCode.Multiply, this, other, null, null, static o =>
            Rules.MultiplyBackward(o.A.Data, o.B.Data, o._grad, ref o.A._grad, ref o.B._grad)); // d(a*b)/da = b, d(a*b)/db = a
    }

    /// <summary>Divides: <c>a / b</c>. Division by zero follows IEEE (±∞ or NaN).</summary>
    /// <param name="other">The divisor.</param>
    /// <returns>A new Scalar for the quotient.</returns>
    public Scalar Divide(Scalar other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Rules.Divide(Data, other.Data), OpCode.Divide, this, other, null, null, static o =>
            Rules.DivideBackward(o.B.Data, o.Data, o._grad, ref o.A._grad, ref o.B._grad)); // d(a/b)/da = 1/b, d(a/b)/db = -a/b²
    }

    /// <summary>Negates: <c>−a</c>.</summary>
    /// <returns>A new Scalar for the negation.</returns>
    public Scalar Negate() =>
        new(Rules.Negate(Data), OpCode.Negate, this, null, null, null, static o =>
            Rules.NegateBackward(o._grad, ref o.A._grad)); // d(-a)/da = -1

    /// <summary>Raises to a constant power: <c>a ** exponent</c>. A negative base to a fractional power is NaN.</summary>
    /// <param name="exponent">The constant exponent.</param>
    /// <returns>A new Scalar for the power; its <see cref="Op"/> reads like <c>**3</c>.</returns>
    public Scalar Pow(double exponent) =>
        new(Rules.PowConstant(Data, exponent), OpCode.PowConstant, this, new Scalar(exponent), null, null, static o =>
            Rules.PowConstantBackward(o.A.Data, o.B.Data, o._grad, ref o.A._grad)); // d(a^c)/da = c·a^(c−1)

    /// <summary>Raises to a power that is itself a Scalar: <c>a ** b</c>; both receive gradients.</summary>
    /// <param name="exponent">The exponent.</param>
    /// <returns>A new Scalar for the power.</returns>
    /// <remarks>d(a^b)/db = a^b·ln(a), which is NaN for a negative base and taken as 0 at a = 0 with b ≥ 0.</remarks>
    public Scalar Pow(Scalar exponent)
    {
        ArgumentNullException.ThrowIfNull(exponent);
        return new(Rules.Pow(Data, exponent.Data), OpCode.Pow, this, exponent, null, null, static o =>
            Rules.PowBackward(o.A.Data, o.B.Data, o.Data, o._grad, ref o.A._grad, ref o.B._grad)); // d(a^b)/da = b·a^(b−1), d(a^b)/db = a^b·ln a
    }

    /// <summary>Rectified linear unit: <c>max(0, a)</c>. Its gradient at 0 is taken as 0.</summary>
    /// <returns>A new Scalar for relu(a).</returns>
    public Scalar Relu() =>
        new(Rules.Relu(Data), OpCode.Relu, this, null, null, null, static o =>
            Rules.ReluBackward(o.Data, o._grad, ref o.A._grad)); // d relu(a)/da = 1 if a > 0 else 0

    /// <summary>Hyperbolic tangent. Finite, with a finite gradient, for every finite input.</summary>
    /// <returns>A new Scalar for tanh(a).</returns>
    public Scalar Tanh() =>
        new(Rules.Tanh(Data), OpCode.Tanh, this, null, null, null, static o =>
            Rules.TanhBackward(o.Data, o._grad, ref o.A._grad)); // d tanh(a)/da = 1 − tanh²(a)

    /// <summary>Logistic sigmoid <c>1 / (1 + e^−a)</c>, evaluated without overflow.</summary>
    /// <returns>A new Scalar for σ(a).</returns>
    public Scalar Sigmoid() =>
        new(Rules.Sigmoid(Data), OpCode.Sigmoid, this, null, null, null, static o =>
            Rules.SigmoidBackward(o.Data, o._grad, ref o.A._grad)); // dσ/da = σ(1 − σ)

    /// <summary>Exponential <c>e^a</c>; overflows to +∞ above about 709.</summary>
    /// <returns>A new Scalar for e^a.</returns>
    public Scalar Exp() =>
        new(Rules.Exp(Data), OpCode.Exp, this, null, null, null, static o =>
            Rules.ExpBackward(o.Data, o._grad, ref o.A._grad)); // d e^a/da = e^a

    /// <summary>Natural logarithm. <c>Log(0)</c> is −∞ and the log of a negative number is NaN.</summary>
    /// <returns>A new Scalar for ln(a).</returns>
    public Scalar Log() =>
        new(Rules.Log(Data), OpCode.Log, this, null, null, null, static o =>
            Rules.LogBackward(o.A.Data, o._grad, ref o.A._grad)); // d ln(a)/da = 1/a

    /// <summary>Absolute value. Its gradient at 0 is taken as 0.</summary>
    /// <returns>A new Scalar for |a|.</returns>
    public Scalar Abs() =>
        new(Rules.Abs(Data), OpCode.Abs, this, null, null, null, static o =>
            Rules.AbsBackward(o.A.Data, o._grad, ref o.A._grad)); // d|a|/da = sign(a)

    /// <summary>Square root. The root of a negative number is NaN; the gradient at 0 is +∞.</summary>
    /// <returns>A new Scalar for √a.</returns>
    public Scalar Sqrt() =>
        new(Rules.Sqrt(Data), OpCode.Sqrt, this, null, null, null, static o =>
            Rules.SqrtBackward(o.Data, o._grad, ref o.A._grad)); // d√a/da = 1/(2√a)

    /// <summary>Softplus <c>ln(1 + e^a)</c>, a smooth ReLU, evaluated without overflow; its derivative is σ(a).</summary>
    /// <returns>A new Scalar for softplus(a).</returns>
    public Scalar Softplus() =>
        new(Rules.Softplus(Data), OpCode.Softplus, this, null, null, null, static o =>
            Rules.SoftplusBackward(o.A.Data, o._grad, ref o.A._grad)); // d softplus(a)/da = σ(a)

    /// <summary>
    /// Log-sum-exp <c>ln Σ e^xᵢ</c> as one node, computed with the largest term subtracted first so that it never
    /// overflows (also when a compiled graph is re-evaluated with new values). Its gradient is the softmax.
    /// </summary>
    /// <param name="terms">The terms; at least one.</param>
    /// <returns>A new Scalar for the log-sum-exp.</returns>
    /// <exception cref="ArgumentNullException">The list, or an element of it, is null.</exception>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public static Scalar LogSumExp(IReadOnlyList<Scalar> terms)
    {
        var x = CopyOperands(terms, nameof(terms));
        if (x.Length == 0)
        {
            throw new ArgumentException("LogSumExp needs at least one term.", nameof(terms));
        }

        return LogSumExpCore(x);
    }

    /// <summary>
    /// The dot product plus bias, <c>Σ wᵢ·xᵢ + b</c>, as <b>one</b> node: a whole neuron's
    /// pre-activation without 2n intermediate nodes.
    /// </summary>
    /// <param name="weights">The weights wᵢ.</param>
    /// <param name="inputs">The inputs xᵢ; as many as <paramref name="weights"/>.</param>
    /// <param name="bias">The bias b, or null for none.</param>
    /// <returns>A new Scalar for the sum.</returns>
    /// <exception cref="ArgumentNullException">A list, or an element of one, is null.</exception>
    /// <exception cref="ArgumentException">The lists have different lengths.</exception>
    public static Scalar Dot(IReadOnlyList<Scalar> weights, IReadOnlyList<Scalar> inputs, Scalar? bias = null)
    {
        var w = CopyOperands(weights, nameof(weights));
        var x = CopyOperands(inputs, nameof(inputs));
        if (w.Length != x.Length)
        {
            throw new ArgumentException(
                $"Dot needs as many inputs as weights, but got {x.Length} inputs for {w.Length} weights.", nameof(inputs));
        }

        return DotCore(w, x, bias);
    }

    /// <summary>The sum of many Scalars, <c>Σ xᵢ</c>, as one node (0 for an empty list).</summary>
    /// <param name="terms">The terms.</param>
    /// <returns>A new Scalar for the sum.</returns>
    /// <exception cref="ArgumentNullException">The list, or an element of it, is null.</exception>
    public static Scalar Sum(IReadOnlyList<Scalar> terms) => SumCore(CopyOperands(terms, nameof(terms)));

    /// <summary>Dot without copying or checking: the arrays are owned by the caller and never change.</summary>
    internal static Scalar DotCore(Scalar[] weights, Scalar[] inputs, Scalar? bias)
    {
        double sum = Rules.Dot(new DataOf(weights), new DataOf(inputs), bias?.Data ?? 0);
        return new(sum, OpCode.Dot, bias, null, weights, inputs, static o =>
        {
            var w = o.Xs;
            var x = o.Ys;
            double dy = o._grad;
            for (int i = 0; i < w.Length; i++)
            {
                Rules.DotTermBackward(w[i].Data, x[i].Data, dy, ref w[i]._grad, ref x[i]._grad); // d/dwᵢ = xᵢ, d/dxᵢ = wᵢ
            }

            if (o.BiasOrNull is { } b)
            {
                Rules.BiasBackward(dy, ref b._grad); // d/db = 1
            }
        });
    }

    /// <summary>Sum without copying or checking: the array is owned by the caller and never changes.</summary>
    internal static Scalar SumCore(Scalar[] terms)
    {
        return new(Rules.Sum(new DataOf(terms)), OpCode.Sum, null, null, terms, null, static o =>
        {
            double dy = o._grad;
            foreach (var term in o.Xs)
            {
                Rules.SumTermBackward(dy, ref term._grad); // d(Σ xⱼ)/dxᵢ = 1
            }
        });
    }

    /// <summary>LogSumExp without copying or checking: the array is owned by the caller, never changes and is not empty.</summary>
    internal static Scalar LogSumExpCore(Scalar[] terms)
    {
        return new(Rules.LogSumExp(new DataOf(terms)), OpCode.LogSumExp, null, null, terms, null, static o =>
        {
            foreach (var term in o.Xs)
            {
                Rules.LogSumExpTermBackward(term.Data, o.Data, o._grad, ref term._grad); // ∂/∂xᵢ = softmaxᵢ
            }
        });
    }

    private static Scalar[] CopyOperands(IReadOnlyList<Scalar> list, string paramName)
    {
        ArgumentNullException.ThrowIfNull(list, paramName);
        var copy = new Scalar[list.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = list[i] ?? throw new ArgumentNullException(paramName, $"Element {i} of {paramName} is null.");
        }

        return copy;
    }

    /// <summary>Adds: <c>a + b</c>.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>A new Scalar for the sum.</returns>
    public static Scalar operator +(Scalar a, Scalar b) => NotNull(a, nameof(a)).Add(NotNull(b, nameof(b)));

    /// <summary>Subtracts: <c>a − b</c>.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>A new Scalar for the difference.</returns>
    public static Scalar operator -(Scalar a, Scalar b) => NotNull(a, nameof(a)).Subtract(NotNull(b, nameof(b)));

    /// <summary>Multiplies: <c>a · b</c>.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>A new Scalar for the product.</returns>
    public static Scalar operator *(Scalar a, Scalar b) => NotNull(a, nameof(a)).Multiply(NotNull(b, nameof(b)));

    /// <summary>Divides: <c>a / b</c>.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <returns>A new Scalar for the quotient.</returns>
    public static Scalar operator /(Scalar a, Scalar b) => NotNull(a, nameof(a)).Divide(NotNull(b, nameof(b)));

    /// <summary>Negates: <c>−a</c>.</summary>
    /// <param name="a">The operand.</param>
    /// <returns>A new Scalar for the negation.</returns>
    public static Scalar operator -(Scalar a) => NotNull(a, nameof(a)).Negate();

    private static Scalar NotNull(Scalar a, string paramName) =>
        a ?? throw new ArgumentNullException(paramName);
}
