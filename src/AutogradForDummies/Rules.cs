namespace AutogradForDummies;

/// <summary>
/// The math of every operation, written once: its forward value and its backward rule.
/// </summary>
/// <remarks>
/// <para>
/// Each backward rule is the chain rule for one node: the output's gradient <c>dy</c>
/// (how much the final result changes per unit of <c>y</c>) times the local derivative
/// (how much <c>y</c> changes per unit of a parent) is <b>added</b> into that parent's gradient.
/// Adding, not assigning, is what makes a reused node right: in <c>x - x</c> both slots point
/// at the same gradient and receive +1 and −1.
/// </para>
/// <para>
/// <see cref="Scalar"/>'s backward closures call these rules on the nodes' fields, and
/// <see cref="CompiledGraph"/> calls them on its flat arrays, so the two paths compute
/// the same numbers.
/// </para>
/// </remarks>
internal static class Rules
{
    // ---- y = a + b
    public static double Add(double a, double b) => a + b;

    public static void AddBackward(double dy, ref double da, ref double db)
    {
        da += dy; // d(a+b)/da = 1
        db += dy; // d(a+b)/db = 1
    }

    // ---- y = a - b
    public static double Subtract(double a, double b) => a - b;

    public static void SubtractBackward(double dy, ref double da, ref double db)
    {
        da += dy; // d(a-b)/da = 1
        db -= dy; // d(a-b)/db = -1
    }

    // ---- y = a * b
    public static double Multiply(double a, double b) => a * b;

    public static void MultiplyBackward(double a, double b, double dy, ref double da, ref double db)
    {
        da += b * dy; // d(a*b)/da = b
        db += a * dy; // d(a*b)/db = a
    }

    // ---- y = a / b
    public static double Divide(double a, double b) => a / b;

    public static void DivideBackward(double b, double y, double dy, ref double da, ref double db)
    {
        da += dy / b;      // d(a/b)/da = 1/b
        db += -y / b * dy; // d(a/b)/db = -a/b² = -y/b
    }

    // ---- y = -a
    public static double Negate(double a) => -a;

    public static void NegateBackward(double dy, ref double da)
    {
        da -= dy; // d(-a)/da = -1
    }

    // ---- y = a ** b (both variables)
    public static double Pow(double a, double b) => Math.Pow(a, b);

    public static void PowBackward(double a, double b, double y, double dy, ref double da, ref double db)
    {
        da += (b == 0 ? 0 : b * Math.Pow(a, b - 1)) * dy; // d(a^b)/da = b·a^(b−1); 0 when b = 0, as for a constant exponent
        // d(a^b)/db = a^b·ln(a); at a = 0 with b ≥ 0 the limit is 0 (ln 0 = −∞ would give NaN).
        db += (a == 0 && b >= 0 ? 0 : y * Math.Log(a)) * dy;
    }

    // ---- y = a ** c (c a constant)
    public static double PowConstant(double a, double c) => Math.Pow(a, c);

    public static void PowConstantBackward(double a, double c, double dy, ref double da)
    {
        // d(a^c)/da = c·a^(c−1); for c = 0, y = 1 is flat and the slope is 0 even at a = 0.
        da += (c == 0 ? 0 : c * Math.Pow(a, c - 1)) * dy;
    }

    // ---- y = relu(a) = max(0, a)
    public static double Relu(double a) => a <= 0 ? 0 : a; // NaN stays NaN

    public static void ReluBackward(double y, double dy, ref double da)
    {
        if (y > 0)
        {
            da += dy; // d relu(a)/da = 1 where a > 0, else 0
        }
    }

    // ---- y = tanh(a)
    public static double Tanh(double a) => Math.Tanh(a);

    public static void TanhBackward(double y, double dy, ref double da)
    {
        da += (1 - (y * y)) * dy; // d tanh(a)/da = 1 − tanh(a)²
    }

    // ---- y = σ(a) = 1 / (1 + e^−a), evaluated so that e^x never overflows
    public static double Sigmoid(double a)
    {
        if (a >= 0)
        {
            return 1 / (1 + Math.Exp(-a));
        }

        double e = Math.Exp(a);
        return e / (1 + e);
    }

    public static void SigmoidBackward(double y, double dy, ref double da)
    {
        da += y * (1 - y) * dy; // dσ(a)/da = σ(a)·(1 − σ(a))
    }

    // ---- y = e^a
    public static double Exp(double a) => Math.Exp(a);

    public static void ExpBackward(double y, double dy, ref double da)
    {
        da += y * dy; // d e^a/da = e^a
    }

    // ---- y = ln(a)
    public static double Log(double a) => Math.Log(a);

    public static void LogBackward(double a, double dy, ref double da)
    {
        da += dy / a; // d ln(a)/da = 1/a
    }

    // ---- y = |a|
    public static double Abs(double a) => Math.Abs(a);

    public static void AbsBackward(double a, double dy, ref double da)
    {
        // d|a|/da = sign(a); at a = 0 we take 0, as PyTorch does. NaN stays NaN.
        double sign = a > 0 ? 1 : a < 0 ? -1 : a == 0 ? 0 : double.NaN;
        da += sign * dy;
    }

    // ---- y = √a
    public static double Sqrt(double a) => Math.Sqrt(a);

    public static void SqrtBackward(double y, double dy, ref double da)
    {
        da += 0.5 / y * dy; // d√a/da = 1/(2√a)
    }

    // ---- y = softplus(a) = ln(1 + e^a), written so that e^x never overflows: max(a, 0) + ln(1 + e^−|a|)
    public static double Softplus(double a) => a > 0 ? a + Math.Log(1 + Math.Exp(-a)) : Math.Log(1 + Math.Exp(a));

    public static void SoftplusBackward(double a, double dy, ref double da)
    {
        da += Sigmoid(a) * dy; // d ln(1 + e^a)/da = e^a / (1 + e^a) = σ(a)
    }

    // ---- y = Σ wᵢ·xᵢ + b
    // Four running sums rather than one: each addition into a single sum has to wait for the previous one, while
    // four independent sums keep the processor busy. Terms 0, 4, 8, … go to s0, terms 1, 5, 9, … to s1, and so on.
    public static double Dot<TW, TX>(scoped TW w, scoped TX x, double bias)
        where TW : IValueList, allows ref struct
        where TX : IValueList, allows ref struct
    {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int n = w.Count;
        int i = 0;
        for (; i <= n - 4; i += 4)
        {
            s0 += w[i] * x[i];
            s1 += w[i + 1] * x[i + 1];
            s2 += w[i + 2] * x[i + 2];
            s3 += w[i + 3] * x[i + 3];
        }

        for (; i < n; i++)
        {
            s0 += w[i] * x[i];
        }

        return bias + ((s0 + s1) + (s2 + s3));
    }

    public static void DotTermBackward(double w, double x, double dy, ref double dw, ref double dx)
    {
        dw += x * dy; // d(Σ wᵢxᵢ + b)/dwᵢ = xᵢ
        dx += w * dy; // d(Σ wᵢxᵢ + b)/dxᵢ = wᵢ
    }

    public static void BiasBackward(double dy, ref double db)
    {
        db += dy; // d(Σ wᵢxᵢ + b)/db = 1
    }

    // ---- y = Σ xᵢ, term by term from 0
    public static double Sum<T>(scoped T terms)
        where T : IValueList, allows ref struct
    {
        double sum = 0;
        for (int i = 0; i < terms.Count; i++)
        {
            sum += terms[i];
        }

        return sum;
    }

    public static void SumTermBackward(double dy, ref double dx)
    {
        dx += dy; // d(Σ xⱼ)/dxᵢ = 1
    }

    // ---- y = ln Σ e^xᵢ, in three passes: the largest term m, then Σ e^(xᵢ − m) ≤ n, then m + ln of that sum.
    // Shifting by m changes nothing mathematically and keeps every e^(xᵢ − m) in (0, 1].
    public static double LogSumExp<T>(scoped T terms)
        where T : IValueList, allows ref struct
    {
        double max = double.NegativeInfinity;
        for (int i = 0; i < terms.Count; i++)
        {
            max = Math.Max(max, terms[i]);
        }

        if (double.IsInfinity(max))
        {
            return max; // all terms −∞ (the sum is 0), or one is +∞ (so is the sum)
        }

        double sum = 0;
        for (int i = 0; i < terms.Count; i++)
        {
            sum += Math.Exp(terms[i] - max);
        }

        return max + Math.Log(sum);
    }

    public static void LogSumExpTermBackward(double x, double y, double dy, ref double dx)
    {
        dx += Math.Exp(x - y) * dy; // d(ln Σ e^xⱼ)/dxᵢ = e^xᵢ / Σ e^xⱼ = e^(xᵢ − y), the softmax
    }
}
