namespace AutogradForDummies;

/// <content>
/// The operations, each in its instance form (<c>a.Tanh()</c>) and its static form (<c>Scalar.Tanh(a)</c>). Each
/// computes its value with its rule's <c>Forward</c> and records its operands and code; the rule's <c>Backward</c>
/// (in <see cref="Rules"/>) is applied to the node later, by <see cref="Backward"/> or by a <see cref="CompiledGraph"/>.
/// </content>
public sealed partial class Scalar
{
    // A Leaky ReLU's usual slope, shared by every node that uses it (constants are never changed).
    private static readonly double[] s_defaultLeakySlope = [0.01];

    /// <summary>Gets the constants of a Leaky ReLU with the usual slope, 0.01.</summary>
    internal static ReadOnlySpan<double> DefaultLeakySlope => s_defaultLeakySlope;

    /// <summary>Adds two Scalars: <c>a + b</c>.</summary>
    /// <param name="other">The right operand.</param>
    /// <returns>A new Scalar for the sum.</returns>
    public Scalar Add(Scalar other) => Binary<Rules.Add>(this, NotNull(other, nameof(other)));

    /// <summary>Subtracts: <c>a − b</c>.</summary>
    /// <param name="other">The right operand.</param>
    /// <returns>A new Scalar for the difference.</returns>
    public Scalar Subtract(Scalar other) => Binary<Rules.Subtract>(this, NotNull(other, nameof(other)));

    /// <summary>Multiplies: <c>a · b</c>.</summary>
    /// <param name="other">The right operand.</param>
    /// <returns>A new Scalar for the product.</returns>
    public Scalar Multiply(Scalar other) => Binary<Rules.Multiply>(this, NotNull(other, nameof(other)));

    /// <summary>Divides: <c>a / b</c>. Division by zero follows IEEE (±∞ or NaN).</summary>
    /// <param name="other">The divisor.</param>
    /// <returns>A new Scalar for the quotient.</returns>
    public Scalar Divide(Scalar other) => Binary<Rules.Divide>(this, NotNull(other, nameof(other)));

    /// <summary>Negates: <c>−a</c>.</summary>
    /// <returns>A new Scalar for the negation.</returns>
    public Scalar Negate() => Unary<Rules.Negate>(this);

    /// <summary>Raises to a constant power: <c>a ** exponent</c>. A negative base to a fractional power is NaN.</summary>
    /// <param name="exponent">The constant exponent.</param>
    /// <returns>A new Scalar for the power; its <see cref="Op"/> reads like <c>**3</c>.</returns>
    public Scalar Pow(double exponent) => WithConstants<Rules.PowConstant>(this, [exponent]);

    /// <summary>The static form of <see cref="Pow(double)"/>: <c>x ** exponent</c>.</summary>
    /// <param name="x">The base.</param>
    /// <param name="exponent">The constant exponent.</param>
    /// <returns>A new Scalar for the power.</returns>
    public static Scalar Pow(Scalar x, double exponent) => NotNull(x, nameof(x)).Pow(exponent);

    /// <summary>Raises to a power that is itself a Scalar: <c>a ** b</c>; both receive gradients.</summary>
    /// <param name="exponent">The exponent.</param>
    /// <returns>A new Scalar for the power.</returns>
    /// <remarks>d(a^b)/db = a^b·ln(a), which is NaN for a negative base. At a = 0 with b ≥ 0 it is taken as 0, by
    /// convention (as in PyTorch): there the formula gives 0·(−∞), and 0^b jumps at b = 0.</remarks>
    public Scalar Pow(Scalar exponent) => Binary<Rules.Pow>(this, NotNull(exponent, nameof(exponent)));

    /// <summary>The static form of <see cref="Pow(Scalar)"/>: <c>x ** exponent</c>, both variables.</summary>
    /// <param name="x">The base.</param>
    /// <param name="exponent">The exponent.</param>
    /// <returns>A new Scalar for the power.</returns>
    public static Scalar Pow(Scalar x, Scalar exponent) => NotNull(x, nameof(x)).Pow(exponent);

    /// <summary>Rectified linear unit: <c>max(0, a)</c>. Its gradient at 0 is taken as 0; relu(NaN) is NaN.</summary>
    /// <returns>A new Scalar for relu(a).</returns>
    public Scalar Relu() => Unary<Rules.Relu>(this);

    /// <summary>The static form of <see cref="Relu()"/>.</summary>
    /// <param name="x">The operand.</param>
    /// <returns>A new Scalar for relu(x).</returns>
    public static Scalar Relu(Scalar x) => NotNull(x, nameof(x)).Relu();

    /// <summary>Leaky rectified linear unit: <c>a</c> for a &gt; 0, else <c>slope·a</c>, so that a unit that is off
    /// still passes a little gradient. Its gradient at 0 is taken as the slope.</summary>
    /// <param name="slope">The slope for a ≤ 0; finite (0.01 by default, as in PyTorch).</param>
    /// <returns>A new Scalar for the leaky ReLU.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slope"/> is NaN or infinite.</exception>
    public Scalar LeakyRelu(double slope = 0.01)
    {
        if (!double.IsFinite(slope))
        {
            throw new ArgumentOutOfRangeException(nameof(slope), slope, "The slope must be finite.");
        }

        return WithConstants<Rules.LeakyRelu>(this, slope == 0.01 ? s_defaultLeakySlope : [slope]);
    }

    /// <summary>The static form of <see cref="LeakyRelu(double)"/>.</summary>
    /// <param name="x">The operand.</param>
    /// <param name="slope">The slope for x ≤ 0; finite.</param>
    /// <returns>A new Scalar for the leaky ReLU.</returns>
    public static Scalar LeakyRelu(Scalar x, double slope = 0.01) => NotNull(x, nameof(x)).LeakyRelu(slope);

    /// <summary>Hyperbolic tangent. Finite, with a finite gradient, for every finite input.</summary>
    /// <returns>A new Scalar for tanh(a).</returns>
    public Scalar Tanh() => Unary<Rules.Tanh>(this);

    /// <summary>The static form of <see cref="Tanh()"/>.</summary>
    /// <param name="x">The operand.</param>
    /// <returns>A new Scalar for tanh(x).</returns>
    public static Scalar Tanh(Scalar x) => NotNull(x, nameof(x)).Tanh();

    /// <summary>Logistic sigmoid <c>1 / (1 + e^−a)</c>, evaluated without overflow.</summary>
    /// <returns>A new Scalar for σ(a).</returns>
    public Scalar Sigmoid() => Unary<Rules.Sigmoid>(this);

    /// <summary>The static form of <see cref="Sigmoid()"/>.</summary>
    /// <param name="x">The operand.</param>
    /// <returns>A new Scalar for σ(x).</returns>
    public static Scalar Sigmoid(Scalar x) => NotNull(x, nameof(x)).Sigmoid();

    /// <summary>Exponential <c>e^a</c>; overflows to +∞ above about 709.</summary>
    /// <returns>A new Scalar for e^a.</returns>
    public Scalar Exp() => Unary<Rules.Exp>(this);

    /// <summary>The static form of <see cref="Exp()"/>.</summary>
    /// <param name="x">The operand.</param>
    /// <returns>A new Scalar for e^x.</returns>
    public static Scalar Exp(Scalar x) => NotNull(x, nameof(x)).Exp();

    /// <summary>Natural logarithm. <c>Log(0)</c> is −∞ and the log of a negative number is NaN.</summary>
    /// <returns>A new Scalar for ln(a).</returns>
    public Scalar Log() => Unary<Rules.Log>(this);

    /// <summary>The static form of <see cref="Log()"/>.</summary>
    /// <param name="x">The operand.</param>
    /// <returns>A new Scalar for ln(x).</returns>
    public static Scalar Log(Scalar x) => NotNull(x, nameof(x)).Log();

    /// <summary>Absolute value. Its gradient at 0 is taken as 0.</summary>
    /// <returns>A new Scalar for |a|.</returns>
    public Scalar Abs() => Unary<Rules.Abs>(this);

    /// <summary>The static form of <see cref="Abs()"/>.</summary>
    /// <param name="x">The operand.</param>
    /// <returns>A new Scalar for |x|.</returns>
    public static Scalar Abs(Scalar x) => NotNull(x, nameof(x)).Abs();

    /// <summary>Square root. The root of a negative number is NaN; the gradient at 0 is +∞.</summary>
    /// <returns>A new Scalar for √a.</returns>
    public Scalar Sqrt() => Unary<Rules.Sqrt>(this);

    /// <summary>The static form of <see cref="Sqrt()"/>.</summary>
    /// <param name="x">The operand.</param>
    /// <returns>A new Scalar for √x.</returns>
    public static Scalar Sqrt(Scalar x) => NotNull(x, nameof(x)).Sqrt();

    /// <summary>Softplus <c>ln(1 + e^a)</c>, a smooth ReLU, evaluated without overflow and accurately for very
    /// negative a (whose slope is the sigmoid, <see cref="Sigmoid()"/>).</summary>
    /// <returns>A new Scalar for softplus(a).</returns>
    public Scalar Softplus() => Unary<Rules.Softplus>(this);

    /// <summary>The static form of <see cref="Softplus()"/>.</summary>
    /// <param name="x">The operand.</param>
    /// <returns>A new Scalar for softplus(x).</returns>
    public static Scalar Softplus(Scalar x) => NotNull(x, nameof(x)).Softplus();

    /// <summary>Limits the value to [<paramref name="min"/>, <paramref name="max"/>]. The gradient is 1 inside the
    /// bounds (the bounds included, as in PyTorch) and 0 outside.</summary>
    /// <param name="min">The lower bound; not NaN.</param>
    /// <param name="max">The upper bound; not NaN, and at least <paramref name="min"/>.</param>
    /// <returns>A new Scalar for the clamped value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN.</exception>
    /// <exception cref="ArgumentException"><paramref name="min"/> is greater than <paramref name="max"/>.</exception>
    public Scalar Clamp(double min, double max)
    {
        if (double.IsNaN(min))
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, "The lower bound must not be NaN.");
        }

        if (double.IsNaN(max))
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "The upper bound must not be NaN.");
        }

        if (min > max)
        {
            throw new ArgumentException($"The lower bound {min} is greater than the upper bound {max}.", nameof(min));
        }

        return WithConstants<Rules.Clamp>(this, [min, max]);
    }

    /// <summary>The static form of <see cref="Clamp(double, double)"/>.</summary>
    /// <param name="x">The operand.</param>
    /// <param name="min">The lower bound; not NaN.</param>
    /// <param name="max">The upper bound; not NaN, and at least <paramref name="min"/>.</param>
    /// <returns>A new Scalar for the clamped value.</returns>
    public static Scalar Clamp(Scalar x, double min, double max) => NotNull(x, nameof(x)).Clamp(min, max);

    /// <summary>The larger of two Scalars, <c>max(a, b)</c>, as a node: the gradient goes to the larger operand
    /// (half to each on a tie). NaN if either is NaN.</summary>
    /// <param name="a">One operand.</param>
    /// <param name="b">The other operand.</param>
    /// <returns>A new Scalar for the maximum.</returns>
    public static Scalar Max(Scalar a, Scalar b) => Binary<Rules.Max>(NotNull(a, nameof(a)), NotNull(b, nameof(b)));

    /// <summary>The smaller of two Scalars, <c>min(a, b)</c>, as a node: the gradient goes to the smaller operand
    /// (half to each on a tie). NaN if either is NaN.</summary>
    /// <param name="a">One operand.</param>
    /// <param name="b">The other operand.</param>
    /// <returns>A new Scalar for the minimum.</returns>
    public static Scalar Min(Scalar a, Scalar b) => Binary<Rules.Min>(NotNull(a, nameof(a)), NotNull(b, nameof(b)));

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
        var x = CopyOperands(terms, nameof(terms), extra: null);
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
    /// <remarks>The terms are summed in a fixed order (16 running sums, see the guide's page on performance), the
    /// same on every machine and in a <see cref="CompiledGraph"/>.</remarks>
    public static Scalar Dot(IReadOnlyList<Scalar> weights, IReadOnlyList<Scalar> inputs, Scalar? bias = null)
    {
        var x = CopyOperands(inputs, nameof(inputs), extra: null);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != x.Length)
        {
            throw new ArgumentException(
                $"Dot needs as many inputs as weights, but got {x.Length} inputs for {weights.Count} weights.", nameof(inputs));
        }

        return DotCore(CopyOperands(weights, nameof(weights), extra: bias), x);
    }

    /// <summary>The sum of many Scalars, <c>Σ xᵢ</c>, as one node (0 for an empty list), added from the first term.</summary>
    /// <param name="terms">The terms.</param>
    /// <returns>A new Scalar for the sum.</returns>
    /// <exception cref="ArgumentNullException">The list, or an element of it, is null.</exception>
    public static Scalar Sum(IReadOnlyList<Scalar> terms) => SumCore(CopyOperands(terms, nameof(terms), extra: null));

    /// <summary>The mean of many Scalars, <c>(Σ xᵢ)/n</c>, as one node. Where the sum of finite terms overflows, the
    /// mean is computed as Σ (xᵢ/n), so it stays finite whenever the mean itself is.</summary>
    /// <param name="terms">The terms; at least one.</param>
    /// <returns>A new Scalar for the mean.</returns>
    /// <exception cref="ArgumentNullException">The list, or an element of it, is null.</exception>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public static Scalar Mean(IReadOnlyList<Scalar> terms)
    {
        var x = CopyOperands(terms, nameof(terms), extra: null);
        if (x.Length == 0)
        {
            throw new ArgumentException("Mean needs at least one term.", nameof(terms));
        }

        return MeanCore(x);
    }

    /// <summary>Dot without copying or checking: <paramref name="weightsAndBias"/> holds the weights and then, if it
    /// is one longer than <paramref name="inputs"/>, the bias. The arrays are the caller's and never change.
    /// <paramref name="weightsAreLeaves"/> says the caller knows the weights are all leaves (a neuron's parameters),
    /// which saves looking at each of them again.</summary>
    internal static Scalar DotCore(Scalar[] weightsAndBias, Scalar[] inputs, bool weightsAreLeaves = false)
    {
        int n = inputs.Length;
        double bias = weightsAndBias.Length > n ? weightsAndBias[n]._data : 0;
        double value = Rules.Dot(new DataOf(weightsAndBias), new DataOf(inputs), bias);
        var flags = (weightsAreLeaves || AllLeaves(weightsAndBias) ? InputFlags.FirstListAllLeaves : InputFlags.None)
            | (AllLeaves(inputs) ? InputFlags.SecondListAllLeaves : InputFlags.None);
        return new(value, OpCode.Dot, NodeShape.Dot, weightsAndBias, inputs, flags);
    }

    /// <summary>Sum without copying or checking: the array is the caller's and never changes.</summary>
    internal static Scalar SumCore(Scalar[] terms) =>
        new(Rules.Sum(new DataOf(terms)), OpCode.Sum, NodeShape.Terms, terms, null, AllLeaves(terms) ? InputFlags.FirstListAllLeaves : InputFlags.None);

    /// <summary>Mean without copying or checking: the array is the caller's, never changes and is not empty.</summary>
    internal static Scalar MeanCore(Scalar[] terms) =>
        new(Rules.Mean(new DataOf(terms)), OpCode.Mean, NodeShape.Terms, terms, null, AllLeaves(terms) ? InputFlags.FirstListAllLeaves : InputFlags.None);

    /// <summary>LogSumExp without copying or checking: the array is the caller's, never changes and is not empty.</summary>
    internal static Scalar LogSumExpCore(Scalar[] terms) =>
        new(Rules.LogSumExp(new DataOf(terms)), OpCode.LogSumExp, NodeShape.Terms, terms, null, AllLeaves(terms) ? InputFlags.FirstListAllLeaves : InputFlags.None);

    /// <summary>A node of a one-operand operation.</summary>
    private static Scalar Unary<TRule>(Scalar a)
        where TRule : IUnaryRule => new(TRule.Forward(a._data), TRule.Code, NodeShape.OneOperand, a, null);

    /// <summary>A node of a two-operand operation.</summary>
    private static Scalar Binary<TRule>(Scalar a, Scalar b)
        where TRule : IBinaryRule => new(TRule.Forward(a._data, b._data), TRule.Code, NodeShape.TwoOperands, a, b);

    /// <summary>A node of an operation with one operand and constants.</summary>
    private static Scalar WithConstants<TRule>(Scalar a, double[] constants)
        where TRule : IConstantRule => new(TRule.Forward(a._data, constants), TRule.Code, NodeShape.OneOperand, a, constants);

    private static bool AllLeaves(Scalar[] nodes)
    {
        foreach (var node in nodes)
        {
            if (node._code != OpCode.Leaf)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Copies a caller's list into an array the graph owns, refusing null elements; <paramref name="extra"/>,
    /// if not null, is appended (a dot product's bias after its weights).</summary>
    private static Scalar[] CopyOperands(IReadOnlyList<Scalar> list, string paramName, Scalar? extra)
    {
        ArgumentNullException.ThrowIfNull(list, paramName);
        var copy = new Scalar[list.Count + (extra is null ? 0 : 1)];
        for (int i = 0; i < list.Count; i++)
        {
            copy[i] = list[i] ?? throw new ArgumentNullException(paramName, $"Element {i} of {paramName} is null.");
        }

        if (extra is not null)
        {
            copy[^1] = extra;
        }

        return copy;
    }
}
