namespace AutogradForDummies.Playground.Expressions;

/// <summary>A function of the expression language and the library operation it stands for.</summary>
/// <param name="Name">The name, as written.</param>
/// <param name="MinArguments">The fewest arguments it takes.</param>
/// <param name="MaxArguments">The most arguments it takes.</param>
/// <param name="Usage">How it is written, for messages and the help text.</param>
/// <param name="Apply">Builds the operation's node from the arguments' nodes.</param>
internal sealed record ExpressionFunction(
    string Name, int MinArguments, int MaxArguments, string Usage, Func<IReadOnlyList<Scalar>, Scalar> Apply)
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
        new ExpressionFunction("pow", 2, 2, "pow(x, y)", a => a[0].Pow(a[1])),
        new ExpressionFunction("sum", 1, int.MaxValue, "sum(x, y, ...)", Scalar.Sum),
        new ExpressionFunction("logsumexp", 1, int.MaxValue, "logsumexp(x, y, ...)", Scalar.LogSumExp),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    private static ExpressionFunction Unary(string name, Func<Scalar, Scalar> apply) =>
        new(name, 1, 1, $"{name}(x) or x.{name}()", a => apply(a[0]));
}
