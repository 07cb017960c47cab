using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AutogradForDummies;

/// <content>Runs of short dot products: a first layer on low-dimensional points, on one example, computed as one step.</content>
public sealed partial class CompiledGraph
{
    /// <summary>
    /// Marks the runs of consecutive dot products with at most <see cref="Rules.ShortDotTerms"/> inputs each on the same
    /// inputs, all with or all without a bias and with the same activation (a first layer on low-dimensional points, on
    /// one example), so that each run is computed in one step, forward and backward, instead of one instruction per
    /// neuron. Writes, for each run, the run's end at its first instruction and its start at its last into
    /// <paramref name="runs"/>, made when the first run is found; returns the longest run's length.
    /// </summary>
    /// <remarks>
    /// A neuron joins a run only where computing the run whole cannot change what any of its neurons reads: its weights
    /// and bias are leaves (parameters, which no instruction computes) and lie apart from the inputs, and its value and
    /// activation lie outside the inputs. Backward, the weights receive their neurons' terms and the inputs the neurons'
    /// terms last neuron first, as one instruction after another gives them (also where two neurons share a weight).
    /// </remarks>
    private static int GroupShortDots(Instruction[] code, bool[] isLeafSlot, ref int[]? runs)
    {
        int longest = 0;
        for (int i = 0; i < code.Length;)
        {
            int end = i + 1;
            if (CanJoin(in code[i], in code[i], isLeafSlot))
            {
                while (end < code.Length && CanJoin(in code[end], in code[i], isLeafSlot))
                {
                    end++;
                }

                if (end - i >= 2)
                {
                    MarkRun(code, i, end, DotForm.ShortRun, ref runs);
                    longest = Math.Max(longest, end - i);
                }
            }

            i = end;
        }

        return longest;

        static bool CanJoin(ref readonly Instruction c, ref readonly Instruction first, bool[] isLeafSlot)
        {
            if (c.Op != OpCode.Dot || c.Gather >= 0 || c.Count == 0 || c.Count > Rules.ShortDotTerms
                || c.B != first.B || c.Count != first.Count || c.HasBias != first.HasBias || c.Then != first.Then)
            {
                return false;
            }

            int n = c.Count, xs = c.B;
            bool Outside(int slot) => slot < xs || slot >= xs + n;
            for (int k = c.A; k < c.A + n + (c.HasBias ? 1 : 0); k++)
            {
                if (!isLeafSlot[k] || !Outside(k))
                {
                    return false;
                }
            }

            return Outside(c.Dst) && (c.Then == OpCode.Leaf || Outside(c.ThenDst));
        }
    }

    /// <summary>The forward rules of a run of short dot products, instructions <paramref name="start"/> to
    /// <paramref name="end"/> − 1 (<see cref="GroupShortDots"/>), each with the bits of one at a time: four neurons at
    /// once on the vector units where they are followed by ReLUs, one by one otherwise.</summary>
    private void ShortRunForward(int start, int end, bool everyNode)
    {
        var v = _values;
        var code = _code;
        ref readonly var first = ref code[start];
        int n = first.Count;
        var x = v.AsSpan(first.B, n);
        int i = start;
        if (first.Then == OpCode.Relu && Rules.VectorBits >= 256)
        {
            var zero = Vector256<double>.Zero;
            for (; i + 4 <= end; i += 4)
            {
                int a0 = code[i].A, a1 = code[i + 1].A, a2 = code[i + 2].A, a3 = code[i + 3].A;
                var z = Rules.ShortDot4(
                    Lanes(v, a0, a1, a2, a3, 0), n > 1 ? Lanes(v, a0, a1, a2, a3, 1) : zero,
                    n > 2 ? Lanes(v, a0, a1, a2, a3, 2) : zero, n > 3 ? Lanes(v, a0, a1, a2, a3, 3) : zero,
                    x, first.HasBias ? Lanes(v, a0, a1, a2, a3, n) : zero);
                if (!Rules.AllFinite(z))
                {
                    // An overflow to redo (Rules.Dot's fallback): one at a time.
                    for (int k = i; k < i + 4; k++)
                    {
                        Computed(k, in code[k], ShortDotOf(in code[k], x), everyNode);
                    }

                    continue;
                }

                var a = Rules.Relu.Forward4(z);
                for (int l = 0; l < 4; l++)
                {
                    // As Computed does for a dot product followed by a ReLU.
                    ref readonly var c = ref code[i + l];
                    v[c.Dst] = z[l];
                    v[c.ThenDst] = a[l];
                    if (everyNode)
                    {
                        _computes[i + l].StoreComputedData(z[l]);
                        _then[i + l]!.StoreComputedData(a[l]);
                    }
                }
            }
        }

        for (; i < end; i++)
        {
            Computed(i, in code[i], ShortDotOf(in code[i], x), everyNode);
        }
    }

    /// <summary>One dot product of a run of short ones, by the scalar rule, on the run's inputs <paramref name="x"/>.</summary>
    private double ShortDotOf(ref readonly Instruction c, ReadOnlySpan<double> x) =>
        Rules.ShortDot(_values.AsSpan(c.A, c.Count), x, c.HasBias ? _values[c.A + c.Count] : 0);

    /// <summary>
    /// The backward rules of a run of short dot products (<see cref="GroupShortDots"/>), as one at a time gives them:
    /// every neuron's gradient (four at once through their ReLUs on the vector units), then, last neuron first, each
    /// neuron's terms into its weights, its bias and the shared inputs, whose gradients stay in registers meanwhile. A
    /// neuron whose gradient is 0 passes nothing on.
    /// </summary>
    private void ShortRunBackward(int start, int end, bool everyNode)
    {
        var v = _values;
        var g = _grads;
        var code = _code;
        ref readonly var first = ref code[start];
        int n = first.Count, xs = first.B;
        var dy = _runGrads;
        int i = start;
        if (first.Then == OpCode.Relu && Rules.VectorBits >= 256)
        {
            var zero = Vector256<double>.Zero;
            for (; i + 4 <= end; i += 4)
            {
                // As GradientReaching does for a dot product followed by a ReLU, four at once.
                ref readonly var c0 = ref code[i];
                ref readonly var c1 = ref code[i + 1];
                ref readonly var c2 = ref code[i + 2];
                ref readonly var c3 = ref code[i + 3];
                var da = Vector256.Create(g[c0.ThenDst], g[c1.ThenDst], g[c2.ThenDst], g[c3.ThenDst]);
                var y = Vector256.Create(v[c0.ThenDst], v[c1.ThenDst], v[c2.ThenDst], v[c3.ThenDst]);
                var gz = Vector256.Create(g[c0.Dst], g[c1.Dst], g[c2.Dst], g[c3.Dst]);
                var d = Rules.Relu.Backward4(y, da, gz, ~Vector256.Equals(da, zero)); // only where da ≠ 0
                for (int l = 0; l < 4; l++)
                {
                    ref readonly var c = ref code[i + l];
                    dy[i - start + l] = d[l];
                    g[c.Dst] = d[l];
                    if (everyNode)
                    {
                        _then[i + l]!.Grad = da[l];
                        g[c.ThenDst] = 0;
                        _computes[i + l].Grad = d[l];
                        g[c.Dst] = 0;
                    }
                }
            }
        }

        for (; i < end; i++)
        {
            dy[i - start] = GradientReaching(i, in code[i], everyNode);
        }

        // The neurons that pass a gradient on, last first (no branch on each one's gradient).
        var active = _runActive;
        int count = 0;
        for (int m = end - start - 1; m >= 0; m--)
        {
            active[count] = m;
            count += dy[m] != 0 ? 1 : 0;
        }

        // The inputs' gradients stay in registers while the neurons pass; each neuron's terms come in the order of
        // Rules.DotTermBackward (d/dwₖ = xₖ, d/dxₖ = wₖ), so each gradient gets the bits of one at a time.
        double x0 = v[xs], x1 = n > 1 ? v[xs + 1] : 0, x2 = n > 2 ? v[xs + 2] : 0, x3 = n > 3 ? v[xs + 3] : 0;
        double gx0 = g[xs], gx1 = n > 1 ? g[xs + 1] : 0, gx2 = n > 2 ? g[xs + 2] : 0, gx3 = n > 3 ? g[xs + 3] : 0;
        for (int k = 0; k < count; k++)
        {
            int m = active[k];
            double d = dy[m];
            int w = code[start + m].A;
            Rules.DotTermBackward(v[w], x0, d, ref g[w], ref gx0);
            if (n > 1)
            {
                Rules.DotTermBackward(v[w + 1], x1, d, ref g[w + 1], ref gx1);
            }

            if (n > 2)
            {
                Rules.DotTermBackward(v[w + 2], x2, d, ref g[w + 2], ref gx2);
            }

            if (n > 3)
            {
                Rules.DotTermBackward(v[w + 3], x3, d, ref g[w + 3], ref gx3);
            }

            if (first.HasBias)
            {
                Rules.BiasBackward(d, ref g[w + n]);
            }
        }

        g[xs] = gx0;
        if (n > 1)
        {
            g[xs + 1] = gx1;
        }

        if (n > 2)
        {
            g[xs + 2] = gx2;
        }

        if (n > 3)
        {
            g[xs + 3] = gx3;
        }
    }

    /// <summary>Four values of the array, one from each of four runs, at <paramref name="offset"/> into each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Lanes(double[] values, int a0, int a1, int a2, int a3, int offset) =>
        Vector256.Create(values[a0 + offset], values[a1 + offset], values[a2 + offset], values[a3 + offset]);
}
