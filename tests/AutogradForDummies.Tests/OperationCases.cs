namespace AutogradForDummies.Tests;

/// <summary>
/// One row per way of building an operation: the single list the operation tests, the random expressions, the
/// compiled-path tests and the documentation check all draw from. A new operation needs a row here (a test fails
/// until every <see cref="OpCode"/> has one).
/// </summary>
/// <param name="Name">How the row reads in test names, such as <c>a + b</c> or <c>a.Add(b)</c>.</param>
/// <param name="Code">The operation the row builds.</param>
/// <param name="Op">What <see cref="Scalar.Op"/> says for the node it builds.</param>
/// <param name="DocsOp">The text in the Op column of the table on the guide's page of local derivatives.</param>
/// <param name="Build">Builds the node from one leaf per operand.</param>
/// <param name="Value">The value, written from the definition with plain doubles (the reference).</param>
/// <param name="Points">Points to check it at: away from kinks and domain edges, negative operands where defined.</param>
/// <param name="Smooth">Whether operands are far enough from kinks and domain edges for a difference quotient to mean
/// something (random expressions only use such operands); null means everywhere.</param>
/// <param name="Branch">Which side of a kink the operands are on (a difference quotient that changes it is
/// meaningless); null for an operation without kinks.</param>
internal sealed record OperationCase(
    string Name,
    OpCode Code,
    string Op,
    string DocsOp,
    Func<Scalar[], Scalar> Build,
    Func<double[], double> Value,
    double[][] Points,
    Func<double[], bool>? Smooth = null,
    Func<double[], int>? Branch = null)
{
    private const double Margin = 0.25; // distance kept from kinks and domain edges

    private static readonly double[][] s_pairs = [[-1.5, 2.0], [0.7, -3.2], [-2.5, -0.4], [3.0, 1.25]];
    private static readonly double[][] s_anywhere = [[-2.5], [-0.3], [0.7], [3.0]];
    private static readonly double[][] s_positive = [[0.1], [0.5], [2.0], [9.0]];
    private static readonly double[][] s_awayFromZero = [[-2.0], [-0.5], [0.5], [2.0]];

    /// <summary>Gets the number of operands (leaves) <see cref="Build"/> takes.</summary>
    public int Operands => Points[0].Length;

    /// <summary>Gets every row.</summary>
    public static IReadOnlyList<OperationCase> All { get; } =
    [
        new("a + b", OpCode.Add, "+", "+", s => s[0] + s[1], v => v[0] + v[1], s_pairs),
        new("a.Add(b)", OpCode.Add, "+", "+", s => s[0].Add(s[1]), v => v[0] + v[1], s_pairs),
        new("a - b", OpCode.Subtract, "-", "-", s => s[0] - s[1], v => v[0] - v[1], s_pairs),
        new("a.Subtract(b)", OpCode.Subtract, "-", "-", s => s[0].Subtract(s[1]), v => v[0] - v[1], s_pairs),
        new("a * b", OpCode.Multiply, "*", "*", s => s[0] * s[1], v => v[0] * v[1], s_pairs),
        new("a.Multiply(b)", OpCode.Multiply, "*", "*", s => s[0].Multiply(s[1]), v => v[0] * v[1], s_pairs),
        new("a / b", OpCode.Divide, "/", "/", s => s[0] / s[1], v => v[0] / v[1], s_pairs, v => Math.Abs(v[1]) >= Margin),
        new("a.Divide(b)", OpCode.Divide, "/", "/", s => s[0].Divide(s[1]), v => v[0] / v[1], s_pairs, v => Math.Abs(v[1]) >= Margin),
        new("a ** b", OpCode.Pow, "**", "**", s => s[0].Pow(s[1]), v => Math.Exp(v[1] * Math.Log(v[0])),
            [[0.5, 2.0], [2.0, -1.5], [3.0, 0.5], [1.7, -0.3]], v => v[0] >= Margin && Math.Abs(v[1]) <= 3),
        new("Scalar.Pow(a, b)", OpCode.Pow, "**", "**", s => Scalar.Pow(s[0], s[1]), v => Math.Exp(v[1] * Math.Log(v[0])),
            [[0.5, 2.0], [2.0, -1.5]], v => v[0] >= Margin && Math.Abs(v[1]) <= 3),
        new("Scalar.Max(a, b)", OpCode.Max, "max", "max", s => Scalar.Max(s[0], s[1]), v => v[0] > v[1] ? v[0] : v[1],
            s_pairs, v => Math.Abs(v[0] - v[1]) >= Margin, v => Math.Sign(v[0] - v[1])),
        new("Scalar.Min(a, b)", OpCode.Min, "min", "min", s => Scalar.Min(s[0], s[1]), v => v[0] < v[1] ? v[0] : v[1],
            s_pairs, v => Math.Abs(v[0] - v[1]) >= Margin, v => Math.Sign(v[0] - v[1])),
        new("-a", OpCode.Negate, "neg", "neg", s => -s[0], v => -v[0], s_anywhere),
        new("a.Negate()", OpCode.Negate, "neg", "neg", s => s[0].Negate(), v => -v[0], s_anywhere),
        new("a.Relu()", OpCode.Relu, "ReLU", "ReLU", s => s[0].Relu(), v => v[0] > 0 ? v[0] : 0,
            s_awayFromZero, v => Math.Abs(v[0]) >= Margin, v => Math.Sign(v[0])),
        new("Scalar.Relu(a)", OpCode.Relu, "ReLU", "ReLU", s => Scalar.Relu(s[0]), v => v[0] > 0 ? v[0] : 0,
            s_awayFromZero, v => Math.Abs(v[0]) >= Margin, v => Math.Sign(v[0])),
        new("a.Tanh()", OpCode.Tanh, "tanh", "tanh", s => s[0].Tanh(), v => (Math.Exp(2 * v[0]) - 1) / (Math.Exp(2 * v[0]) + 1),
            [.. s_anywhere, [-12.0], [8.0]]),
        new("Scalar.Tanh(a)", OpCode.Tanh, "tanh", "tanh", s => Scalar.Tanh(s[0]), v => (Math.Exp(2 * v[0]) - 1) / (Math.Exp(2 * v[0]) + 1),
            s_anywhere),
        new("a.Sigmoid()", OpCode.Sigmoid, "sigmoid", "sigmoid", s => s[0].Sigmoid(), v => 1 / (1 + Math.Exp(-v[0])),
            [.. s_anywhere, [-12.0], [8.0]]),
        new("Scalar.Sigmoid(a)", OpCode.Sigmoid, "sigmoid", "sigmoid", s => Scalar.Sigmoid(s[0]), v => 1 / (1 + Math.Exp(-v[0])), s_anywhere),
        new("a.Exp()", OpCode.Exp, "exp", "exp", s => s[0].Exp(), v => Math.Pow(Math.E, v[0]), s_anywhere, v => v[0] <= 4),
        new("Scalar.Exp(a)", OpCode.Exp, "exp", "exp", s => Scalar.Exp(s[0]), v => Math.Pow(Math.E, v[0]), s_anywhere, v => v[0] <= 4),
        new("a.Log()", OpCode.Log, "log", "log", s => s[0].Log(), v => Math.Log(v[0]), s_positive, v => v[0] >= Margin),
        new("Scalar.Log(a)", OpCode.Log, "log", "log", s => Scalar.Log(s[0]), v => Math.Log(v[0]), s_positive, v => v[0] >= Margin),
        new("a.Abs()", OpCode.Abs, "abs", "abs", s => s[0].Abs(), v => v[0] < 0 ? -v[0] : v[0],
            s_awayFromZero, v => Math.Abs(v[0]) >= Margin, v => Math.Sign(v[0])),
        new("Scalar.Abs(a)", OpCode.Abs, "abs", "abs", s => Scalar.Abs(s[0]), v => v[0] < 0 ? -v[0] : v[0],
            s_awayFromZero, v => Math.Abs(v[0]) >= Margin, v => Math.Sign(v[0])),
        new("a.Sqrt()", OpCode.Sqrt, "sqrt", "sqrt", s => s[0].Sqrt(), v => Math.Pow(v[0], 0.5), s_positive, v => v[0] >= Margin),
        new("Scalar.Sqrt(a)", OpCode.Sqrt, "sqrt", "sqrt", s => Scalar.Sqrt(s[0]), v => Math.Pow(v[0], 0.5), s_positive, v => v[0] >= Margin),
        new("a.Softplus()", OpCode.Softplus, "softplus", "softplus", s => s[0].Softplus(), v => Math.Log(1 + Math.Exp(v[0])),
            [[-30.0], [-2.5], [0.0], [0.7], [35.0]], v => v[0] <= 30),
        new("Scalar.Softplus(a)", OpCode.Softplus, "softplus", "softplus", s => Scalar.Softplus(s[0]), v => Math.Log(1 + Math.Exp(v[0])),
            [[-2.5], [0.7]], v => v[0] <= 30),
        new("a ** 2", OpCode.PowConstant, "**2", "**c", s => s[0].Pow(2), v => v[0] * v[0], s_anywhere),
        new("a ** 3", OpCode.PowConstant, "**3", "**c", s => s[0].Pow(3), v => v[0] * v[0] * v[0], s_anywhere),
        new("Scalar.Pow(a, 3)", OpCode.PowConstant, "**3", "**c", s => Scalar.Pow(s[0], 3.0), v => v[0] * v[0] * v[0], s_anywhere),
        new("a ** -1", OpCode.PowConstant, "**-1", "**c", s => s[0].Pow(-1), v => 1 / v[0], s_awayFromZero, v => Math.Abs(v[0]) >= Margin),
        new("a ** -2", OpCode.PowConstant, "**-2", "**c", s => s[0].Pow(-2), v => 1 / (v[0] * v[0]), s_awayFromZero, v => Math.Abs(v[0]) >= Margin),
        new("a ** 0.5", OpCode.PowConstant, "**0.5", "**c", s => s[0].Pow(0.5), v => Math.Sqrt(v[0]), s_positive, v => v[0] >= Margin),
        new("a ** 1.5", OpCode.PowConstant, "**1.5", "**c", s => s[0].Pow(1.5), v => v[0] * Math.Sqrt(v[0]), s_positive, v => v[0] >= Margin),
        new("a ** 0", OpCode.PowConstant, "**0", "**c", s => s[0].Pow(0), v => 1, s_anywhere),
        new("a.LeakyRelu()", OpCode.LeakyRelu, "LeakyReLU 0.01", "LeakyReLU s", s => s[0].LeakyRelu(), v => v[0] > 0 ? v[0] : 0.01 * v[0],
            s_awayFromZero, v => Math.Abs(v[0]) >= Margin, v => Math.Sign(v[0])),
        new("Scalar.LeakyRelu(a, 0.2)", OpCode.LeakyRelu, "LeakyReLU 0.2", "LeakyReLU s", s => Scalar.LeakyRelu(s[0], 0.2),
            v => v[0] > 0 ? v[0] : 0.2 * v[0], s_awayFromZero, v => Math.Abs(v[0]) >= Margin, v => Math.Sign(v[0])),
        new("a.Clamp(-1, 2)", OpCode.Clamp, "clamp -1..2", "clamp lo..hi", s => s[0].Clamp(-1, 2), v => Math.Min(Math.Max(v[0], -1), 2),
            [[-2.5], [-0.5], [0.7], [3.0]], v => Math.Abs(v[0] + 1) >= Margin && Math.Abs(v[0] - 2) >= Margin,
            v => v[0] < -1 ? -1 : v[0] > 2 ? 1 : 0),
        new("Scalar.Clamp(a, 0, 1)", OpCode.Clamp, "clamp 0..1", "clamp lo..hi", s => Scalar.Clamp(s[0], 0, 1), v => Math.Min(Math.Max(v[0], 0), 1),
            [[-0.5], [0.5], [1.5]], v => Math.Abs(v[0]) >= Margin && Math.Abs(v[0] - 1) >= Margin,
            v => v[0] < 0 ? -1 : v[0] > 1 ? 1 : 0),
        new("dot(w, x)", OpCode.Dot, "dot", "dot", s => Scalar.Dot(s[..3], s[3..6]), v => (v[0] * v[3]) + (v[1] * v[4]) + (v[2] * v[5]),
            [[0.5, -1.0, 2.0, 3.0, -0.25, 1.5], [-2.0, 0.0, 1.0, -1.0, 4.0, 0.5]]),
        new("dot(w, x) + b", OpCode.Dot, "dot", "dot", s => Scalar.Dot(s[..3], s[3..6], s[6]),
            v => (v[0] * v[3]) + (v[1] * v[4]) + (v[2] * v[5]) + v[6],
            [[0.5, -1.0, 2.0, 3.0, -0.25, 1.5, -0.7], [-2.0, 0.0, 1.0, -1.0, 4.0, 0.5, 2.0]]),
        new("dot([w], [x]) + b", OpCode.Dot, "dot", "dot", s => Scalar.Dot([s[0]], [s[1]], s[2]), v => (v[0] * v[1]) + v[2], [[-1.5, 2.0, 0.25]]),
        new("dot of 20 terms", OpCode.Dot, "dot", "dot", s => Scalar.Dot(s[..20], s[20..]), v => DotOf(v, 20),
            [[.. Enumerable.Range(0, 40).Select(i => Math.Sin(i + 1))]]),
        new("sum(a, b, c, d)", OpCode.Sum, "sum", "sum", s => Scalar.Sum(s), v => v[0] + v[1] + v[2] + v[3], [[1.0, -2.0, 0.5, -0.25]]),
        new("sum(a)", OpCode.Sum, "sum", "sum", s => Scalar.Sum(s), v => v[0], [[-3.0]]),
        new("mean(a, b, c)", OpCode.Mean, "mean", "mean", s => Scalar.Mean(s), v => (v[0] + v[1] + v[2]) / 3, [[1.0, -2.0, 0.5], [-0.25, 4.0, 3.5]]),
        new("mean(a)", OpCode.Mean, "mean", "mean", s => Scalar.Mean(s), v => v[0], [[-3.0]]),
        new("logsumexp(a, b, c)", OpCode.LogSumExp, "logsumexp", "logsumexp", s => Scalar.LogSumExp(s),
            v => Math.Log(Math.Exp(v[0]) + Math.Exp(v[1]) + Math.Exp(v[2])), [[1.0, -2.0, 0.5], [-30.0, -31.0, -29.5], [40.0, 41.0, 39.0]],
            v => v.All(x => x <= 30)),
        new("logsumexp(a)", OpCode.LogSumExp, "logsumexp", "logsumexp", s => Scalar.LogSumExp(s), v => v[0], [[-3.0]]),

        // The same node in several slots of one operation.
        new("a * a", OpCode.Multiply, "*", "*", s => s[0] * s[0], v => v[0] * v[0], s_anywhere),
        new("a / a", OpCode.Divide, "/", "/", s => s[0] / s[0], v => 1, s_awayFromZero, v => Math.Abs(v[0]) >= Margin),
        new("a ** a", OpCode.Pow, "**", "**", s => s[0].Pow(s[0]), v => Math.Pow(v[0], v[0]), s_positive, v => v[0] >= Margin),
        new("Scalar.Max(a, a)", OpCode.Max, "max", "max", s => Scalar.Max(s[0], s[0]), v => v[0], s_anywhere),
        new("dot([a, b], [a, b]) + a", OpCode.Dot, "dot", "dot", s => Scalar.Dot([s[0], s[1]], [s[0], s[1]], s[0]),
            v => (v[0] * v[0]) + (v[1] * v[1]) + v[0], [[-1.5, 0.75], [2.0, -3.0]]),
        new("dot([a, b], [b, a])", OpCode.Dot, "dot", "dot", s => Scalar.Dot([s[0], s[1]], [s[1], s[0]]), v => 2 * v[0] * v[1],
            [[-1.5, 0.75], [2.0, -3.0]]),
        new("sum(a, a, b)", OpCode.Sum, "sum", "sum", s => Scalar.Sum([s[0], s[0], s[1]]), v => v[0] + v[0] + v[1], [[-1.5, 0.75], [2.0, -3.0]]),
        new("mean(a, b, a)", OpCode.Mean, "mean", "mean", s => Scalar.Mean([s[0], s[1], s[0]]), v => (v[0] + v[1] + v[0]) / 3,
            [[-1.5, 0.75], [2.0, -3.0]]),
        new("logsumexp(a, a, b)", OpCode.LogSumExp, "logsumexp", "logsumexp", s => Scalar.LogSumExp([s[0], s[0], s[1]]),
            v => Math.Log((2 * Math.Exp(v[0])) + Math.Exp(v[1])), [[-1.5, 0.75], [2.0, -3.0]]),
    ];

    /// <summary>Gets whether <paramref name="operands"/> are fit for a difference quotient.</summary>
    public bool IsSmoothAt(double[] operands) => Smooth?.Invoke(operands) ?? true;

    /// <summary>Gets the side of the kinks <paramref name="operands"/> are on (0 for an operation without kinks).</summary>
    public int BranchAt(double[] operands) => Branch?.Invoke(operands) ?? 0;

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static double DotOf(double[] v, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += v[i] * v[n + i];
        }

        return sum;
    }
}
