using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    /// 4-wide vector registers hold, so <see cref="Dot(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/> can use the
    /// vector units on consecutive numbers and still agree with this loop to the last bit, on any machine.
    /// </remarks>
    public static double Dot<TW, TX>(scoped TW w, scoped TX x, double bias)
        where TW : IValueList, allows ref struct
        where TX : IValueList, allows ref struct
    {
        int n = x.Count;
        if (n <= 4)
        {
            // Only the first four running sums receive a term; the others are 0, and adding a 0 changes a number
            // only by turning −0 into +0, which "+ 0.0" does here. The same tree, without the additions of zeros.
            double t0 = n > 0 ? Math.FusedMultiplyAdd(w[0], x[0], 0) + 0.0 : 0;
            double t1 = n > 1 ? Math.FusedMultiplyAdd(w[1], x[1], 0) + 0.0 : 0;
            double t2 = n > 2 ? Math.FusedMultiplyAdd(w[2], x[2], 0) + 0.0 : 0;
            double t3 = n > 3 ? Math.FusedMultiplyAdd(w[3], x[3], 0) + 0.0 : 0;
            return bias + LaneTotal(t0, t1, t2, t3);
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
    public static double Dot(ReadOnlySpan<double> w, ReadOnlySpan<double> x, double bias)
    {
        int n = x.Length;
        if (w.Length < n)
        {
            throw new ArgumentException("The weights are fewer than the inputs.", nameof(w));
        }

        if (n < DotLanes)
        {
            return Dot(new ValuesIn(w), new ValuesIn(x), bias);
        }

        if (Vector256.IsHardwareAccelerated)
        {
            return bias + Dot256(ref MemoryMarshal.GetReference(w), ref MemoryMarshal.GetReference(x), n);
        }

        if (Vector128.IsHardwareAccelerated)
        {
            return bias + Dot128(ref MemoryMarshal.GetReference(w), ref MemoryMarshal.GetReference(x), n);
        }

        return Dot(new ValuesIn(w), new ValuesIn(x), bias);
    }

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

        // The last n mod 16 terms: whole groups of four into v0, v1, v2, then the rest into the first lanes of the next.
        int full = (int)(end - i) / 4;
        if (full > 0) { v0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, i), Vector256.LoadUnsafe(ref x, i), v0); i += 4; }
        if (full > 1) { v1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, i), Vector256.LoadUnsafe(ref x, i), v1); i += 4; }
        if (full > 2) { v2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, i), Vector256.LoadUnsafe(ref x, i), v2); i += 4; }
        if (i < end)
        {
            ref var last = ref (full == 0 ? ref v0 : ref full == 1 ? ref v1 : ref full == 2 ? ref v2 : ref v3);
            for (int lane = 0; i < end; i++, lane++)
            {
                last = last.WithElement(lane, Math.FusedMultiplyAdd(Unsafe.Add(ref w, i), Unsafe.Add(ref x, i), last.GetElement(lane)));
            }
        }

        var t = (v0 + v1) + (v2 + v3);
        return LaneTotal(t.GetElement(0), t.GetElement(1), t.GetElement(2), t.GetElement(3));
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
        dw = Math.FusedMultiplyAdd(x, dy, dw); // d(Σ wⱼxⱼ + b)/dwᵢ = xᵢ
        dx = Math.FusedMultiplyAdd(w, dy, dx); // d(Σ wⱼxⱼ + b)/dxᵢ = wᵢ
    }

    /// <summary>The backward rule of a dot product's bias.</summary>
    public static void BiasBackward(double dy, ref double db)
    {
        db += dy; // d(Σ wⱼxⱼ + b)/db = 1
    }

    /// <summary>
    /// g[k] += v[k]·dy for every k, each with a single rounding: half of a dot product's backward rule on runs of
    /// consecutive numbers (the weights' gradients take the inputs' values and the other way round), with the vector
    /// units where the processor has them. Every element is computed as <see cref="DotTermBackward"/> computes it.
    /// </summary>
    public static void AddScaled(ReadOnlySpan<double> v, double dy, Span<double> g)
    {
        int n = v.Length;
        if (g.Length < n)
        {
            throw new ArgumentException("The gradients are fewer than the values.", nameof(g));
        }

        int i = 0;
        ref double rv = ref MemoryMarshal.GetReference(v);
        ref double rg = ref MemoryMarshal.GetReference(g);
        if (Vector256.IsHardwareAccelerated)
        {
            var d = Vector256.Create(dy);
            for (; i <= n - 4; i += 4)
            {
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref rv, (nuint)i), d, Vector256.LoadUnsafe(ref rg, (nuint)i))
                    .StoreUnsafe(ref rg, (nuint)i);
            }
        }
        else if (Vector128.IsHardwareAccelerated)
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

    /// <summary>y = Σ xᵢ, term by term from the first (0 for no terms).</summary>
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

    /// <summary>The backward rule of one term of a sum.</summary>
    public static void SumTermBackward(double dy, ref double dx)
    {
        dx += dy; // d(Σ xⱼ)/dxᵢ = 1
    }

    /// <summary>y = (Σ xᵢ)/n. Where the sum overflows but every term is finite, the mean is Σ (xᵢ/n) instead, which
    /// stays finite: the mean of two numbers near the largest double is representable even if their sum is not.</summary>
    public static double Mean<T>(scoped T terms)
        where T : IValueList, allows ref struct
    {
        int n = terms.Count;
        double sum = Sum(terms);
        if (double.IsInfinity(sum))
        {
            double scaled = 0;
            for (int i = 0; i < n; i++)
            {
                if (!double.IsFinite(terms[i]))
                {
                    return sum / n; // a term is infinite (or NaN): so is the mean
                }

                scaled += terms[i] / n;
            }

            return scaled;
        }

        return sum / n;
    }

    /// <summary>The backward rule of one term of a mean of <paramref name="n"/> terms.</summary>
    public static void MeanTermBackward(double dy, int n, ref double dx)
    {
        dx += dy / n; // d((Σ xⱼ)/n)/dxᵢ = 1/n
    }

    /// <summary>
    /// y = ln Σ e^xᵢ, as m + ln Σ e^(xᵢ − m) with m the largest term: that changes nothing mathematically and keeps every
    /// e^(xᵢ − m) in (0, 1], so nothing overflows. At least one term.
    /// </summary>
    public static double LogSumExp<T>(scoped T terms)
        where T : IValueList, allows ref struct
    {
        var (max, sum) = LogSumExpParts(terms);
        return double.IsInfinity(max) ? max : max + Math.Log(sum); // all terms −∞ (the sum is 0), or one is +∞
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
        var (max, sum) = LogSumExpParts(terms);
        int n = terms.Count;
        if (double.IsPositiveInfinity(max))
        {
            // The terms that are +∞ share the whole gradient; the others' shares vanish.
            int infinite = 0;
            for (int i = 0; i < n; i++)
            {
                infinite += double.IsPositiveInfinity(terms[i]) ? 1 : 0;
            }

            for (int i = 0; i < n; i++)
            {
                gradients.Add(i, double.IsPositiveInfinity(terms[i]) ? dy / infinite : 0);
            }

            return;
        }

        for (int i = 0; i < n; i++)
        {
            gradients.Add(i, Math.Exp(terms[i] - max) / sum * dy); // d(ln Σ e^xⱼ)/dxᵢ = e^xᵢ / Σ e^xⱼ, the softmax
        }
    }

    /// <summary>The largest term m (NaN if a term is NaN) and Σ e^(xᵢ − m).</summary>
    private static (double Max, double Sum) LogSumExpParts<T>(scoped T terms)
        where T : IValueList, allows ref struct
    {
        double max = double.NegativeInfinity;
        for (int i = 0; i < terms.Count; i++)
        {
            max = Math.Max(max, terms[i]);
        }

        if (double.IsInfinity(max))
        {
            return (max, double.NaN);
        }

        double sum = 0;
        for (int i = 0; i < terms.Count; i++)
        {
            sum += Math.Exp(terms[i] - max);
        }

        return (max, sum);
    }
}
