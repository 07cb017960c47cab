using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AutogradForDummies;

/// <content>Layer runs: the neurons of a layer on one example, computed together.</content>
public sealed partial class CompiledGraph
{
    /// <summary>
    /// Marks the layer runs: consecutive dot products over the same run of inputs (the neurons of a layer, on one
    /// example), so that forward two neurons share each sweep over the inputs (four with 512-bit vectors) and backward
    /// the neurons that pass a gradient on share one sweep, whichever they are. Each keeps its own order of additions,
    /// so the numbers are those of one instruction after another. Writes each run's end at its first instruction into
    /// <paramref name="runs"/>, made when the first run is found; returns the longest run's length.
    /// </summary>
    /// <remarks>
    /// A run is formed only where that cannot change what any of its neurons reads or writes: the weights' runs (each
    /// with its bias) lie apart from each other and from the inputs, and no neuron's value or activation lies among the
    /// weights or the inputs. Then, backward, each neuron's weights receive only its own terms, and nothing a neuron
    /// writes is read by another's gradient. Where the whole stretch of such dot products does not qualify (a weight that
    /// is another neuron's value, two neurons sharing weights), neighbours that do are paired as runs of two. Dot
    /// products in runs of short ones (<see cref="GroupShortDots"/>) are left to those.
    /// </remarks>
    private static int GroupLayers(Instruction[] code, ref int[]? runs)
    {
        int longest = 0;
        for (int i = 0; i < code.Length;)
        {
            int end = i + 1;
            if (CanJoin(in code[i], in code[i]))
            {
                while (end < code.Length && CanJoin(in code[end], in code[i]))
                {
                    end++;
                }

                if (end - i >= 2 && IsSafe(code, i, end))
                {
                    MarkRun(code, i, end, DotForm.LayerRun, ref runs);
                    longest = Math.Max(longest, end - i);
                }
                else
                {
                    for (int k = i; k + 1 < end; k++)
                    {
                        if (IsSafe(code, k, k + 2))
                        {
                            MarkRun(code, k, k + 2, DotForm.LayerRun, ref runs);
                            longest = Math.Max(longest, 2);
                            k++;
                        }
                    }
                }
            }

            i = end;
        }

        return longest;

        static bool CanJoin(ref readonly Instruction c, ref readonly Instruction first) =>
            c.Op == OpCode.Dot && c.Gather < 0 && c.Count > 0 && !c.InShortRun
            && c.B == first.B && c.Count == first.Count;

        static bool IsSafe(Instruction[] code, int start, int end)
        {
            int n = code[start].Count, xs = code[start].B;
            var weights = new int[end - start];  // where each one's weights start, in order
            var weightsEnd = new int[end - start]; // and end, its bias included
            for (int k = 0; k < weights.Length; k++)
            {
                ref readonly var c = ref code[start + k];
                weights[k] = c.A;
                weightsEnd[k] = c.A + n + (c.HasBias ? 1 : 0);
            }

            Array.Sort(weights, weightsEnd);
            for (int k = 0; k < weights.Length; k++)
            {
                bool apartFromPrevious = k == 0 || weights[k] >= weightsEnd[k - 1];
                bool apartFromInputs = weightsEnd[k] <= xs || xs + n <= weights[k];
                if (!apartFromPrevious || !apartFromInputs)
                {
                    return false;
                }
            }

            bool Outside(int slot)
            {
                if (slot >= xs && slot < xs + n)
                {
                    return false;
                }

                int k = Array.BinarySearch(weights, slot);
                k = k >= 0 ? k : ~k - 1; // the last weights' run that starts at or before the slot
                return k < 0 || slot >= weightsEnd[k];
            }

            for (int k = start; k < end; k++)
            {
                if (!Outside(code[k].Dst) || (code[k].Then != OpCode.Leaf && !Outside(code[k].ThenDst)))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Lists the layer runs (<see cref="GroupLayers"/>) in the order of the code, each with its lanes where its
    /// ReLUs' numbers lie in them (<see cref="LaneStep"/>), and with where its weights start and their step from one
    /// neuron to the next where that step is the same throughout (as a layer's parameters are laid out), so that a pass
    /// finds every neuron's weights without reading its instruction.</summary>
    private static Run[] LayOutLayerRuns(Instruction[] code, int[]? runs)
    {
        var list = new List<Run>();
        for (int i = 0; runs is not null && i < code.Length; i++)
        {
            if (code[i].InLayerRun)
            {
                var run = new Run(i, runs[i]).WithLanes(code);
                int step = code[i + 1].A - code[i].A;
                bool strided = true;
                for (int m = i; m < run.End; m++)
                {
                    strided &= code[m].A == code[i].A + ((m - i) * step) && code[m].HasBias == code[i].HasBias;
                }

                list.Add(strided ? run with { FirstWeightSlot = code[i].A, WeightStep = step, HasBias = code[i].HasBias } : run);
                i = runs[i] - 1;
            }
        }

        return [.. list];
    }

    /// <summary>The forward rules of a layer run, <paramref name="run"/> (<see cref="GroupLayers"/>): four neurons at a
    /// time in one sweep over their inputs where the processor has 512-bit vectors, two at a time otherwise
    /// (<see cref="Rules.Dot4(ReadOnlySpan{double}, double, ReadOnlySpan{double}, double, ReadOnlySpan{double}, double, ReadOnlySpan{double}, double, ReadOnlySpan{double})"/>),
    /// each in its own order of additions, so each gets the bits of one at a time; where the run's numbers lie in lanes,
    /// four neurons' ReLUs at once, their values and activations stored as vectors.</summary>
    private void LayerRunForward(ref readonly Run run, bool everyNode)
    {
        if (!everyNode && run.InLanes && run.WeightStep != 0 && (run.End - run.Start) % 4 == 0)
        {
            LayerRunForwardInLanes(in run);
            return;
        }

        int start = run.Start, end = run.End;
        var v = _values;
        var code = _code;
        ref readonly var first = ref code[start];
        int n = first.Count;
        var x = v.AsSpan(first.B, n);
        int i = start;
        for (; i + 3 < end; i += 4)
        {
            var (a0, b0) = WeightsOf(in run, code, i);
            var (a1, b1) = WeightsOf(in run, code, i + 1);
            var (a2, b2) = WeightsOf(in run, code, i + 2);
            var (a3, b3) = WeightsOf(in run, code, i + 3);
            var y = Rules.Dot4Lanes(
                v.AsSpan(a0, n), b0 ? v[a0 + n] : 0, v.AsSpan(a1, n), b1 ? v[a1 + n] : 0,
                v.AsSpan(a2, n), b2 ? v[a2 + n] : 0, v.AsSpan(a3, n), b3 ? v[a3 + n] : 0, x, Rules.VectorBits);
            if (run.InLanes)
            {
                // As Computed does for a dot product followed by a ReLU, four at once: lanes i − start to i − start + 3,
                // or, last first, the four lanes that end at end − 1 − (i − start).
                int lane = run.Descending ? end - 4 - i : i - start;
                var z = run.Descending ? Vector256.Shuffle(y, Vector256.Create(3L, 2, 1, 0)) : y;
                ComputedLanes(in run, lane, z, everyNode);

                continue;
            }

            Computed(i, in code[i], y.GetElement(0), everyNode);
            Computed(i + 1, in code[i + 1], y.GetElement(1), everyNode);
            Computed(i + 2, in code[i + 2], y.GetElement(2), everyNode);
            Computed(i + 3, in code[i + 3], y.GetElement(3), everyNode);
        }

        if (i + 1 < end)
        {
            ref readonly var c = ref code[i];
            ref readonly var d = ref code[i + 1];
            var (y0, y1) = Rules.Dot2(v.AsSpan(c.A, n), c.HasBias ? v[c.A + n] : 0, v.AsSpan(d.A, n), d.HasBias ? v[d.A + n] : 0, x);
            Computed(i, in c, y0, everyNode);
            Computed(i + 1, in d, y1, everyNode);
            i += 2;
        }

        if (i < end)
        {
            ref readonly var c = ref code[i];
            Computed(i, in c, Operations.Visit<Evaluate, double>(c.Op, new Evaluate(this, in c)), everyNode);
        }
    }

    /// <summary><see cref="LayerRunForward"/> for a run whose numbers lie in lanes, a multiple of four of them, and
    /// whose weights start a step apart (a layer's neurons, laid out by <c>SlotLayout</c>), without updating the graph's
    /// Scalars: the same rules in the same order, with nothing read from the instructions.</summary>
    private void LayerRunForwardInLanes(ref readonly Run run)
    {
        var v = _values;
        ref readonly var first = ref _code[run.Start];
        int n = first.Count, count = run.End - run.Start, step = run.WeightStep;
        var x = v.AsSpan(first.B, n);
        bool bias = run.HasBias, descending = run.Descending;
        int apart = Math.Abs(step);
        bool reversed = descending != step < 0; // whether the rows' order is the opposite of the lanes'
        for (int q = 0, a = run.FirstWeightSlot; q < count; q += 4, a += 4 * step)
        {
            // The four neurons' rows from the lowest slot up (the weights of a layer run can lie last neuron first).
            int low = step < 0 ? a + (3 * step) : a;
            var b = bias ? Vector256.Create(v[low + n], v[low + apart + n], v[low + (2 * apart) + n], v[low + (3 * apart) + n]) : default;
            var y = Rules.Dot4Rows(v.AsSpan(low), apart, b, x, Rules.VectorBits);

            // Into lanes q to q + 3, or, last first, the four lanes that end at count − 1 − q.
            int lane = descending ? count - 4 - q : q;
            ComputedLanes(in run, lane, reversed ? Vector256.Shuffle(y, Vector256.Create(3L, 2, 1, 0)) : y, everyNode: false);
        }
    }

    /// <summary>
    /// The backward rules of a layer run, <paramref name="run"/> (<see cref="GroupLayers"/>): every neuron's gradient
    /// (four at once through their ReLUs where the run's numbers lie in lanes), then the neurons that pass one on, all in
    /// one sweep over the shared inputs (<see cref="Rules.AddScaledRows"/>), whose gradients stay in registers while the
    /// neurons pass: the inputs receive the neurons' terms last neuron first, as one instruction after another gives
    /// them. A neuron whose gradient is 0 passes nothing on.
    /// </summary>
    private void LayerRunBackward(ref readonly Run run, bool everyNode)
    {
        int start = run.Start, end = run.End;
        var code = _code;
        var dy = _runGrads;
        var starts = _runStarts;
        ref readonly var first = ref code[start];
        int n = first.Count;
        var g = _grads.AsSpan();
        var active = _runActive;
        int count = 0;
        if (run.InLanes && run.WeightStep != 0)
        {
            // Lanes and weights a step apart (a layer's neurons, laid out by SlotLayout): neither the gradients nor the
            // weights need an instruction read.
            GradientsReachingLanes(in run, _runLanes, everyNode);
            count = Passing(in run, _runLanes, dy, starts);
        }
        else
        {
            if (run.InLanes)
            {
                var lanes = _runLanes;
                GradientsReachingLanes(in run, lanes, everyNode);
                for (int m = end - start - 1; m >= 0; m--)
                {
                    // Last neuron first (no branch on each gradient: a 0 is written and then written over).
                    dy[count] = lanes[run.Descending ? end - start - 1 - m : m];
                    active[count] = start + m;
                    count += dy[count] != 0 ? 1 : 0;
                }
            }
            else
            {
                for (int i = end - 1; i >= start; i--)
                {
                    dy[count] = GradientReaching(i, in code[i], everyNode);
                    active[count] = i;
                    count += dy[count] != 0 ? 1 : 0;
                }
            }

            for (int k = 0; k < count; k++)
            {
                starts[k] = WeightsOf(in run, code, active[k]).A;
            }
        }

        // The neurons that pass a gradient on, in that order, in one sweep over the inputs (Rules.AddScaledRows), then
        // their biases (all or none of them where the weights start a step apart, when Passing lists no instructions).
        Rules.AddScaledRows(_values.AsSpan(first.B, n), g.Slice(first.B, n), _values, g, starts.AsSpan(0, count), dy.AsSpan(0, count), Rules.VectorBits);
        for (int k = 0; k < count; k++)
        {
            if (run.WeightStep != 0 ? run.HasBias : code[active[k]].HasBias)
            {
                Rules.BiasBackward(dy[k], ref g[starts[k] + n]);
            }
        }
    }

    /// <summary>The neurons of <paramref name="run"/>, whose numbers lie in lanes and whose weights start a fixed step
    /// apart, that pass a gradient on: last neuron first, each one's gradient (by lane, in
    /// <paramref name="lanes"/>) into <paramref name="dy"/> and where its weights start into <paramref name="starts"/>.
    /// Returns how many.</summary>
    private static int Passing(ref readonly Run run, ReadOnlySpan<double> lanes, Span<double> dy, Span<int> starts)
    {
        int count = 0, last = run.End - run.Start - 1, step = run.WeightStep;
        int weights = run.FirstWeightSlot + (last * step);
        int m = last;
        if (run.Descending && Avx512F.VL.IsSupported)
        {
            // Lanes run last neuron first: four at a time, those that pass one on packed to the front of the vector,
            // which is stored whole and counted (it fits: the count is at most the lanes done, l).
            var apart = Vector256.Create(0L, 1, 2, 3) * step;
            for (; m >= 3; m -= 4, weights -= 4 * step)
            {
                int l = last - m; // the lane of neuron m
                var d = Vector256.Create(lanes[l..]);
                var passes = ~Vector256.Equals(d, Vector256<double>.Zero);
                Avx512F.VL.Compress(d, passes, d).CopyTo(dy[count..]);
                count = PackLanes(passes, Vector256.Create((long)weights) - apart, starts, count);
            }
        }

        for (; m >= 0; m--, weights -= step)
        {
            // No branch on each gradient: a 0 is written and then written over.
            double d = lanes[run.Descending ? last - m : m];
            dy[count] = d;
            starts[count] = weights;
            count += d != 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// <see cref="GradientReaching"/> for every neuron of a run whose numbers lie in lanes (<see cref="LaneStep"/>),
    /// four at once through their ReLUs: writes lane l's gradient into <paramref name="lanes"/>[l].
    /// </summary>
    private void GradientsReachingLanes(ref readonly Run run, double[] lanes, bool everyNode)
    {
        var v = _values;
        var g = _grads;
        var zero = Vector256<double>.Zero;
        int count = run.End - run.Start, l = 0;
        for (; l + 4 <= count; l += 4)
        {
            var d = LaneGradients(v, g, in run, l);
            d.CopyTo(lanes.AsSpan(l));
            if (everyNode)
            {
                // Into the graph's Scalars, and the slots' gradients back to 0 for the next pass.
                var da = Vector256.Create(g.AsSpan(run.Activations + l));
                for (int k = 0; k < 4; k++)
                {
                    _then[run.Member(l + k)]!.Grad = da[k];
                    _computes[run.Member(l + k)].Grad = d[k];
                }

                zero.CopyTo(g.AsSpan(run.Activations + l));
                zero.CopyTo(g.AsSpan(run.Values + l));
            }
        }

        for (; l < count; l++)
        {
            int i = run.Member(l);
            lanes[l] = GradientReaching(i, in _code[i], everyNode);
        }
    }

    /// <summary>The gradients of the four neurons in lanes <paramref name="l"/> to <paramref name="l"/> + 3 of
    /// <paramref name="run"/>, through their ReLUs (only where an activation's gradient is not 0), stored in their value
    /// slots' gradients and returned: <see cref="GradientReaching"/> four at once, without updating the graph's
    /// Scalars.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> LaneGradients(double[] values, double[] grads, ref readonly Run run, int l)
    {
        var da = Vector256.Create(grads.AsSpan(run.Activations + l));
        var y = Vector256.Create(values.AsSpan(run.Activations + l));
        var gz = Vector256.Create(grads.AsSpan(run.Values + l));
        var d = Rules.Relu.Backward4(y, da, gz, ~Vector256.Equals(da, Vector256<double>.Zero));
        d.CopyTo(grads.AsSpan(run.Values + l));
        return d;
    }

    /// <summary>Where the weights of instruction <paramref name="i"/> of <paramref name="run"/> start and whether a bias
    /// follows them: from the run's step where it has one, else from the instruction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int A, bool HasBias) WeightsOf(ref readonly Run run, Instruction[] code, int i) =>
        run.WeightStep != 0 ? (run.FirstWeightSlot + ((i - run.Start) * run.WeightStep), run.HasBias) : (code[i].A, code[i].HasBias);
}
