using System.Globalization;
using System.Runtime.Intrinsics;

namespace AutogradForDummies;

/// <summary>
/// The math of every operation, written once: its name, its forward value and its backward rule.
/// </summary>
/// <remarks>
/// <para>
/// Each backward rule is the chain rule for one node: the output's gradient <c>dy</c> (how much the final result
/// changes per unit of <c>y</c>) times the local derivative (how much <c>y</c> changes per unit of an operand) is
/// <b>added</b> into that operand's gradient. Adding, not assigning, is what makes a reused node right: in
/// <c>x - x</c> both operands are the same gradient, which receives +1 and −1.
/// </para>
/// <para>
/// <see cref="Scalar"/> applies these rules to the fields of its nodes and <see cref="CompiledGraph"/> to its flat
/// arrays, so the two paths compute the same numbers, bit for bit. <see cref="Operations.Visit"/> says which rule
/// belongs to which <see cref="OpCode"/>. The fused operations (dot product, sum, mean, log-sum-exp) are in
/// <c>Rules.Fused.cs</c>.
/// </para>
/// </remarks>
internal static partial class Rules
{
    /// <summary>y = a + b</summary>
    internal readonly struct Add : IBinaryRule
    {
        public static OpCode Code => OpCode.Add;

        public static string Name => "+";

        public static bool IsOrdered => false;

        public static double Forward(double a, double b) => a + b;

        public static void Backward(double a, double b, double y, double dy, ref double da, ref double db)
        {
            da += dy; // d(a+b)/da = 1
            db += dy; // d(a+b)/db = 1
        }
    }

    /// <summary>y = a − b</summary>
    internal readonly struct Subtract : IBinaryRule
    {
        public static OpCode Code => OpCode.Subtract;

        public static string Name => "-";

        public static bool IsOrdered => true;

        public static double Forward(double a, double b) => a - b;

        public static void Backward(double a, double b, double y, double dy, ref double da, ref double db)
        {
            da += dy; // d(a-b)/da = 1
            db -= dy; // d(a-b)/db = -1
        }
    }

    /// <summary>y = a · b</summary>
    internal readonly struct Multiply : IBinaryRule
    {
        public static OpCode Code => OpCode.Multiply;

        public static string Name => "*";

        public static bool IsOrdered => false;

        public static double Forward(double a, double b) => a * b;

        public static void Backward(double a, double b, double y, double dy, ref double da, ref double db)
        {
            da += b * dy; // d(a*b)/da = b
            db += a * dy; // d(a*b)/db = a
        }
    }

    /// <summary>y = a / b</summary>
    internal readonly struct Divide : IBinaryRule
    {
        public static OpCode Code => OpCode.Divide;

        public static string Name => "/";

        public static bool IsOrdered => true;

        public static double Forward(double a, double b) => a / b;

        public static void Backward(double a, double b, double y, double dy, ref double da, ref double db)
        {
            da += dy / b;      // d(a/b)/da = 1/b
            db += -y / b * dy; // d(a/b)/db = -a/b² = -y/b
        }
    }

    /// <summary>y = a ** b, both variables</summary>
    internal readonly struct Pow : IBinaryRule
    {
        public static OpCode Code => OpCode.Pow;

        public static string Name => "**";

        public static bool IsOrdered => true;

        public static double Forward(double a, double b) => Math.Pow(a, b);

        public static void Backward(double a, double b, double y, double dy, ref double da, ref double db)
        {
            da += PowerSlope(a, b) * dy; // d(a^b)/da = b·a^(b−1), taken as 0 when b = 0 (y = 1 is flat in a)
            db += ExponentSlope(a, b, y) * dy; // d(a^b)/db = a^b·ln a, taken as 0 at a = 0, b ≥ 0 (as PyTorch)
        }
    }

    /// <summary>y = max(a, b)</summary>
    internal readonly struct Max : IBinaryRule
    {
        public static OpCode Code => OpCode.Max;

        public static string Name => "max";

        public static bool IsOrdered => false;

        public static double Forward(double a, double b) => Math.Max(a, b); // NaN if either is NaN

        public static void Backward(double a, double b, double y, double dy, ref double da, ref double db)
        {
            // d max(a,b)/da = 1 where a > b, 0 where a < b; on a tie each operand gets half; NaN gives NaN.
            (double wa, double wb) = a > b ? (1.0, 0.0) : a < b ? (0.0, 1.0) : a == b ? (0.5, 0.5) : (double.NaN, double.NaN);
            da += wa * dy;
            db += wb * dy;
        }
    }

    /// <summary>y = min(a, b)</summary>
    internal readonly struct Min : IBinaryRule
    {
        public static OpCode Code => OpCode.Min;

        public static string Name => "min";

        public static bool IsOrdered => false;

        public static double Forward(double a, double b) => Math.Min(a, b); // NaN if either is NaN

        public static void Backward(double a, double b, double y, double dy, ref double da, ref double db)
        {
            // d min(a,b)/da = 1 where a < b, 0 where a > b; on a tie each operand gets half; NaN gives NaN.
            (double wa, double wb) = a < b ? (1.0, 0.0) : a > b ? (0.0, 1.0) : a == b ? (0.5, 0.5) : (double.NaN, double.NaN);
            da += wa * dy;
            db += wb * dy;
        }
    }

    /// <summary>y = −a</summary>
    internal readonly struct Negate : IUnaryRule
    {
        public static OpCode Code => OpCode.Negate;

        public static string Name => "neg";

        public static double Forward(double a) => -a;

        public static void Backward(double a, double y, double dy, ref double da)
        {
            da -= dy; // d(-a)/da = -1
        }
    }

    /// <summary>y = relu(a) = max(0, a)</summary>
    internal readonly struct Relu : IUnaryRule
    {
        public static OpCode Code => OpCode.Relu;

        public static string Name => "ReLU";

        public static double Forward(double a) => a <= 0 ? 0 : a; // NaN stays NaN

        public static void Backward(double a, double y, double dy, ref double da)
        {
            if (y > 0)
            {
                da += dy; // d relu(a)/da = 1 where a > 0, else 0 (also at 0, and for NaN)
            }
        }

        /// <summary><see cref="Forward"/> without a branch, where the processor has vector units: the same bits. A layer's
        /// neurons change sign from one example to the next, so a branch on the sign is mispredicted half the time.</summary>
        public static double ForwardWithoutBranch(double a) =>
            Vector256.IsHardwareAccelerated ? Forward4(Vector256.CreateScalarUnsafe(a)).ToScalar() : Forward(a);

        /// <summary><see cref="Forward"/> on four values at once, lane by lane.</summary>
        public static Vector256<double> Forward4(Vector256<double> a) =>
            Vector256.ConditionalSelect(Vector256.LessThanOrEqual(a, Vector256<double>.Zero), Vector256<double>.Zero, a);

        /// <summary><see cref="Backward"/> on four values at once, lane by lane, for the lanes of <paramref name="use"/>
        /// (all bits set) only: returns what <paramref name="da"/> becomes.</summary>
        public static Vector256<double> Backward4(Vector256<double> y, Vector256<double> dy, Vector256<double> da, Vector256<double> use) =>
            Vector256.ConditionalSelect(use & Vector256.GreaterThan(y, Vector256<double>.Zero), da + dy, da); // as Backward: 1 where a > 0
    }

    /// <summary>y = tanh(a)</summary>
    internal readonly struct Tanh : IUnaryRule
    {
        public static OpCode Code => OpCode.Tanh;

        public static string Name => "tanh";

        public static double Forward(double a) => Math.Tanh(a);

        public static void Backward(double a, double y, double dy, ref double da)
        {
            // d tanh(a)/da = 1 − tanh²(a), computed as 4t/(1 + t)² with t = e^(−2|a|), which is the same number but
            // keeps its precision where tanh(a) rounds to ±1 (1 − tanh² would give 0 from |a| ≈ 19 on).
            double t = Math.Exp(-2 * Math.Abs(a));
            da += 4 * t / ((1 + t) * (1 + t)) * dy;
        }
    }

    /// <summary>y = σ(a) = 1 / (1 + e^−a), evaluated so that e^x never overflows</summary>
    internal readonly struct Sigmoid : IUnaryRule
    {
        public static OpCode Code => OpCode.Sigmoid;

        public static string Name => "sigmoid";

        public static double Forward(double a) => Logistic(a);

        public static void Backward(double a, double y, double dy, ref double da)
        {
            // dσ(a)/da = σ(a)·(1 − σ(a)) = σ(a)·σ(−a); the second form keeps its precision where σ(a) rounds to 1.
            da += Logistic(a) * Logistic(-a) * dy;
        }
    }

    /// <summary>y = e^a</summary>
    internal readonly struct Exp : IUnaryRule
    {
        public static OpCode Code => OpCode.Exp;

        public static string Name => "exp";

        public static double Forward(double a) => Math.Exp(a);

        public static void Backward(double a, double y, double dy, ref double da)
        {
            da += y * dy; // d e^a/da = e^a
        }
    }

    /// <summary>y = ln(a)</summary>
    internal readonly struct Log : IUnaryRule
    {
        public static OpCode Code => OpCode.Log;

        public static string Name => "log";

        public static double Forward(double a) => Math.Log(a);

        public static void Backward(double a, double y, double dy, ref double da)
        {
            // ln is defined for a ≥ 0 only, so −0 is the number 0, where 1/a tends to +∞; adding +0.0 turns −0 into
            // +0 (and changes no other number), so that 1/a is +∞ there and not −∞.
            da += dy / (a + 0.0); // d ln(a)/da = 1/a
        }
    }

    /// <summary>y = |a|</summary>
    internal readonly struct Abs : IUnaryRule
    {
        public static OpCode Code => OpCode.Abs;

        public static string Name => "abs";

        public static double Forward(double a) => Math.Abs(a);

        public static void Backward(double a, double y, double dy, ref double da)
        {
            da += (a > 0 ? 1 : a < 0 ? -1 : a == 0 ? 0 : double.NaN) * dy; // d|a|/da = sign(a), taken as 0 at a = 0 (as PyTorch)
        }
    }

    /// <summary>y = √a</summary>
    internal readonly struct Sqrt : IUnaryRule
    {
        public static OpCode Code => OpCode.Sqrt;

        public static string Name => "sqrt";

        public static double Forward(double a) => Math.Sqrt(a);

        public static void Backward(double a, double y, double dy, ref double da)
        {
            // √(−0) is −0, but −0 is the number 0, where 1/(2√a) tends to +∞; adding +0.0 turns −0 into +0.
            da += 0.5 / (y + 0.0) * dy; // d√a/da = 1/(2√a)
        }
    }

    /// <summary>y = softplus(a) = ln(1 + e^a), a smooth ReLU</summary>
    internal readonly struct Softplus : IUnaryRule
    {
        public static OpCode Code => OpCode.Softplus;

        public static string Name => "softplus";

        // Written as max(a, 0) + ln(1 + e^−|a|), so that e^x never overflows, with ln(1 + x) evaluated accurately for
        // tiny x: softplus(−40) is e^−40 ≈ 4.2e−18, not 0.
        public static double Forward(double a) => a > 0 ? a + LogOnePlus(Math.Exp(-a)) : LogOnePlus(Math.Exp(a));

        public static void Backward(double a, double y, double dy, ref double da)
        {
            da += Logistic(a) * dy; // d ln(1 + e^a)/da = e^a / (1 + e^a) = σ(a)
        }
    }

    /// <summary>y = a ** c, for a constant c (k[0])</summary>
    internal readonly struct PowConstant : IConstantRule
    {
        public static OpCode Code => OpCode.PowConstant;

        public static string Name(ReadOnlySpan<double> k) => "**" + k[0].ToString(CultureInfo.InvariantCulture);

        public static double Forward(double a, ReadOnlySpan<double> k) => Math.Pow(a, k[0]);

        public static void Backward(double a, ReadOnlySpan<double> k, double y, double dy, ref double da)
        {
            da += PowerSlope(a, k[0]) * dy; // d(a^c)/da = c·a^(c−1); for c = 0, y = 1 is flat: 0, even at a = 0
        }
    }

    /// <summary>y = a for a &gt; 0, else slope·a, for a constant slope (k[0])</summary>
    internal readonly struct LeakyRelu : IConstantRule
    {
        public static OpCode Code => OpCode.LeakyRelu;

        public static string Name(ReadOnlySpan<double> k) => "LeakyReLU " + k[0].ToString(CultureInfo.InvariantCulture);

        // NaN stays NaN. A slope of 0 makes this a ReLU, which is 0 for every a ≤ 0, −∞ included (0·(−∞) would be NaN).
        public static double Forward(double a, ReadOnlySpan<double> k) =>
            a > 0 || double.IsNaN(a) ? a : k[0] == 0 ? 0 : k[0] * a;

        public static void Backward(double a, ReadOnlySpan<double> k, double y, double dy, ref double da)
        {
            da += (a > 0 ? 1 : k[0]) * dy; // d leaky(a)/da = 1 where a > 0, else the slope (also at 0)
        }
    }

    /// <summary>y = a limited to [lo, hi] (k[0], k[1])</summary>
    internal readonly struct Clamp : IConstantRule
    {
        public static OpCode Code => OpCode.Clamp;

        public static string Name(ReadOnlySpan<double> k) =>
            string.Create(CultureInfo.InvariantCulture, $"clamp {k[0]}..{k[1]}");

        public static double Forward(double a, ReadOnlySpan<double> k) => a < k[0] ? k[0] : a > k[1] ? k[1] : a; // NaN stays NaN

        public static void Backward(double a, ReadOnlySpan<double> k, double y, double dy, ref double da)
        {
            // d clamp(a)/da = 1 for lo ≤ a ≤ hi (as PyTorch, the bounds included), 0 outside; NaN gives NaN.
            da += (a >= k[0] && a <= k[1] ? 1 : double.IsNaN(a) ? double.NaN : 0) * dy;
        }
    }

    /// <summary>
    /// b·a^(b−1), the slope of a^b in a: 0 for b = 0 (a^0 = 1 is flat, even at a = 0, where the formula gives 0·∞), and
    /// 0 where a^(b−1) is 0, which for an infinite b is the limit (a^b falls to 0 faster than b grows; the formula gives
    /// ∞·0).
    /// </summary>
    internal static double PowerSlope(double a, double b)
    {
        if (b == 0)
        {
            return 0;
        }

        double power = Math.Pow(a, b - 1);
        return power == 0 ? 0 : b * power;
    }

    /// <summary>
    /// a^b·ln a, the slope of a^b in b (<paramref name="y"/> is a^b), with the answers the formula cannot give:
    /// at a = 0 (−0 included), 0 for b ≥ 0 (the limit for b &gt; 0; a convention at b = 0, as PyTorch) and −∞ for
    /// b &lt; 0 (the limit of a^b·ln a as a falls to 0); where a^b is 0 for a positive a (a = +∞ with b &lt; 0), 0, the
    /// limit (a^b falls faster than ln a grows; the formula gives 0·∞).
    /// </summary>
    internal static double ExponentSlope(double a, double b, double y)
    {
        if (a == 0)
        {
            return b >= 0 ? 0 : b < 0 ? double.NegativeInfinity : double.NaN;
        }

        return y == 0 && a > 0 ? 0 : y * Math.Log(a);
    }

    /// <summary>σ(a) = 1 / (1 + e^−a) for any a: e^x is only ever taken of a number ≤ 0, so it never overflows.</summary>
    internal static double Logistic(double a)
    {
        if (a >= 0)
        {
            return 1 / (1 + Math.Exp(-a));
        }

        double e = Math.Exp(a);
        return e / (1 + e);
    }

    /// <summary>ln(1 + x), accurate also for tiny x, where 1 + x rounds to 1 and ln(1 + x) would be 0.</summary>
    internal static double LogOnePlus(double x)
    {
        double u = 1 + x;
        if (u == 1 || double.IsPositiveInfinity(x))
        {
            return x; // ln(1 + x) = x − x²/2 + …, and x² is below the precision of x
        }

        // ln(u) is exact for the rounded u = 1 + x + error; the factor x / (u − 1) corrects for the error.
        return Math.Log(u) * (x / (u - 1));
    }
}
