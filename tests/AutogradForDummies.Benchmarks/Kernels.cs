using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// The loops of <see cref="HandWrittenStep"/>, on the processor's vector units: 4-wide (256-bit) vectors with fused
/// multiply-adds where the processor has them, several independent running sums in the dot products, and four rows per
/// sweep where a layer's neurons share their inputs, so that a step is limited by the arithmetic and the memory, not by
/// the code.
/// </summary>
/// <remarks>Every loop ends with a plain loop over the last few elements, so any length works. Where the processor has
/// only 2-wide vectors, <see cref="Dot"/> and <see cref="AddScaledPair"/> use them and the other loops run plain.</remarks>
internal static class Kernels
{
    /// <summary>Σ a[k]·b[k] over the length of <paramref name="a"/>, with sixteen running sums (four 4-wide vectors).</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length;
        CheckLength(b.Length, n, nameof(b));
        ref double ra = ref MemoryMarshal.GetReference(a);
        ref double rb = ref MemoryMarshal.GetReference(b);
        nuint i = 0;
        nuint end = (nuint)n;
        double sum = 0;
        if (Vector256.IsHardwareAccelerated && n >= 4)
        {
            Vector256<double> s0 = default, s1 = default, s2 = default, s3 = default;
            for (; i + 16 <= end; i += 16)
            {
                s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref ra, i), Vector256.LoadUnsafe(ref rb, i), s0);
                s1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref ra, i + 4), Vector256.LoadUnsafe(ref rb, i + 4), s1);
                s2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref ra, i + 8), Vector256.LoadUnsafe(ref rb, i + 8), s2);
                s3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref ra, i + 12), Vector256.LoadUnsafe(ref rb, i + 12), s3);
            }

            for (; i + 4 <= end; i += 4)
            {
                s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref ra, i), Vector256.LoadUnsafe(ref rb, i), s0);
            }

            sum = Vector256.Sum((s0 + s1) + (s2 + s3));
        }
        else if (Vector128.IsHardwareAccelerated && n >= 2)
        {
            Vector128<double> s0 = default, s1 = default, s2 = default, s3 = default;
            for (; i + 8 <= end; i += 8)
            {
                s0 = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref ra, i), Vector128.LoadUnsafe(ref rb, i), s0);
                s1 = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref ra, i + 2), Vector128.LoadUnsafe(ref rb, i + 2), s1);
                s2 = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref ra, i + 4), Vector128.LoadUnsafe(ref rb, i + 4), s2);
                s3 = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref ra, i + 6), Vector128.LoadUnsafe(ref rb, i + 6), s3);
            }

            for (; i + 2 <= end; i += 2)
            {
                s0 = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref ra, i), Vector128.LoadUnsafe(ref rb, i), s0);
            }

            sum = Vector128.Sum((s0 + s1) + (s2 + s3));
        }

        for (; i < end; i++)
        {
            sum = Math.FusedMultiplyAdd(Unsafe.Add(ref ra, i), Unsafe.Add(ref rb, i), sum);
        }

        return sum;
    }

    /// <summary>
    /// Four dot products with the same <paramref name="x"/>, <c>r_k = Σ a_k[i]·x[i]</c>, in one sweep that loads each
    /// element of <paramref name="x"/> once for the four rows.
    /// </summary>
    public static (double R0, double R1, double R2, double R3) Dot4(
        ReadOnlySpan<double> a0, ReadOnlySpan<double> a1, ReadOnlySpan<double> a2, ReadOnlySpan<double> a3, ReadOnlySpan<double> x)
    {
        int n = x.Length;
        CheckLength(a0.Length, n, nameof(a0));
        CheckLength(a1.Length, n, nameof(a1));
        CheckLength(a2.Length, n, nameof(a2));
        CheckLength(a3.Length, n, nameof(a3));
        ref double r0 = ref MemoryMarshal.GetReference(a0);
        ref double r1 = ref MemoryMarshal.GetReference(a1);
        ref double r2 = ref MemoryMarshal.GetReference(a2);
        ref double r3 = ref MemoryMarshal.GetReference(a3);
        ref double rx = ref MemoryMarshal.GetReference(x);
        nuint i = 0;
        nuint end = (nuint)n;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (Vector256.IsHardwareAccelerated && n >= 4)
        {
            Vector256<double> v0 = default, v1 = default, v2 = default, v3 = default;
            Vector256<double> w0 = default, w1 = default, w2 = default, w3 = default;
            for (; i + 8 <= end; i += 8)
            {
                var xa = Vector256.LoadUnsafe(ref rx, i);
                var xb = Vector256.LoadUnsafe(ref rx, i + 4);
                v0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r0, i), xa, v0);
                v1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r1, i), xa, v1);
                v2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r2, i), xa, v2);
                v3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r3, i), xa, v3);
                w0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r0, i + 4), xb, w0);
                w1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r1, i + 4), xb, w1);
                w2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r2, i + 4), xb, w2);
                w3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r3, i + 4), xb, w3);
            }

            for (; i + 4 <= end; i += 4)
            {
                var xa = Vector256.LoadUnsafe(ref rx, i);
                v0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r0, i), xa, v0);
                v1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r1, i), xa, v1);
                v2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r2, i), xa, v2);
                v3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r3, i), xa, v3);
            }

            s0 = Vector256.Sum(v0 + w0);
            s1 = Vector256.Sum(v1 + w1);
            s2 = Vector256.Sum(v2 + w2);
            s3 = Vector256.Sum(v3 + w3);
        }

        for (; i < end; i++)
        {
            double xi = Unsafe.Add(ref rx, i);
            s0 = Math.FusedMultiplyAdd(Unsafe.Add(ref r0, i), xi, s0);
            s1 = Math.FusedMultiplyAdd(Unsafe.Add(ref r1, i), xi, s1);
            s2 = Math.FusedMultiplyAdd(Unsafe.Add(ref r2, i), xi, s2);
            s3 = Math.FusedMultiplyAdd(Unsafe.Add(ref r3, i), xi, s3);
        }

        return (s0, s1, s2, s3);
    }

    /// <summary>
    /// The backward pass of one neuron of a hidden layer, both halves in one sweep: <c>gw[k] += a·x[k]</c> (its weights'
    /// gradients) and <c>gx[k] += a·w[k]</c> (its inputs' gradients), over the length of <paramref name="x"/>.
    /// </summary>
    public static void AddScaledPair(double a, ReadOnlySpan<double> x, Span<double> gw, ReadOnlySpan<double> w, Span<double> gx)
    {
        int n = x.Length;
        CheckLength(gw.Length, n, nameof(gw));
        CheckLength(w.Length, n, nameof(w));
        CheckLength(gx.Length, n, nameof(gx));
        ref double rx = ref MemoryMarshal.GetReference(x);
        ref double rgw = ref MemoryMarshal.GetReference(gw);
        ref double rw = ref MemoryMarshal.GetReference(w);
        ref double rgx = ref MemoryMarshal.GetReference(gx);
        nuint i = 0;
        nuint end = (nuint)n;
        if (Vector256.IsHardwareAccelerated)
        {
            var va = Vector256.Create(a);
            for (; i + 8 <= end; i += 8)
            {
                var gw0 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref rx, i), Vector256.LoadUnsafe(ref rgw, i));
                var gw1 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref rx, i + 4), Vector256.LoadUnsafe(ref rgw, i + 4));
                var gx0 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref rw, i), Vector256.LoadUnsafe(ref rgx, i));
                var gx1 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref rw, i + 4), Vector256.LoadUnsafe(ref rgx, i + 4));
                gw0.StoreUnsafe(ref rgw, i);
                gw1.StoreUnsafe(ref rgw, i + 4);
                gx0.StoreUnsafe(ref rgx, i);
                gx1.StoreUnsafe(ref rgx, i + 4);
            }

            for (; i + 4 <= end; i += 4)
            {
                Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref rx, i), Vector256.LoadUnsafe(ref rgw, i)).StoreUnsafe(ref rgw, i);
                Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref rw, i), Vector256.LoadUnsafe(ref rgx, i)).StoreUnsafe(ref rgx, i);
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            var va = Vector128.Create(a);
            for (; i + 2 <= end; i += 2)
            {
                Vector128.FusedMultiplyAdd(va, Vector128.LoadUnsafe(ref rx, i), Vector128.LoadUnsafe(ref rgw, i)).StoreUnsafe(ref rgw, i);
                Vector128.FusedMultiplyAdd(va, Vector128.LoadUnsafe(ref rw, i), Vector128.LoadUnsafe(ref rgx, i)).StoreUnsafe(ref rgx, i);
            }
        }

        for (; i < end; i++)
        {
            Unsafe.Add(ref rgw, i) = Math.FusedMultiplyAdd(a, Unsafe.Add(ref rx, i), Unsafe.Add(ref rgw, i));
            Unsafe.Add(ref rgx, i) = Math.FusedMultiplyAdd(a, Unsafe.Add(ref rw, i), Unsafe.Add(ref rgx, i));
        }
    }

    /// <summary>
    /// <see cref="AddScaledPair"/> for four neurons of the same layer at once: <c>gw_k[i] += a_k·x[i]</c> for each, and
    /// <c>gx[i] += Σ_k a_k·w_k[i]</c>, loading and storing each element of <paramref name="gx"/> once for the four.
    /// </summary>
    public static void AddScaledPair4(
        double a0, double a1, double a2, double a3, ReadOnlySpan<double> x,
        Span<double> gw0, Span<double> gw1, Span<double> gw2, Span<double> gw3,
        ReadOnlySpan<double> w0, ReadOnlySpan<double> w1, ReadOnlySpan<double> w2, ReadOnlySpan<double> w3, Span<double> gx)
    {
        int n = x.Length;
        CheckLength(Math.Min(Math.Min(gw0.Length, gw1.Length), Math.Min(gw2.Length, gw3.Length)), n, nameof(gw0));
        CheckLength(Math.Min(Math.Min(w0.Length, w1.Length), Math.Min(w2.Length, w3.Length)), n, nameof(w0));
        CheckLength(gx.Length, n, nameof(gx));
        ref double rx = ref MemoryMarshal.GetReference(x);
        ref double rg0 = ref MemoryMarshal.GetReference(gw0);
        ref double rg1 = ref MemoryMarshal.GetReference(gw1);
        ref double rg2 = ref MemoryMarshal.GetReference(gw2);
        ref double rg3 = ref MemoryMarshal.GetReference(gw3);
        ref double rw0 = ref MemoryMarshal.GetReference(w0);
        ref double rw1 = ref MemoryMarshal.GetReference(w1);
        ref double rw2 = ref MemoryMarshal.GetReference(w2);
        ref double rw3 = ref MemoryMarshal.GetReference(w3);
        ref double rgx = ref MemoryMarshal.GetReference(gx);
        nuint i = 0;
        nuint end = (nuint)n;
        if (Vector256.IsHardwareAccelerated)
        {
            var v0 = Vector256.Create(a0);
            var v1 = Vector256.Create(a1);
            var v2 = Vector256.Create(a2);
            var v3 = Vector256.Create(a3);
            for (; i + 4 <= end; i += 4)
            {
                var vx = Vector256.LoadUnsafe(ref rx, i);
                Vector256.FusedMultiplyAdd(v0, vx, Vector256.LoadUnsafe(ref rg0, i)).StoreUnsafe(ref rg0, i);
                Vector256.FusedMultiplyAdd(v1, vx, Vector256.LoadUnsafe(ref rg1, i)).StoreUnsafe(ref rg1, i);
                Vector256.FusedMultiplyAdd(v2, vx, Vector256.LoadUnsafe(ref rg2, i)).StoreUnsafe(ref rg2, i);
                Vector256.FusedMultiplyAdd(v3, vx, Vector256.LoadUnsafe(ref rg3, i)).StoreUnsafe(ref rg3, i);
                var g = Vector256.FusedMultiplyAdd(v0, Vector256.LoadUnsafe(ref rw0, i), Vector256.LoadUnsafe(ref rgx, i));
                g = Vector256.FusedMultiplyAdd(v1, Vector256.LoadUnsafe(ref rw1, i), g);
                g = Vector256.FusedMultiplyAdd(v2, Vector256.LoadUnsafe(ref rw2, i), g);
                Vector256.FusedMultiplyAdd(v3, Vector256.LoadUnsafe(ref rw3, i), g).StoreUnsafe(ref rgx, i);
            }
        }

        for (; i < end; i++)
        {
            double xi = Unsafe.Add(ref rx, i);
            Unsafe.Add(ref rg0, i) = Math.FusedMultiplyAdd(a0, xi, Unsafe.Add(ref rg0, i));
            Unsafe.Add(ref rg1, i) = Math.FusedMultiplyAdd(a1, xi, Unsafe.Add(ref rg1, i));
            Unsafe.Add(ref rg2, i) = Math.FusedMultiplyAdd(a2, xi, Unsafe.Add(ref rg2, i));
            Unsafe.Add(ref rg3, i) = Math.FusedMultiplyAdd(a3, xi, Unsafe.Add(ref rg3, i));
            double g = Math.FusedMultiplyAdd(a0, Unsafe.Add(ref rw0, i), Unsafe.Add(ref rgx, i));
            g = Math.FusedMultiplyAdd(a1, Unsafe.Add(ref rw1, i), g);
            g = Math.FusedMultiplyAdd(a2, Unsafe.Add(ref rw2, i), g);
            Unsafe.Add(ref rgx, i) = Math.FusedMultiplyAdd(a3, Unsafe.Add(ref rw3, i), g);
        }
    }

    /// <summary>
    /// The first hidden layer of a network with two inputs, forward: <c>h[j] = relu((wa[j]·x0 + wb[j]·x1) + b[j])</c>,
    /// the sum in the order the library's dot product adds two terms and a bias.
    /// </summary>
    public static void FirstLayerForward(ReadOnlySpan<double> wa, ReadOnlySpan<double> wb, ReadOnlySpan<double> b, double x0, double x1, Span<double> h)
    {
        int n = h.Length;
        CheckLength(wa.Length, n, nameof(wa));
        CheckLength(wb.Length, n, nameof(wb));
        CheckLength(b.Length, n, nameof(b));
        ref double rwa = ref MemoryMarshal.GetReference(wa);
        ref double rwb = ref MemoryMarshal.GetReference(wb);
        ref double rb = ref MemoryMarshal.GetReference(b);
        ref double rh = ref MemoryMarshal.GetReference(h);
        nuint j = 0;
        nuint end = (nuint)n;
        if (Vector256.IsHardwareAccelerated)
        {
            var v0 = Vector256.Create(x0);
            var v1 = Vector256.Create(x1);
            for (; j + 4 <= end; j += 4)
            {
                var z = ((Vector256.LoadUnsafe(ref rwa, j) * v0) + (Vector256.LoadUnsafe(ref rwb, j) * v1)) + Vector256.LoadUnsafe(ref rb, j);
                Vector256.Max(z, Vector256<double>.Zero).StoreUnsafe(ref rh, j);
            }
        }

        for (; j < end; j++)
        {
            double z = ((Unsafe.Add(ref rwa, j) * x0) + (Unsafe.Add(ref rwb, j) * x1)) + Unsafe.Add(ref rb, j);
            Unsafe.Add(ref rh, j) = z > 0 ? z : 0;
        }
    }

    /// <summary>
    /// The output neuron's backward pass, for a score whose gradient is <paramref name="d"/>: <c>gw[j] += d·h[j]</c>,
    /// and the gradient reaching each unit of the last hidden layer through its ReLU, <c>dz[j] = h[j] > 0 ? d·w[j] : 0</c>.
    /// </summary>
    public static void OutputBackward(double d, ReadOnlySpan<double> h, ReadOnlySpan<double> w, Span<double> gw, Span<double> dz)
    {
        int n = h.Length;
        CheckLength(w.Length, n, nameof(w));
        CheckLength(gw.Length, n, nameof(gw));
        CheckLength(dz.Length, n, nameof(dz));
        ref double rh = ref MemoryMarshal.GetReference(h);
        ref double rw = ref MemoryMarshal.GetReference(w);
        ref double rgw = ref MemoryMarshal.GetReference(gw);
        ref double rdz = ref MemoryMarshal.GetReference(dz);
        nuint j = 0;
        nuint end = (nuint)n;
        if (Vector256.IsHardwareAccelerated)
        {
            var vd = Vector256.Create(d);
            for (; j + 4 <= end; j += 4)
            {
                var vh = Vector256.LoadUnsafe(ref rh, j);
                Vector256.FusedMultiplyAdd(vd, vh, Vector256.LoadUnsafe(ref rgw, j)).StoreUnsafe(ref rgw, j);
                var on = Vector256.GreaterThan(vh, Vector256<double>.Zero);
                Vector256.ConditionalSelect(on, vd * Vector256.LoadUnsafe(ref rw, j), Vector256<double>.Zero).StoreUnsafe(ref rdz, j);
            }
        }

        for (; j < end; j++)
        {
            double hj = Unsafe.Add(ref rh, j);
            Unsafe.Add(ref rgw, j) = Math.FusedMultiplyAdd(d, hj, Unsafe.Add(ref rgw, j));
            Unsafe.Add(ref rdz, j) = hj > 0 ? d * Unsafe.Add(ref rw, j) : 0;
        }
    }

    /// <summary>
    /// The first hidden layer's backward pass: with <c>dz[j] = h[j] > 0 ? dh[j] : 0</c> (through the ReLU),
    /// <c>gb[j] += dz[j]</c>, <c>gwa[j] += dz[j]·x0</c> and <c>gwb[j] += dz[j]·x1</c>.
    /// </summary>
    public static void FirstLayerBackward(
        ReadOnlySpan<double> h, ReadOnlySpan<double> dh, double x0, double x1, Span<double> gwa, Span<double> gwb, Span<double> gb)
    {
        int n = h.Length;
        CheckLength(dh.Length, n, nameof(dh));
        CheckLength(gwa.Length, n, nameof(gwa));
        CheckLength(gwb.Length, n, nameof(gwb));
        CheckLength(gb.Length, n, nameof(gb));
        ref double rh = ref MemoryMarshal.GetReference(h);
        ref double rdh = ref MemoryMarshal.GetReference(dh);
        ref double rgwa = ref MemoryMarshal.GetReference(gwa);
        ref double rgwb = ref MemoryMarshal.GetReference(gwb);
        ref double rgb = ref MemoryMarshal.GetReference(gb);
        nuint j = 0;
        nuint end = (nuint)n;
        if (Vector256.IsHardwareAccelerated)
        {
            var v0 = Vector256.Create(x0);
            var v1 = Vector256.Create(x1);
            for (; j + 4 <= end; j += 4)
            {
                var on = Vector256.GreaterThan(Vector256.LoadUnsafe(ref rh, j), Vector256<double>.Zero);
                var dz = Vector256.ConditionalSelect(on, Vector256.LoadUnsafe(ref rdh, j), Vector256<double>.Zero);
                (Vector256.LoadUnsafe(ref rgb, j) + dz).StoreUnsafe(ref rgb, j);
                Vector256.FusedMultiplyAdd(dz, v0, Vector256.LoadUnsafe(ref rgwa, j)).StoreUnsafe(ref rgwa, j);
                Vector256.FusedMultiplyAdd(dz, v1, Vector256.LoadUnsafe(ref rgwb, j)).StoreUnsafe(ref rgwb, j);
            }
        }

        for (; j < end; j++)
        {
            double dz = Unsafe.Add(ref rh, j) > 0 ? Unsafe.Add(ref rdh, j) : 0;
            Unsafe.Add(ref rgb, j) += dz;
            Unsafe.Add(ref rgwa, j) = Math.FusedMultiplyAdd(dz, x0, Unsafe.Add(ref rgwa, j));
            Unsafe.Add(ref rgwb, j) = Math.FusedMultiplyAdd(dz, x1, Unsafe.Add(ref rgwb, j));
        }
    }

    /// <summary>The SGD update with the L2 term's gradient 2α·p added: <c>p[k] −= rate·(g[k] + 2α·p[k])</c>.</summary>
    public static void SgdUpdate(Span<double> p, ReadOnlySpan<double> g, double rate, double alpha)
    {
        int n = p.Length;
        CheckLength(g.Length, n, nameof(g));
        ref double rp = ref MemoryMarshal.GetReference(p);
        ref double rg = ref MemoryMarshal.GetReference(g);
        double twoAlpha = 2 * alpha;
        nuint k = 0;
        nuint end = (nuint)n;
        if (Vector256.IsHardwareAccelerated)
        {
            var vr = Vector256.Create(rate);
            var va = Vector256.Create(twoAlpha);
            for (; k + 4 <= end; k += 4)
            {
                var vp = Vector256.LoadUnsafe(ref rp, k);
                (vp - (vr * Vector256.FusedMultiplyAdd(va, vp, Vector256.LoadUnsafe(ref rg, k)))).StoreUnsafe(ref rp, k);
            }
        }

        for (; k < end; k++)
        {
            Unsafe.Add(ref rp, k) -= rate * Math.FusedMultiplyAdd(twoAlpha, Unsafe.Add(ref rp, k), Unsafe.Add(ref rg, k));
        }
    }

    private static void CheckLength(int length, int needed, string paramName)
    {
        if (length < needed)
        {
            throw new ArgumentException($"Holds {length} numbers; {needed} are needed.", paramName);
        }
    }
}
