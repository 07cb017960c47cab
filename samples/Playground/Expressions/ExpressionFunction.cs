namespace AutogradForDummies.Playground.Expressions;

/// <summary>A function of the expression language and the library operation it stands for.</summary>
/// <param name="Name">The name, as written.</param>
/// <param name="MinArguments">The fewest arguments it takes.</param>
/// <param name="MaxArguments">The most arguments it takes.</param>
/// <param name="ConstantsFrom">The position from which the arguments must be numbers (a slope, bounds), as the
/// library takes them as doubles; <see cref="int.MaxValue"/> when every argument may be an expression.</param>
/// <param name="Usage">How it is written, for messages and the help text.</param>
/// <param name="Apply">Builds the operation's node from the nodes of the arguments before
/// <paramref name="ConstantsFrom"/> and the numbers from there on.</param>
internal sealed record ExpressionFunction(
    string Name, int MinArguments, int MaxArguments, int ConstantsFrom, string Usage,
    Func<IReadOnlyList<Scalar>, IReadOnlyList<double>, Scalar> Apply)
{
    /// <summary>Gets the functions by name: every <see cref="Scalar"/> operation an expression can use.</summary>
    public static IReadOnlyDictionary<string, ExpressionFunction> All { get; } = new[]
    {
        Unary("relu", x => x.Relu()),
        Unary("tanh", x => x.Tanh()),
        Unary("sigmoid", x => x.Sigmoid()),
        Unary("exp", x => x.Exp()),
        Unary("log", x => x.Log()),
        Unary("abs", x => x.Abs()),
        Unary("sqrt", x => x.Sqrt()),
        Unary("softplus", x => x.Softplus()),
        new ExpressionFunction("leakyrelu", 1, 2, 1, "leakyrelu(x) or leakyrelu(x, 0.1) or x.leakyrelu(0.1)",
            (x, k) => k.Count == 0 ? x[0].LeakyRelu() : x[0].LeakyRelu(k[0])),
        new ExpressionFunction("clamp", 3, 3, 1, "clamp(x, -1, 1) or x.clamp(-1, 1)", (x, k) => x[0].Clamp(k[0], k[1])),
        new ExpressionFunction("max", 2, 2, int.MaxValue, "max(x, y)", (x, _) => Scalar.Max(x[0], x[1])),
        new ExpressionFunction("min", 2, 2, int.MaxValue, "min(x, y)", (x, _) => Scalar.Min(x[0], x[1])),
        new ExpressionFunction("pow", 2, 2, int.MaxValue, "pow(x, y)", (x, _) => x[0].Pow(x[1])),
        new ExpressionFunction("sum", 1, int.MaxValue, int.MaxValue, "sum(x, y, ...)", (x, _) => Scalar.Sum(x)),
        new ExpressionFunction("logsumexp", 1, int.MaxValue, int.MaxValue, "logsumexp(x, y, ...)", (x, _) => Scalar.LogSumExp(x)),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    private static ExpressionFunction Unary(string name, Func<Scalar, Scalar> apply) =>
        new(name, 1, 1, int.MaxValue, $"{name}(x) or x.{name}()", (x, _) => apply(x[0]));
}
