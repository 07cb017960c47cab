namespace AutogradForDummies.Playground.Backprop;

/// <summary>
/// Adapter: the local derivatives d(node)/d(parent) for each entry of <see cref="Scalar.Parents"/>, at the current
/// values, with the conventions of the library's backward rules (relu'(0) = 0, |x|'(0) = 0, the 0 of a zero exponent).
/// </summary>
/// <remarks>
/// The library is gaining <c>Scalar.LocalDerivatives()</c> for exactly this. Once it is there, the callers call it
/// instead and this file is deleted; nothing else depends on it.
/// </remarks>
internal static class LocalDerivatives
{
    /// <summary>Returns d(node)/d(parent) for each parent of <paramref name="node"/>, in the order of its parents.</summary>
    /// <param name="node">Any Scalar; a leaf has none.</param>
    /// <returns>One number per parent.</returns>
    public static double[] Of(Scalar node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var p = node.Parents;
        double y = node.Data;
        string op = node.Op;
        switch (op)
        {
            case "":
                return [];
            case "+":
                return [1, 1];
            case "-":
                return [1, -1];
            case "*":
                return [p[1].Data, p[0].Data];
            case "/":
                return [1 / p[1].Data, -y / p[1].Data];
            case "neg":
                return [-1];
            case "**":
                {
                    double a = p[0].Data, b = p[1].Data;
                    return [b == 0 ? 0 : b * Math.Pow(a, b - 1), a == 0 && b >= 0 ? 0 : y * Math.Log(a)];
                }

            case "ReLU":
                return [y > 0 ? 1 : 0];
            case "tanh":
                return [1 - (y * y)];
            case "sigmoid":
                return [y * (1 - y)];
            case "exp":
                return [y];
            case "log":
                return [1 / p[0].Data];
            case "abs":
                {
                    double a = p[0].Data;
                    return [a > 0 ? 1 : a < 0 ? -1 : a == 0 ? 0 : double.NaN];
                }

            case "sqrt":
                return [0.5 / y];
            case "softplus":
                return [Sigmoid(p[0].Data)];
            case "sum":
                return Enumerable.Repeat(1.0, p.Count).ToArray();
            case "logsumexp":
                return p.Select(t => Math.Exp(t.Data - y)).ToArray();
            case "dot":
                {
                    // Parents are w₀…wₙ₋₁, x₀…xₙ₋₁ and then the bias if there is one: ∂/∂wᵢ = xᵢ, ∂/∂xᵢ = wᵢ, ∂/∂b = 1.
                    int n = p.Count / 2;
                    var d = new double[p.Count];
                    for (int i = 0; i < n; i++)
                    {
                        d[i] = p[n + i].Data;
                        d[n + i] = p[i].Data;
                    }

                    if (p.Count % 2 == 1)
                    {
                        d[^1] = 1;
                    }

                    return d;
                }

            default:
                if (op.StartsWith("**", StringComparison.Ordinal))
                {
                    double c = ExponentOf(node);
                    return [c == 0 ? 0 : c * Math.Pow(p[0].Data, c - 1)];
                }

                throw new NotSupportedException($"No local derivative is known for the operation '{op}'.");
        }
    }

    /// <summary>The constant exponent of an <c>a ** c</c> node, read from its <see cref="Scalar.Op"/> (<c>**3</c>).</summary>
    public static double ExponentOf(Scalar node) =>
        double.Parse(node.Op.AsSpan(2), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    private static double Sigmoid(double a) => a >= 0 ? 1 / (1 + Math.Exp(-a)) : Math.Exp(a) / (1 + Math.Exp(a));
}
