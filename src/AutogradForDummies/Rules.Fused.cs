using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AutogradForDummies;

/// <content>
/// The fused operations, each one node however many operands it has: the dot product (a whole neuron), the sum and
/// the mean (a whole loss), and log-sum-exp (a whole softmax denominator).
/// </content>
internal static partial class Rules
{
    /// <summary>The number of running sums of a dot product; see <see cref="Dot{TW, TX}"/>.</summary>
    internal const int DotLanes = 16;

    /// <summary>
    /// y = Σ wᵢ·xᵢ + b, for <c>x.Count</c> terms (<paramref name="w"/> may be longer: a neuron keeps its bias after its
    /// weights).
    /// </summary>
    /// <remarks>
    /// The order of the additions is fixed, so that every way of computing it gives the same bits: term i is added,
    /// with a single rounding (<see cref="Math.FusedMultiplyAdd"/>), to running sum number i mod 16; then the 16 sums
    /// are added in the fixed tree of <see cref="LaneTotal"/>, and the bias last. Sixteen independent sums keep the
    /// processor busy (a single sum makes every addition wait for the one before), and they are exactly what four
    /// 4-wide vector registers hold, or two 8-wide ones, so
    /// <see cref="Dot(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/> can use the vector units on consecutive
    /// numbers and still agree with this loop to the last bit, on any machine.
    /// Where that order overflows although every operand is finite (1e308 + 1e308 − 1e308), the same additions are
    /// made again 2^−k smaller (see <see cref="DotWithoutOverflow"/>), so the result is finite whenever the dot
    /// product is representable.
    /// </remarks>
    public static double Dot<TW, TX>(scoped TW w, scoped TX x, double bias)
        where TW : IValueList, allows ref struct
        where TX : IValueList, allows ref struct
    {
        return Finite(DotInOrder(w, x, bias), w, x, bias);
    }

    /// <summary>A dot product's result <paramref name="y"/> in the fixed order, or, where that is not finite, what
    /// <see cref="DotWithoutOverflow"/> makes of it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Finite<TW, TX>(double y, scoped TW w, scoped TX x, double bias)
        where TW : IValueList, allows ref struct
        where TX : IValueList, allows ref struct => double.IsFinite(y) ? y : DotWithoutOverflow(w, x, bias, y);

    /// <summary>The most terms of a dot product that <see cref="ShortDot{TW, TX}"/> computes.</summary>
    internal const int ShortDotTerms = 4;

    /// <summary>
    /// <see cref="DotInOrder{TW, TX}"/> for at most four terms (<paramref name="n"/> ≤ <see cref="ShortDotTerms"/>), such
    /// as a first layer's neurons on two-dimensional points: only the first four running sums receive a term; the others
    /// are 0, and adding a 0 changes a number only by turning −0 into +0, which "+ 0.0" does here. The same tree, without
    /// the additions of zeros.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ShortDot<TW, TX>(scoped TW w, scoped TX x, int n, double bias)
        where TW : IValueList, allows ref struct
        where TX : IValueList, allows ref struct
    {
        double t0 = n > 0 ? Math.FusedMultiplyAdd(w[0], x[0], 0) + 0.0 : 0;
        double t1 = n > 1 ? Math.FusedMultiplyAdd(w[1], x[1], 0) + 0.0 : 0;
        double t2 = n > 2 ? Math.FusedMultiplyAdd(w[2], x[2], 0) + 0.0 : 0;
        double t3 = n > 3 ? Math.FusedMultiplyAdd(w[3], x[3], 0) + 0.0 : 0;
        return bias + LaneTotal(t0, t1, t2, t3);
    }

    /// <summary><see cref="Dot(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/> for at most
    /// <see cref="ShortDotTerms"/> inputs, such as a first layer's neuron on a two-dimensional point, without the steps
    /// that choose a kernel: the same bits.</summary>
    /// <exception cref="ArgumentException">There are more than four inputs, or fewer weights than inputs.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ShortDot(ReadOnlySpan<double> w, ReadOnlySpan<double> x, double bias)
    {
        int n = x.Length;
        if (n > ShortDotTerms || w.Length < n)
        {
            throw n > ShortDotTerms
                ? new ArgumentException($"At most {ShortDotTerms} inputs, not {n}.", nameof(x))
                : new ArgumentException($"{w.Length} weights for {n} inputs.", nameof(w));
        }

        var ws = new ValuesIn(w);
        var xs = new ValuesIn(x);
        return Finite(ShortDot(ws, xs, n, bias), ws, xs, bias);
    }

    /// <summary>
    /// <see cref="ShortDot{TW, TX}"/> for four neurons at once on the same inputs <paramref name="x"/> (at most
    /// <see cref="ShortDotTerms"/>): <paramref name="w0"/> holds the first weight of each of the four neurons (lane l:
    /// neuron l), <paramref name="w1"/> the second, and so on, and <paramref name="bias"/> their biases; lane l of the
    /// result is what <see cref="ShortDot{TW, TX}"/> gives neuron l, the same operations in the same order, before
    /// <see cref="Finite"/>'s check for overflow.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> ShortDot4(
        Vector256<double> w0, Vector256<double> w1, Vector256<double> w2, Vector256<double> w3, ReadOnlySpan<double> x, Vector256<double> bias)
    {
        int n = x.Length;
        var zero = Vector256<double>.Zero;
        var t0 = n > 0 ? Vector256.FusedMultiplyAdd(w0, Vector256.Create(x[0]), zero) + zero : zero;
        var t1 = n > 1 ? Vector256.FusedMultiplyAdd(w1, Vector256.Create(x[1]), zero) + zero : zero;
        var t2 = n > 2 ? Vector256.FusedMultiplyAdd(w2, Vector256.Create(x[2]), zero) + zero : zero;
        var t3 = n > 3 ? Vector256.FusedMultiplyAdd(w3, Vector256.Create(x[3]), zero) + zero : zero;
        return bias + ((t0 + t1) + (t2 + t3)); // LaneTotal, lane by lane
    }

    /// <summary>Whether every lane of <paramref name="y"/> is finite (no overflow for <see cref="Finite"/> to redo).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool AllFinite(Vector256<double> y) =>
        Vector256.LessThanAll(Vector256.Abs(y), Vector256.Create(double.PositiveInfinity));

    /// <summary>The dot product in the fixed order of <see cref="Dot{TW, TX}"/>, in plain IEEE arithmetic.</summary>
    private static double DotInOrder<TW, TX>(scoped TW w, scoped TX x, double bias)
        where TW : IValueList, allows ref struct
        where TX : IValueList, allows ref struct
    {
        int n = x.Count;
        if (n <= ShortDotTerms)
        {
            return ShortDot(w, x, n, bias);
        }

        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        double s8 = 0, s9 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0;
        int i = 0;
        for (; i <= n - DotLanes; i += DotLanes)
        {
            s0 = Math.FusedMultiplyAdd(w[i], x[i], s0);
            s1 = Math.FusedMultiplyAdd(w[i + 1], x[i + 1], s1);
            s2 = Math.FusedMultiplyAdd(w[i + 2], x[i + 2], s2);
            s3 = Math.FusedMultiplyAdd(w[i + 3], x[i + 3], s3);
            s4 = Math.FusedMultiplyAdd(w[i + 4], x[i + 4], s4);
            s5 = Math.FusedMultiplyAdd(w[i + 5], x[i + 5], s5);
            s6 = Math.FusedMultiplyAdd(w[i + 6], x[i + 6], s6);
            s7 = Math.FusedMultiplyAdd(w[i + 7], x[i + 7], s7);
            s8 = Math.FusedMultiplyAdd(w[i + 8], x[i + 8], s8);
            s9 = Math.FusedMultiplyAdd(w[i + 9], x[i + 9], s9);
            s10 = Math.FusedMultiplyAdd(w[i + 10], x[i + 10], s10);
            s11 = Math.FusedMultiplyAdd(w[i + 11], x[i + 11], s11);
            s12 = Math.FusedMultiplyAdd(w[i + 12], x[i + 12], s12);
            s13 = Math.FusedMultiplyAdd(w[i + 13], x[i + 13], s13);
            s14 = Math.FusedMultiplyAdd(w[i + 14], x[i + 14], s14);
            s15 = Math.FusedMultiplyAdd(w[i + 15], x[i + 15], s15);
        }

        // The last n mod 16 terms go to the first running sums, as their positions say.
        int r = n - i;
        if (r > 0) { s0 = Math.FusedMultiplyAdd(w[i], x[i], s0); }
        if (r > 1) { s1 = Math.FusedMultiplyAdd(w[i + 1], x[i + 1], s1); }
        if (r > 2) { s2 = Math.FusedMultiplyAdd(w[i + 2], x[i + 2], s2); }
        if (r > 3) { s3 = Math.FusedMultiplyAdd(w[i + 3], x[i + 3], s3); }
        if (r > 4) { s4 = Math.FusedMultiplyAdd(w[i + 4], x[i + 4], s4); }
        if (r > 5) { s5 = Math.FusedMultiplyAdd(w[i + 5], x[i + 5], s5); }
        if (r > 6) { s6 = Math.FusedMultiplyAdd(w[i + 6], x[i + 6], s6); }
        if (r > 7) { s7 = Math.FusedMultiplyAdd(w[i + 7], x[i + 7], s7); }
        if (r > 8) { s8 = Math.FusedMultiplyAdd(w[i + 8], x[i + 8], s8); }
        if (r > 9) { s9 = Math.FusedMultiplyAdd(w[i + 9], x[i + 9], s9); }
        if (r > 10) { s10 = Math.FusedMultiplyAdd(w[i + 10], x[i + 10], s10); }
        if (r > 11) { s11 = Math.FusedMultiplyAdd(w[i + 11], x[i + 11], s11); }
        if (r > 12) { s12 = Math.FusedMultiplyAdd(w[i + 12], x[i + 12], s12); }
        if (r > 13) { s13 = Math.FusedMultiplyAdd(w[i + 13], x[i + 13], s13); }
        if (r > 14) { s14 = Math.FusedMultiplyAdd(w[i + 14], x[i + 14], s14); }

        return bias + LaneTotal(
            (s0 + s4) + (s8 + s12),
            (s1 + s5) + (s9 + s13),
            (s2 + s6) + (s10 + s14),
            (s3 + s7) + (s11 + s15));
    }

    /// <summary>
    /// <see cref="Dot{TW, TX}"/> on runs of consecutive numbers, with the processor's vector units where it has them:
    /// the same terms go to the same running sums in the same order, so the result is the same to the last bit.
    /// </summary>
    public static double Dot(ReadOnlySpan<double> w, ReadOnlySpan<double> x, double bias) => Dot(w, x, bias, VectorBits);

    /// <summary>
    /// <see cref="Dot(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/> with vectors of <paramref name="bits"/>
    /// bits (512, 256, 128, or 0 for none), whichever the processor has: every width gives the same bits, which the tests
    /// check on any machine (a width the processor lacks runs in software, slowly but with the same roundings).
    /// </summary>
    internal static double Dot(ReadOnlySpan<double> w, ReadOnlySpan<double> x, double bias, int bits)
    {
        int n = x.Length;
        if (w.Length < n)
        {
            throw new ArgumentException("The weights are fewer than the inputs.", nameof(w));
        }

        if (n < DotLanes || bits == 0)
        {
            return Dot(new ValuesIn(w), new ValuesIn(x), bias);
        }

        ref double rw = ref MemoryMarshal.GetReference(w);
        ref double rx = ref MemoryMarshal.GetReference(x);
        double terms = bits switch
        {
            512 => Dot512(ref rw, ref rx, n),
            256 => Dot256(ref rw, ref rx, n),
            _ => Dot128(ref rw, ref rx, n),
        };
        double y = bias + terms;
        return Finite(y, new ValuesIn(w), new ValuesIn(x), bias);
    }

    /// <summary>
    /// Two dot products over the same inputs, <c>Σ w0ᵢ·xᵢ + bias0</c> and <c>Σ w1ᵢ·xᵢ + bias1</c>, in one sweep over
    /// the inputs: each gives the bits that <see cref="Dot(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/> gives
    /// it alone. With 256- or 512-bit vectors and at least 16 inputs it is faster, because the processor works on both
    /// sums at once and loads each input once; otherwise it computes the two one after the other.
    /// </summary>
    public static (double Y0, double Y1) Dot2(ReadOnlySpan<double> w0, double bias0, ReadOnlySpan<double> w1, double bias1, ReadOnlySpan<double> x) =>
        Dot2(w0, bias0, w1, bias1, x, VectorBits);

    /// <summary><see cref="Dot2(ReadOnlySpan{double}, double, ReadOnlySpan{double}, double, ReadOnlySpan{double})"/> with
    /// vectors of <paramref name="bits"/> bits (512, 256, 128, or 0 for none); only the 512- and 256-bit kernels have a
    /// two-row sweep, the others compute the two one after the other.</summary>
    internal static (double Y0, double Y1) Dot2(
        ReadOnlySpan<double> w0, double bias0, ReadOnlySpan<double> w1, double bias1, ReadOnlySpan<double> x, int bits)
    {
        int n = x.Length;
        if (w0.Length < n || w1.Length < n)
        {
            throw new ArgumentException("The weights are fewer than the inputs.", w0.Length < n ? nameof(w0) : nameof(w1));
        }

        if (n < DotLanes || bits < 256)
        {
            return (Dot(w0, x, bias0, bits), Dot(w1, x, bias1, bits));
        }

        ref double r0 = ref MemoryMarshal.GetReference(w0);
        ref double r1 = ref MemoryMarshal.GetReference(w1);
        ref double rx = ref MemoryMarshal.GetReference(x);
        var (s0, s1) = bits == 512 ? Dot512Pair(ref r0, ref r1, ref rx, n) : Dot256Pair(ref r0, ref r1, ref rx, n);
        return (Finite(bias0 + s0, new ValuesIn(w0), new ValuesIn(x), bias0), Finite(bias1 + s1, new ValuesIn(w1), new ValuesIn(x), bias1));
    }

    /// <summary>
    /// Four dot products over the same inputs, <c>Σ wkᵢ·xᵢ + biask</c> for k = 0 to 3, each with the bits that
    /// <see cref="Dot(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/> gives it alone: with 512-bit vectors and at
    /// least 16 inputs in one sweep that loads each input once for the four (each dot product's 16 running sums are two
    /// 8-wide registers, so the four need eight), otherwise as two sweeps of
    /// <see cref="Dot2(ReadOnlySpan{double}, double, ReadOnlySpan{double}, double, ReadOnlySpan{double})"/>.
    /// </summary>
    public static (double Y0, double Y1, double Y2, double Y3) Dot4(
        ReadOnlySpan<double> w0, double bias0, ReadOnlySpan<double> w1, double bias1,
        ReadOnlySpan<double> w2, double bias2, ReadOnlySpan<double> w3, double bias3, ReadOnlySpan<double> x) =>
        Dot4(w0, bias0, w1, bias1, w2, bias2, w3, bias3, x, VectorBits);

    /// <summary><see cref="Dot4(ReadOnlySpan{double}, double, ReadOnlySpan{double}, double, ReadOnlySpan{double}, double, ReadOnlySpan{double}, double, ReadOnlySpan{double})"/>
    /// with vectors of <paramref name="bits"/> bits (512, 256, 128, or 0 for none); only the 512-bit kernel has a
    /// four-row sweep.</summary>
    internal static (double Y0, double Y1, double Y2, double Y3) Dot4(
        ReadOnlySpan<double> w0, double bias0, ReadOnlySpan<double> w1, double bias1,
        ReadOnlySpan<double> w2, double bias2, ReadOnlySpan<double> w3, double bias3, ReadOnlySpan<double> x, int bits)
    {
        var y = Dot4Lanes(w0, bias0, w1, bias1, w2, bias2, w3, bias3, x, bits);
        return (y.GetElement(0), y.GetElement(1), y.GetElement(2), y.GetElement(3));
    }

    /// <summary><see cref="Dot4(ReadOnlySpan{double}, double, ReadOnlySpan{double}, double, ReadOnlySpan{double}, double, ReadOnlySpan{double}, double, ReadOnlySpan{double}, int)"/>
    /// with the four results as lanes 0 to 3 of one vector, as a layer run stores them
    /// (<c>CompiledGraph</c>): the four totals are added lane by lane in one vector, and checked for overflow at
    /// once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Dot4Lanes(
        ReadOnlySpan<double> w0, double bias0, ReadOnlySpan<double> w1, double bias1,
        ReadOnlySpan<double> w2, double bias2, ReadOnlySpan<double> w3, double bias3, ReadOnlySpan<double> x, int bits)
    {
        int n = x.Length;
        string? tooShort = w0.Length < n ? nameof(w0) : w1.Length < n ? nameof(w1) : w2.Length < n ? nameof(w2) : w3.Length < n ? nameof(w3) : null;
        if (tooShort is not null)
        {
            throw new ArgumentException("The weights are fewer than the inputs.", tooShort);
        }

        if (n < DotLanes || bits != 512)
        {
            var (y0, y1) = Dot2(w0, bias0, w1, bias1, x, bits);
            var (y2, y3) = Dot2(w2, bias2, w3, bias3, x, bits);
            return Vector256.Create(y0, y1, y2, y3);
        }

        var terms = Dot512Quad(
            ref MemoryMarshal.GetReference(w0), ref MemoryMarshal.GetReference(w1), ref MemoryMarshal.GetReference(w2),
            ref MemoryMarshal.GetReference(w3), ref MemoryMarshal.GetReference(x), n);
        var y = Vector256.Create(bias0, bias1, bias2, bias3) + terms;
        if (AllFinite(y))
        {
            return y;
        }

        var inputs = new ValuesIn(x);
        return Vector256.Create(Finite(y.GetElement(0), new ValuesIn(w0), inputs, bias0), Finite(y.GetElement(1), new ValuesIn(w1), inputs, bias1),
            Finite(y.GetElement(2), new ValuesIn(w2), inputs, bias2), Finite(y.GetElement(3), new ValuesIn(w3), inputs, bias3));
    }

    /// <summary>
    /// <see cref="Dot4Lanes"/> for four rows of weights that start <paramref name="step"/> apart in
    /// <paramref name="rows"/> (a layer's neurons, each with its bias after its weights), with their biases in the lanes
    /// of <paramref name="bias"/>: lane k of the result is row k's dot product with <paramref name="x"/>, with the bits
    /// of <see cref="Dot(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The step is negative, or the four rows do not fit in
    /// <paramref name="rows"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Dot4Rows(ReadOnlySpan<double> rows, int step, Vector256<double> bias, ReadOnlySpan<double> x, int bits)
    {
        int n = x.Length;
        if (step < 0 || rows.Length - n < 3L * step)
        {
            throw new ArgumentException($"Four rows of {n} weights, {step} apart, do not fit in {rows.Length}.", nameof(rows));
        }

        if (n < DotLanes || bits != 512)
        {
            return Dot4RowsApart(rows, step, bias, x, bits);
        }

        ref double r = ref MemoryMarshal.GetReference(rows);
        var y = bias + Dot512Quad(
            ref r, ref Unsafe.Add(ref r, step), ref Unsafe.Add(ref r, 2 * step), ref Unsafe.Add(ref r, 3 * step), ref MemoryMarshal.GetReference(x), n);
        return AllFinite(y) ? y : Dot4RowsApart(rows, step, bias, x, bits);
    }

    /// <summary><see cref="Dot4Rows"/> through <see cref="Dot4Lanes"/>, out of line: without 512-bit vectors, for short
    /// rows, and where the fixed order overflowed.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<double> Dot4RowsApart(ReadOnlySpan<double> rows, int step, Vector256<double> bias, ReadOnlySpan<double> x, int bits)
    {
        int n = x.Length;
        return Dot4Lanes(
            rows.Slice(0, n), bias.GetElement(0), rows.Slice(step, n), bias.GetElement(1),
            rows.Slice(2 * step, n), bias.GetElement(2), rows.Slice(3 * step, n), bias.GetElement(3), x, bits);
    }

    /// <summary>
    /// A dot product whose fixed order of additions gave <paramref name="overflowed"/>, ±∞ or NaN. If an operand is
    /// infinite or NaN, that is the answer, except that a NaN is always <see cref="double.NaN"/>: IEEE 754 leaves the sign
    /// and payload of a NaN that arithmetic produces open, and the processor's scalar and vector multiply-adds pick them
    /// from different operands, so the dot product fixes them to give the same bits on every path. Otherwise a term or a
    /// running sum went past the largest double, and the same additions are made with every term and the bias 2^−k times
    /// smaller, k chosen so that nothing can overflow, and the result is scaled back: multiplying by a power of two is
    /// exact, so these are the bits the fixed order gives with an unbounded exponent (±∞ only if the result itself is too
    /// large).
    /// </summary>
    private static double DotWithoutOverflow<TW, TX>(scoped TW w, scoped TX x, double bias, double overflowed)
        where TW : IValueList, allows ref struct
        where TX : IValueList, allows ref struct
    {
        int n = x.Count;
        double asIs = double.IsNaN(overflowed) ? double.NaN : overflowed; // the answer when an operand is not finite
        if (!double.IsFinite(bias))
        {
            return asIs;
        }

        // |wᵢ·xᵢ| < 2^(ILogB wᵢ + ILogB xᵢ + 2) and |b| < 2^(ILogB b + 1): every term is below 2^(top + 1).
        int top = bias == 0 ? -1074 : Math.ILogB(bias);
        for (int i = 0; i < n; i++)
        {
            double wi = w[i], xi = x[i];
            if (!double.IsFinite(wi) || !double.IsFinite(xi))
            {
                return asIs;
            }

            if (wi != 0 && xi != 0)
            {
                top = Math.Max(top, Math.ILogB(wi) + Math.ILogB(xi) + 1);
            }
        }

        // n + 1 terms below 2^(top + 1) add up to less than 2^(top + 1 + bits(n)); scaled by 2^−k, below 2^1023.
        int k = Math.Max(1, top + BitLength(n) - 1022);
        var scaledW = new LargerOperandScaled<TW, TX>(w, x, k, ofWeights: true);
        var scaledX = new LargerOperandScaled<TW, TX>(w, x, k, ofWeights: false);
        return Math.ScaleB(DotInOrder(scaledW, scaledX, Math.ScaleB(bias, -k)), k);
    }

    /// <summary>The number of bits of a non-negative number: 2^BitLength(n) &gt; n.</summary>
    private static int BitLength(int n) => 32 - BitOperations.LeadingZeroCount((uint)n);

    /// <summary>The widest vectors the processor accelerates, in bits: 512, 256, 128 or 0. The dot product and its
    /// backward sweep give the same bits with each; the width only sets the speed.</summary>
    internal static readonly int VectorBits =
        Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;

    /// <summary>The tree that adds the 16 running sums: the four partial sums tⱼ = (sⱼ + sⱼ₊₄) + (sⱼ₊₈ + sⱼ₊₁₂), which
    /// four 4-wide vector sums give by adding the vectors, are added as (t₀ + t₁) + (t₂ + t₃).</summary>
    internal static double LaneTotal(double t0, double t1, double t2, double t3) => (t0 + t1) + (t2 + t3);

    /// <summary>The terms of a dot product with four 4-wide sums: v0 holds running sums 0–3, v1 sums 4–7, v2 sums 8–11,
    /// v3 sums 12–15.</summary>
    private static double Dot256(ref double w, ref double x, int n)
    {
        Vector256<double> v0 = default, v1 = default, v2 = default, v3 = default;
        nuint i = 0;
        nuint end = (nuint)n;
        for (; i + DotLanes <= end; i += DotLanes)
        {
            v0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, i), Vector256.LoadUnsafe(ref x, i), v0);
            v1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, i + 4), Vector256.LoadUnsafe(ref x, i + 4), v1);
            v2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, i + 8), Vector256.LoadUnsafe(ref x, i + 8), v2);
            v3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, i + 12), Vector256.LoadUnsafe(ref x, i + 12), v3);
        }

        return Total256(v0, v1, v2, v3, ref w, ref x, i, end);
    }

    /// <summary>Two dot products over the same inputs in one sweep, each with its own four 4-wide sums as in
    /// <see cref="Dot256"/>: eight sums that do not wait for each other instead of four, and each input loaded once for
    /// both.</summary>
    private static (double Y0, double Y1) Dot256Pair(ref double w0, ref double w1, ref double x, int n)
    {
        Vector256<double> v0 = default, v1 = default, v2 = default, v3 = default;
        Vector256<double> u0 = default, u1 = default, u2 = default, u3 = default;
        nuint i = 0;
        nuint end = (nuint)n;
        for (; i + DotLanes <= end; i += DotLanes)
        {
            var x0 = Vector256.LoadUnsafe(ref x, i);
            var x1 = Vector256.LoadUnsafe(ref x, i + 4);
            var x2 = Vector256.LoadUnsafe(ref x, i + 8);
            var x3 = Vector256.LoadUnsafe(ref x, i + 12);
            v0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w0, i), x0, v0);
            u0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w1, i), x0, u0);
            v1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w0, i + 4), x1, v1);
            u1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w1, i + 4), x1, u1);
            v2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w0, i + 8), x2, v2);
            u2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w1, i + 8), x2, u2);
            v3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w0, i + 12), x3, v3);
            u3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w1, i + 12), x3, u3);
        }

        return (Total256(v0, v1, v2, v3, ref w0, ref x, i, end), Total256(u0, u1, u2, u3, ref w1, ref x, i, end));
    }

    /// <summary>The terms of a dot product with two 8-wide sums: z0 holds running sums 0–7, z1 sums 8–15 (see
    /// <see cref="Total512"/>).</summary>
    private static double Dot512(ref double w, ref double x, int n)
    {
        Vector512<double> z0 = default, z1 = default;
        nuint i = 0;
        nuint end = (nuint)n;
        for (; i + DotLanes <= end; i += DotLanes)
        {
            z0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, i), Vector512.LoadUnsafe(ref x, i), z0);
            z1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, i + 8), Vector512.LoadUnsafe(ref x, i + 8), z1);
        }

        return Total512(z0, z1, ref w, ref x, i, end);
    }

    /// <summary><see cref="Dot256Pair"/> with two 8-wide sums for each dot product, as in <see cref="Dot512"/>.</summary>
    private static (double Y0, double Y1) Dot512Pair(ref double w0, ref double w1, ref double x, int n)
    {
        Vector512<double> z0 = default, z1 = default, u0 = default, u1 = default;
        nuint i = 0;
        nuint end = (nuint)n;
        for (; i + DotLanes <= end; i += DotLanes)
        {
            var x0 = Vector512.LoadUnsafe(ref x, i);
            var x1 = Vector512.LoadUnsafe(ref x, i + 8);
            z0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w0, i), x0, z0);
            u0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w1, i), x0, u0);
            z1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w0, i + 8), x1, z1);
            u1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w1, i + 8), x1, u1);
        }

        return (Total512(z0, z1, ref w0, ref x, i, end), Total512(u0, u1, ref w1, ref x, i, end));
    }

    /// <summary>Four dot products over the same inputs in one sweep, each with its own two 8-wide sums as in
    /// <see cref="Dot512"/>: 8 sums that do not wait for each other, and each input loaded once for the four. Returns
    /// the four dot products' terms, lane k for dot product k (<see cref="LaneTotals"/>).</summary>
    private static Vector256<double> Dot512Quad(
        ref double w0, ref double w1, ref double w2, ref double w3, ref double x, int n)
    {
        Vector512<double> a0 = default, a1 = default, b0 = default, b1 = default;
        Vector512<double> c0 = default, c1 = default, d0 = default, d1 = default;
        nuint i = 0;
        nuint end = (nuint)n;
        for (; i + DotLanes <= end; i += DotLanes)
        {
            var x0 = Vector512.LoadUnsafe(ref x, i);
            var x1 = Vector512.LoadUnsafe(ref x, i + 8);
            a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w0, i), x0, a0);
            b0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w1, i), x0, b0);
            c0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w2, i), x0, c0);
            d0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w3, i), x0, d0);
            a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w0, i + 8), x1, a1);
            b1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w1, i + 8), x1, b1);
            c1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w2, i + 8), x1, c1);
            d1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w3, i + 8), x1, d1);
        }

        if (i == end)
        {
            // No terms after the last group of 16 (a layer of 16, 32, 64 … neurons): each sum as Partial256 adds it.
            return LaneTotals(
                (a0.GetLower() + a0.GetUpper()) + (a1.GetLower() + a1.GetUpper()),
                (b0.GetLower() + b0.GetUpper()) + (b1.GetLower() + b1.GetUpper()),
                (c0.GetLower() + c0.GetUpper()) + (c1.GetLower() + c1.GetUpper()),
                (d0.GetLower() + d0.GetUpper()) + (d1.GetLower() + d1.GetUpper()));
        }

        return LaneTotals(
            Partial256(a0.GetLower(), a0.GetUpper(), a1.GetLower(), a1.GetUpper(), ref w0, ref x, i, end),
            Partial256(b0.GetLower(), b0.GetUpper(), b1.GetLower(), b1.GetUpper(), ref w1, ref x, i, end),
            Partial256(c0.GetLower(), c0.GetUpper(), c1.GetLower(), c1.GetUpper(), ref w2, ref x, i, end),
            Partial256(d0.GetLower(), d0.GetUpper(), d1.GetLower(), d1.GetUpper(), ref w3, ref x, i, end));
    }

    /// <summary><see cref="LaneTotal"/> of four dot products at once, from their partial sums (<see cref="Partial256"/>):
    /// lane k of the result is (tₖ₀ + tₖ₁) + (tₖ₂ + tₖ₃), the same additions of the same numbers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> LaneTotals(Vector256<double> t0, Vector256<double> t1, Vector256<double> t2, Vector256<double> t3)
    {
        if (Avx.IsSupported)
        {
            var pairs01 = Avx.HorizontalAdd(t0, t1); // t0₀ + t0₁, t1₀ + t1₁, t0₂ + t0₃, t1₂ + t1₃
            var pairs23 = Avx.HorizontalAdd(t2, t3);
            return Avx.Permute2x128(pairs01, pairs23, 0x20) + Avx.Permute2x128(pairs01, pairs23, 0x31);
        }

        return Vector256.Create(
            LaneTotal(t0.GetElement(0), t0.GetElement(1), t0.GetElement(2), t0.GetElement(3)),
            LaneTotal(t1.GetElement(0), t1.GetElement(1), t1.GetElement(2), t1.GetElement(3)),
            LaneTotal(t2.GetElement(0), t2.GetElement(1), t2.GetElement(2), t2.GetElement(3)),
            LaneTotal(t3.GetElement(0), t3.GetElement(1), t3.GetElement(2), t3.GetElement(3)));
    }

    /// <summary>The end of <see cref="Dot512"/>: its two 8-wide sums are <see cref="Dot256"/>'s four 4-wide ones side by
    /// side (v0 and v1 in <paramref name="z0"/>, v2 and v3 in <paramref name="z1"/>), so the last terms and the total are
    /// <see cref="Total256"/>'s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Total512(Vector512<double> z0, Vector512<double> z1, ref double w, ref double x, nuint i, nuint end) =>
        Total256(z0.GetLower(), z0.GetUpper(), z1.GetLower(), z1.GetUpper(), ref w, ref x, i, end);

    /// <summary>The end of <see cref="Dot256"/>: the last n mod 16 terms from <paramref name="i"/> (whole groups of four
    /// into v0, v1, v2, then the rest into the first lanes of the next), and the total of the 16 running sums.</summary>
    /// <remarks>The sums are taken by value: a reference to one of them would keep all four in memory rather than in
    /// registers, in the caller's loop too.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Total256(
        Vector256<double> v0, Vector256<double> v1, Vector256<double> v2, Vector256<double> v3, ref double w, ref double x, nuint i, nuint end)
    {
        var t = Partial256(v0, v1, v2, v3, ref w, ref x, i, end);
        return LaneTotal(t.GetElement(0), t.GetElement(1), t.GetElement(2), t.GetElement(3));
    }

    /// <summary><see cref="Total256"/> before its last step: the four partial sums t₀ to t₃ that
    /// <see cref="LaneTotal"/> adds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Partial256(
        Vector256<double> v0, Vector256<double> v1, Vector256<double> v2, Vector256<double> v3, ref double w, ref double x, nuint i, nuint end)
    {
        int full = (int)(end - i) / 4;
        if (full > 0) { v0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, i), Vector256.LoadUnsafe(ref x, i), v0); i += 4; }
        if (full > 1) { v1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, i), Vector256.LoadUnsafe(ref x, i), v1); i += 4; }
        if (full > 2) { v2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, i), Vector256.LoadUnsafe(ref x, i), v2); i += 4; }
        switch (full)
        {
            case 0: v0 = LastTerms(v0, ref w, ref x, i, end); break;
            case 1: v1 = LastTerms(v1, ref w, ref x, i, end); break;
            case 2: v2 = LastTerms(v2, ref w, ref x, i, end); break;
            default: v3 = LastTerms(v3, ref w, ref x, i, end); break;
        }

        return (v0 + v1) + (v2 + v3);
    }

    /// <summary>The terms from <paramref name="i"/> to <paramref name="end"/>, fewer than four, added into the first lanes
    /// of <paramref name="sums"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> LastTerms(Vector256<double> sums, ref double w, ref double x, nuint i, nuint end)
    {
        for (int lane = 0; i < end; i++, lane++)
        {
            sums = sums.WithElement(lane, Math.FusedMultiplyAdd(Unsafe.Add(ref w, i), Unsafe.Add(ref x, i), sums.GetElement(lane)));
        }

        return sums;
    }

    /// <summary>The terms of a dot product with eight 2-wide sums: v0 holds running sums 0–1, v1 sums 2–3, … v7 sums 14–15.</summary>
    private static double Dot128(ref double w, ref double x, int n)
    {
        Vector128<double> v0 = default, v1 = default, v2 = default, v3 = default;
        Vector128<double> v4 = default, v5 = default, v6 = default, v7 = default;
        nuint i = 0;
        nuint end = (nuint)n;
        for (; i + DotLanes <= end; i += DotLanes)
        {
            v0 = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref w, i), Vector128.LoadUnsafe(ref x, i), v0);
            v1 = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref w, i + 2), Vector128.LoadUnsafe(ref x, i + 2), v1);
            v2 = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref w, i + 4), Vector128.LoadUnsafe(ref x, i + 4), v2);
            v3 = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref w, i + 6), Vector128.LoadUnsafe(ref x, i + 6), v3);
            v4 = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref w, i + 8), Vector128.LoadUnsafe(ref x, i + 8), v4);
            v5 = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref w, i + 10), Vector128.LoadUnsafe(ref x, i + 10), v5);
            v6 = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref w, i + 12), Vector128.LoadUnsafe(ref x, i + 12), v6);
            v7 = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref w, i + 14), Vector128.LoadUnsafe(ref x, i + 14), v7);
        }

        // The last n mod 16 terms, two at a time into v0, v1, …, and a last odd one into the first lane of the next.
        Span<Vector128<double>> sums = [v0, v1, v2, v3, v4, v5, v6, v7];
        int k = 0;
        for (; i + 2 <= end; i += 2, k++)
        {
            sums[k] = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref w, i), Vector128.LoadUnsafe(ref x, i), sums[k]);
        }

        if (i < end)
        {
            sums[k] = sums[k].WithElement(0, Math.FusedMultiplyAdd(Unsafe.Add(ref w, i), Unsafe.Add(ref x, i), sums[k].GetElement(0)));
        }

        var t01 = (sums[0] + sums[2]) + (sums[4] + sums[6]);
        var t23 = (sums[1] + sums[3]) + (sums[5] + sums[7]);
        return LaneTotal(t01.GetElement(0), t01.GetElement(1), t23.GetElement(0), t23.GetElement(1));
    }

    /// <summary>The backward rule of one term of a dot product, wᵢ·xᵢ, each gradient added with a single rounding.</summary>
    public static void DotTermBackward(double w, double x, double dy, ref double dw, ref double dx)
    {
        dw = WeightTermBackward(x, dy, dw); // d(Σ wⱼxⱼ + b)/dwᵢ = xᵢ
        dx = InputTermBackward(w, dy, dx); // d(Σ wⱼxⱼ + b)/dxᵢ = wᵢ
    }

    /// <summary>The backward rule of a dot product's bias.</summary>
    public static void BiasBackward(double dy, ref double db)
    {
        db += dy; // d(Σ wⱼxⱼ + b)/db = 1
    }

    /// <summary>
    /// The weight's half of <see cref="DotTermBackward"/> for four neurons on the same input <paramref name="x"/>: lane l
    /// is neuron l's weight for that input, <paramref name="dy"/> their gradients. Returns what <paramref name="dw"/>
    /// becomes, in the lanes of <paramref name="use"/> (all bits set) only; every lane is computed as
    /// <see cref="WeightTermBackward"/> computes it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> WeightTermBackward4(double x, Vector256<double> dy, Vector256<double> dw, Vector256<double> use) =>
        Vector256.ConditionalSelect(use, Vector256.FusedMultiplyAdd(Vector256.Create(x), dy, dw), dw);

    /// <summary><see cref="BiasBackward"/> for four neurons, lane by lane, in the lanes of <paramref name="use"/> (all
    /// bits set) only: returns what <paramref name="db"/> becomes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> BiasBackward4(Vector256<double> dy, Vector256<double> db, Vector256<double> use) =>
        Vector256.ConditionalSelect(use, db + dy, db);

    /// <summary>The weight's half of <see cref="DotTermBackward"/>: returns what <paramref name="dw"/> becomes, dw + x·dy
    /// with a single rounding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double WeightTermBackward(double x, double dy, double dw) => Math.FusedMultiplyAdd(x, dy, dw);

    /// <summary>The input's half of <see cref="DotTermBackward"/>: returns what <paramref name="dx"/> becomes, dx + w·dy
    /// with a single rounding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double InputTermBackward(double w, double dy, double dx) => Math.FusedMultiplyAdd(w, dy, dx);

    /// <summary>
    /// g[k] += v[k]·dy for every k, each with a single rounding: half of a dot product's backward rule on runs of
    /// consecutive numbers (the weights' gradients take the inputs' values and the other way round), with the vector
    /// units where the processor has them. Every element is computed as <see cref="DotTermBackward"/> computes it.
    /// </summary>
    public static void AddScaled(ReadOnlySpan<double> v, double dy, Span<double> g) => AddScaled(v, dy, g, VectorBits);

    /// <summary><see cref="AddScaled(ReadOnlySpan{double}, double, Span{double})"/> with vectors of
    /// <paramref name="bits"/> bits (512, 256, 128, or 0 for none), each giving the same bits.</summary>
    internal static void AddScaled(ReadOnlySpan<double> v, double dy, Span<double> g, int bits)
    {
        int n = v.Length;
        if (g.Length < n)
        {
            throw new ArgumentException("The gradients are fewer than the values.", nameof(g));
        }

        int i = 0;
        ref double rv = ref MemoryMarshal.GetReference(v);
        ref double rg = ref MemoryMarshal.GetReference(g);
        if (bits == 512)
        {
            var d = Vector512.Create(dy);
            for (; i <= n - 8; i += 8)
            {
                Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref rv, (nuint)i), d, Vector512.LoadUnsafe(ref rg, (nuint)i))
                    .StoreUnsafe(ref rg, (nuint)i);
            }
        }

        if (bits >= 256)
        {
            var d = Vector256.Create(dy);
            for (; i <= n - 4; i += 4)
            {
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref rv, (nuint)i), d, Vector256.LoadUnsafe(ref rg, (nuint)i))
                    .StoreUnsafe(ref rg, (nuint)i);
            }
        }
        else if (bits == 128)
        {
            var d = Vector128.Create(dy);
            for (; i <= n - 2; i += 2)
            {
                Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref rv, (nuint)i), d, Vector128.LoadUnsafe(ref rg, (nuint)i))
                    .StoreUnsafe(ref rg, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            g[i] = Math.FusedMultiplyAdd(v[i], dy, g[i]);
        }
    }

    /// <summary>
    /// The backward sweeps of several dot products on the same inputs <paramref name="x"/>, row after row as listed: for
    /// each row k in order, gw[i] += x[i]·dy[k] into its weights' gradients and gx[i] += w[i]·dy[k] into the inputs'
    /// gradients, for every i, each with a single rounding as <see cref="DotTermBackward"/> computes it, so every element
    /// gets the bits of the rows' term-by-term rules one after the other. Row k's weights are
    /// <paramref name="values"/>[starts[k]..] and their gradients <paramref name="grads"/>[starts[k]..]; a block of the
    /// inputs and of their gradients stays in registers while every row passes, so each multiply-add loads a weight and
    /// a gradient and stores the gradient, and nothing else. The rows must lie apart from each other and from the
    /// inputs' gradients (a layer run's, <c>CompiledGraph</c>).
    /// </summary>
    /// <exception cref="ArgumentException">A row or the inputs' gradients are shorter than the inputs, or fewer
    /// gradients of the rows are given than rows.</exception>
    internal static void AddScaledRows(
        ReadOnlySpan<double> x, Span<double> gx, ReadOnlySpan<double> values, Span<double> grads, ReadOnlySpan<int> starts, ReadOnlySpan<double> dy, int bits)
    {
        int n = x.Length, rows = starts.Length;
        if (gx.Length < n)
        {
            throw new ArgumentException($"The inputs' gradients must be at least as many as the inputs ({n}).", nameof(gx));
        }

        if (dy.Length < rows)
        {
            throw new ArgumentException($"{dy.Length} gradients for {rows} rows.", nameof(dy));
        }

        foreach (int start in starts)
        {
            if (start < 0 || start > values.Length - n || start > grads.Length - n)
            {
                throw new ArgumentException($"A row from {start} does not fit {n} weights and their gradients.", nameof(starts));
            }
        }

        ref double rx = ref MemoryMarshal.GetReference(x);
        ref double rgx = ref MemoryMarshal.GetReference(gx);
        ref double rv = ref MemoryMarshal.GetReference(values);
        ref double rg = ref MemoryMarshal.GetReference(grads);
        nuint i = 0;
        if (bits == 512)
        {
            for (; i + 64 <= (nuint)n; i += 64)
            {
                // A block of the inputs and of their gradients in registers while every row passes.
                var x0 = Vector512.LoadUnsafe(ref rx, i);
                var x1 = Vector512.LoadUnsafe(ref rx, i + 8);
                var x2 = Vector512.LoadUnsafe(ref rx, i + 16);
                var x3 = Vector512.LoadUnsafe(ref rx, i + 24);
                var x4 = Vector512.LoadUnsafe(ref rx, i + 32);
                var x5 = Vector512.LoadUnsafe(ref rx, i + 40);
                var x6 = Vector512.LoadUnsafe(ref rx, i + 48);
                var x7 = Vector512.LoadUnsafe(ref rx, i + 56);
                var g0 = Vector512.LoadUnsafe(ref rgx, i);
                var g1 = Vector512.LoadUnsafe(ref rgx, i + 8);
                var g2 = Vector512.LoadUnsafe(ref rgx, i + 16);
                var g3 = Vector512.LoadUnsafe(ref rgx, i + 24);
                var g4 = Vector512.LoadUnsafe(ref rgx, i + 32);
                var g5 = Vector512.LoadUnsafe(ref rgx, i + 40);
                var g6 = Vector512.LoadUnsafe(ref rgx, i + 48);
                var g7 = Vector512.LoadUnsafe(ref rgx, i + 56);
                for (int k = 0; k < rows; k++)
                {
                    var d = Vector512.Create(dy[k]);
                    ref double w = ref Unsafe.Add(ref rv, starts[k]);
                    ref double gw = ref Unsafe.Add(ref rg, starts[k]);
                    Vector512.FusedMultiplyAdd(x0, d, Vector512.LoadUnsafe(ref gw, i)).StoreUnsafe(ref gw, i);
                    g0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, i), d, g0);
                    Vector512.FusedMultiplyAdd(x1, d, Vector512.LoadUnsafe(ref gw, i + 8)).StoreUnsafe(ref gw, i + 8);
                    g1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, i + 8), d, g1);
                    Vector512.FusedMultiplyAdd(x2, d, Vector512.LoadUnsafe(ref gw, i + 16)).StoreUnsafe(ref gw, i + 16);
                    g2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, i + 16), d, g2);
                    Vector512.FusedMultiplyAdd(x3, d, Vector512.LoadUnsafe(ref gw, i + 24)).StoreUnsafe(ref gw, i + 24);
                    g3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, i + 24), d, g3);
                    Vector512.FusedMultiplyAdd(x4, d, Vector512.LoadUnsafe(ref gw, i + 32)).StoreUnsafe(ref gw, i + 32);
                    g4 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, i + 32), d, g4);
                    Vector512.FusedMultiplyAdd(x5, d, Vector512.LoadUnsafe(ref gw, i + 40)).StoreUnsafe(ref gw, i + 40);
                    g5 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, i + 40), d, g5);
                    Vector512.FusedMultiplyAdd(x6, d, Vector512.LoadUnsafe(ref gw, i + 48)).StoreUnsafe(ref gw, i + 48);
                    g6 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, i + 48), d, g6);
                    Vector512.FusedMultiplyAdd(x7, d, Vector512.LoadUnsafe(ref gw, i + 56)).StoreUnsafe(ref gw, i + 56);
                    g7 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, i + 56), d, g7);
                }

                g0.StoreUnsafe(ref rgx, i);
                g1.StoreUnsafe(ref rgx, i + 8);
                g2.StoreUnsafe(ref rgx, i + 16);
                g3.StoreUnsafe(ref rgx, i + 24);
                g4.StoreUnsafe(ref rgx, i + 32);
                g5.StoreUnsafe(ref rgx, i + 40);
                g6.StoreUnsafe(ref rgx, i + 48);
                g7.StoreUnsafe(ref rgx, i + 56);
            }

            for (; i + 8 <= (nuint)n; i += 8)
            {
                // A block of the inputs and of their gradients in registers while every row passes.
                var x0 = Vector512.LoadUnsafe(ref rx, i);
                var g0 = Vector512.LoadUnsafe(ref rgx, i);
                for (int k = 0; k < rows; k++)
                {
                    var d = Vector512.Create(dy[k]);
                    ref double w = ref Unsafe.Add(ref rv, starts[k]);
                    ref double gw = ref Unsafe.Add(ref rg, starts[k]);
                    Vector512.FusedMultiplyAdd(x0, d, Vector512.LoadUnsafe(ref gw, i)).StoreUnsafe(ref gw, i);
                    g0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, i), d, g0);
                }

                g0.StoreUnsafe(ref rgx, i);
            }
        }

        if (bits >= 256)
        {
            for (; i + 16 <= (nuint)n; i += 16)
            {
                // A block of the inputs and of their gradients in registers while every row passes.
                var x0 = Vector256.LoadUnsafe(ref rx, i);
                var x1 = Vector256.LoadUnsafe(ref rx, i + 4);
                var x2 = Vector256.LoadUnsafe(ref rx, i + 8);
                var x3 = Vector256.LoadUnsafe(ref rx, i + 12);
                var g0 = Vector256.LoadUnsafe(ref rgx, i);
                var g1 = Vector256.LoadUnsafe(ref rgx, i + 4);
                var g2 = Vector256.LoadUnsafe(ref rgx, i + 8);
                var g3 = Vector256.LoadUnsafe(ref rgx, i + 12);
                for (int k = 0; k < rows; k++)
                {
                    var d = Vector256.Create(dy[k]);
                    ref double w = ref Unsafe.Add(ref rv, starts[k]);
                    ref double gw = ref Unsafe.Add(ref rg, starts[k]);
                    Vector256.FusedMultiplyAdd(x0, d, Vector256.LoadUnsafe(ref gw, i)).StoreUnsafe(ref gw, i);
                    g0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, i), d, g0);
                    Vector256.FusedMultiplyAdd(x1, d, Vector256.LoadUnsafe(ref gw, i + 4)).StoreUnsafe(ref gw, i + 4);
                    g1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, i + 4), d, g1);
                    Vector256.FusedMultiplyAdd(x2, d, Vector256.LoadUnsafe(ref gw, i + 8)).StoreUnsafe(ref gw, i + 8);
                    g2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, i + 8), d, g2);
                    Vector256.FusedMultiplyAdd(x3, d, Vector256.LoadUnsafe(ref gw, i + 12)).StoreUnsafe(ref gw, i + 12);
                    g3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, i + 12), d, g3);
                }

                g0.StoreUnsafe(ref rgx, i);
                g1.StoreUnsafe(ref rgx, i + 4);
                g2.StoreUnsafe(ref rgx, i + 8);
                g3.StoreUnsafe(ref rgx, i + 12);
            }

            for (; i + 4 <= (nuint)n; i += 4)
            {
                // A block of the inputs and of their gradients in registers while every row passes.
                var x0 = Vector256.LoadUnsafe(ref rx, i);
                var g0 = Vector256.LoadUnsafe(ref rgx, i);
                for (int k = 0; k < rows; k++)
                {
                    var d = Vector256.Create(dy[k]);
                    ref double w = ref Unsafe.Add(ref rv, starts[k]);
                    ref double gw = ref Unsafe.Add(ref rg, starts[k]);
                    Vector256.FusedMultiplyAdd(x0, d, Vector256.LoadUnsafe(ref gw, i)).StoreUnsafe(ref gw, i);
                    g0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, i), d, g0);
                }

                g0.StoreUnsafe(ref rgx, i);
            }
        }
        else if (bits == 128)
        {
            for (; i + 2 <= (nuint)n; i += 2)
            {
                // A block of the inputs and of their gradients in registers while every row passes.
                var x0 = Vector128.LoadUnsafe(ref rx, i);
                var g0 = Vector128.LoadUnsafe(ref rgx, i);
                for (int k = 0; k < rows; k++)
                {
                    var d = Vector128.Create(dy[k]);
                    ref double w = ref Unsafe.Add(ref rv, starts[k]);
                    ref double gw = ref Unsafe.Add(ref rg, starts[k]);
                    Vector128.FusedMultiplyAdd(x0, d, Vector128.LoadUnsafe(ref gw, i)).StoreUnsafe(ref gw, i);
                    g0 = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref w, i), d, g0);
                }

                g0.StoreUnsafe(ref rgx, i);
            }
        }

        for (int e = (int)i; e < n; e++)
        {
            for (int k = 0; k < rows; k++)
            {
                DotTermBackward(values[starts[k] + e], x[e], dy[k], ref grads[starts[k] + e], ref gx[e]);
            }
        }
    }

    /// <summary>y = Σ xᵢ, term by term from the first (0 for no terms). Where that overflows although every term is
    /// finite (1e308 + 1e308 − 1e308), the same additions are made again 2^−k smaller, so the result is finite whenever
    /// the sum is representable.</summary>
    public static double Sum<T>(scoped T terms)
        where T : IValueList, allows ref struct
    {
        double sum = SumInOrder(terms);
        return double.IsFinite(sum) || !TryScaledSum(terms, out double scaled, out int k) ? sum : Math.ScaleB(scaled, k);
    }

    /// <summary>Σ xᵢ term by term from the first, in plain IEEE arithmetic.</summary>
    private static double SumInOrder<T>(scoped T terms)
        where T : IValueList, allows ref struct
    {
        double sum = 0;
        for (int i = 0; i < terms.Count; i++)
        {
            sum += terms[i];
        }

        return sum;
    }

    /// <summary>The backward rule of one term of a sum.</summary>
    public static void SumTermBackward(double dy, ref double dx)
    {
        dx += dy; // d(Σ xⱼ)/dxᵢ = 1
    }

    /// <summary>y = (Σ xᵢ)/n. Where the sum overflows but every term is finite, the same sum is taken 2^−k smaller and
    /// the mean scaled back, which gives the bits of (Σ xᵢ)/n without the overflow: the mean of two numbers near the
    /// largest double is representable even if their sum is not.</summary>
    public static double Mean<T>(scoped T terms)
        where T : IValueList, allows ref struct
    {
        int n = terms.Count;
        double sum = SumInOrder(terms);
        return double.IsFinite(sum) || !TryScaledSum(terms, out double scaled, out int k)
            ? sum / n
            : Math.ScaleB(scaled / n, k);
    }

    /// <summary>The backward rule of one term of a mean of <paramref name="n"/> terms.</summary>
    public static void MeanTermBackward(double dy, int n, ref double dx)
    {
        dx += dy / n; // d((Σ xⱼ)/n)/dxᵢ = 1/n
    }

    /// <summary>
    /// For terms that are all finite: Σ (xᵢ·2^−k) in the order of <see cref="SumInOrder"/>, with k chosen so that no
    /// running sum can overflow. Multiplying by a power of two is exact, so 2^k times the result has the bits that sum
    /// would have with an unbounded exponent. False if a term is infinite or NaN (then so is the sum, rightly).
    /// </summary>
    private static bool TryScaledSum<T>(scoped T terms, out double scaled, out int k)
        where T : IValueList, allows ref struct
    {
        int n = terms.Count;
        int top = -1074; // every |xᵢ| < 2^(top + 1)
        for (int i = 0; i < n; i++)
        {
            double x = terms[i];
            if (!double.IsFinite(x))
            {
                (scaled, k) = (0, 0);
                return false;
            }

            if (x != 0)
            {
                top = Math.Max(top, Math.ILogB(x));
            }
        }

        // n terms below 2^(top + 1) add up to less than 2^(top + 1 + bits(n)); scaled by 2^−k, below 2^1023.
        k = Math.Max(1, top + BitLength(n) - 1022);
        scaled = 0;
        for (int i = 0; i < n; i++)
        {
            scaled += Math.ScaleB(terms[i], -k);
        }

        return true;
    }

    /// <summary>
    /// y = ln Σ e^xᵢ, as m + ln Σ e^(xᵢ − m) with m the largest term: that changes nothing mathematically and keeps every
    /// e^(xᵢ − m) in (0, 1], so nothing overflows. The largest term contributes e⁰ = 1 exactly, so the logarithm is
    /// taken as ln(1 + r) of the rest r, accurately also where r is tiny: ln(e⁰ + e⁻⁴⁰) is e⁻⁴⁰, not 0. At least one term.
    /// </summary>
    public static double LogSumExp<T>(scoped T terms)
        where T : IValueList, allows ref struct
    {
        var (max, rest) = LogSumExpParts(terms);
        return double.IsFinite(max) ? max + LogOnePlus(rest) : max; // all terms −∞, one +∞, or one NaN
    }

    /// <summary>
    /// The backward rule of a log-sum-exp: dy times the softmax, e^(xᵢ − m) / Σ e^(xⱼ − m), added to every term's
    /// gradient. It is computed from the largest term m and the shifted sum rather than as e^(xᵢ − y), because y is
    /// rounded: for terms near 10¹⁶ the rounding of y alone would move every share by a large factor.
    /// </summary>
    public static void LogSumExpBackward<TX, TG>(scoped TX terms, double dy, ref TG gradients)
        where TX : IValueList, allows ref struct
        where TG : IGradientList, allows ref struct
    {
        var (max, rest) = LogSumExpParts(terms);
        int n = terms.Count;
        if (double.IsInfinity(max))
        {
            // The terms equal to the largest, +∞ (or −∞, when all are), share the whole gradient equally, as the
            // softmax of equal terms does; the others' shares vanish.
            int largest = 0;
            for (int i = 0; i < n; i++)
            {
                largest += terms[i] == max ? 1 : 0;
            }

            for (int i = 0; i < n; i++)
            {
                gradients.Add(i, terms[i] == max ? dy / largest : 0);
            }

            return;
        }

        double sum = 1 + rest; // Σ e^(xⱼ − m); NaN if a term is NaN
        for (int i = 0; i < n; i++)
        {
            gradients.Add(i, Math.Exp(terms[i] - max) / sum * dy); // d(ln Σ e^xⱼ)/dxᵢ = e^xᵢ / Σ e^xⱼ, the softmax
        }
    }

    /// <summary>The largest term m (NaN if a term is NaN) and Σ e^(xᵢ − m) over all terms but the first that equals m
    /// (whose e⁰ is exactly 1); NaN for the rest if m is not finite.</summary>
    private static (double Max, double Others) LogSumExpParts<T>(scoped T terms)
        where T : IValueList, allows ref struct
    {
        double max = double.NegativeInfinity;
        for (int i = 0; i < terms.Count; i++)
        {
            max = Math.Max(max, terms[i]);
        }

        if (!double.IsFinite(max))
        {
            return (max, double.NaN);
        }

        double rest = 0;
        bool skipped = false;
        for (int i = 0; i < terms.Count; i++)
        {
            if (!skipped && terms[i] == max)
            {
                skipped = true;
                continue;
            }

            rest += Math.Exp(terms[i] - max);
        }

        return (max, rest);
    }

    /// <summary>The weights and inputs of a dot product with the larger operand of every term 2^−k times smaller, so
    /// that each term wᵢ·xᵢ is 2^−k times smaller (exactly, unless both operands are so small that the term is
    /// negligible).</summary>
    private readonly ref struct LargerOperandScaled<TW, TX>(TW w, TX x, int k, bool ofWeights) : IValueList
        where TW : IValueList, allows ref struct
        where TX : IValueList, allows ref struct
    {
        private readonly TW _w = w;
        private readonly TX _x = x;

        public int Count => ofWeights ? _w.Count : _x.Count;

        public double this[int index]
        {
            get
            {
                double wi = _w[index], xi = _x[index];
                bool scaleWeight = Math.Abs(wi) >= Math.Abs(xi);
                return ofWeights
                    ? (scaleWeight ? Math.ScaleB(wi, -k) : wi)
                    : (scaleWeight ? xi : Math.ScaleB(xi, -k));
            }
        }
    }
}
