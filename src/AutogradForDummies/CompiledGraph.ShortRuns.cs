using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AutogradForDummies;

/// <content>Runs of short dot products: a first layer on low-dimensional points, on one example, computed as one step.</content>
public sealed partial class CompiledGraph
{
    /// <summary>
    /// Marks the runs of consecutive dot products with at most <see cref="Rules.ShortDotTerms"/> inputs each on the same
    /// inputs, all with or all without a bias and with the same activation (a first layer on low-dimensional points, on
    /// one example), so that each run is computed in one step, forward and backward, instead of one instruction per
    /// neuron. Writes, for each run, the run's end at its first instruction into <paramref name="runs"/>, made when the
    /// first run is found; returns the longest run's length.
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

    /// <summary>Most groups of runs a graph checks for a table (<see cref="LayOutShortRuns"/>), largest first: a group's
    /// check for another use of its weights looks at every instruction within its runs' stretch of the code.</summary>
    private const int MostTables = 16;

    /// <summary>
    /// Lists the runs of short dot products in the order of the code, and gives the runs that have the same weights (a
    /// first layer, on each example) a table of those weights, neuron by neuron in the lanes of vectors, so that each run
    /// loads them four at a time instead of gathering them from their neurons' slots, and adds the neurons' terms into
    /// the table's gradients, which go back to the weights' slots once every run is done.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A table is made only where that gives every gradient the bits of one instruction after another. Its runs are
    /// followed by ReLUs, with 256-bit vectors or wider, and hold their values and their activations in consecutive slots;
    /// no slot occurs twice among the weights and biases of a run, so that each lane of the table belongs to one weight;
    /// and no other instruction from the first of the runs to the last uses any of those slots. A weight's gradient then
    /// receives, between the table's first and last run, only the runs' terms, example after example as one instruction
    /// after another gives them, and whatever reaches it before the last run (backward) or after the first run is added
    /// in its slot as ever.
    /// </para>
    /// <para>The work is linear in the number of instructions, once for each table (at most <see cref="MostTables"/>):
    /// a consecutive run of operand slots is compared with the table's slots one by one only where it overlaps their
    /// span; a single operand, or a list of operands that are not consecutive, is looked up slot by slot.</para>
    /// </remarks>
    private static (Run[] Runs, WeightTable[] Tables) LayOutShortRuns(Instruction[] code, int[]? runs, int[] gathered)
    {
        if (runs is null)
        {
            return ([], []);
        }

        var list = new List<Run>();
        for (int i = 0; i < code.Length; i++)
        {
            if (code[i].InShortRun)
            {
                list.Add(new Run(i, runs[i]));
                i = runs[i] - 1;
            }
        }

        // The runs that can have a table (their numbers in lanes, which needs 256-bit vectors: LaneStep), grouped by their
        // weights: the same neurons in the same order.
        var shortRuns = list.ToArray();
        var groups = new Dictionary<int[], List<int>>(SequenceComparer.Instance);
        for (int r = 0; r < shortRuns.Length; r++)
        {
            var run = shortRuns[r] = shortRuns[r].WithLanes(code);
            if (run.InLanes)
            {
                // The same neurons in the same lanes: inputs, bias, which way the lanes run, and every neuron's weights.
                var key = new int[3 + (run.End - run.Start)];
                (key[0], key[1], key[2]) = (code[run.Start].Count, code[run.Start].HasBias ? 1 : 0, run.Descending ? 1 : 0);
                for (int i = run.Start; i < run.End; i++)
                {
                    key[3 + i - run.Start] = code[i].A;
                }

                if (!groups.TryGetValue(key, out var members))
                {
                    groups.Add(key, members = []);
                }

                members.Add(r);
            }
        }

        var candidates = groups.Values.Select(members => (Members: members, Slots: TableSlots(code, shortRuns[members[0]])))
            .Where(t => t.Slots is not null).OrderByDescending(t => t.Members.Count).ToArray();
        var tables = new List<WeightTable>();
        int checks = 0;
        foreach (var (members, slots) in candidates)
        {
            if (checks++ == MostTables)
            {
                break;
            }

            int first = shortRuns[members[0]].Start, last = shortRuns[members[^1]].End;
            if (IsUsedElsewhere(code, gathered, first, last, slots!, shortRuns, members))
            {
                continue;
            }

            var table = new WeightTable(code[first].Count, code[first].HasBias, shortRuns[members[0]].End - first, slots!);
            tables.Add(table);
            foreach (int r in members)
            {
                var run = shortRuns[r];
                shortRuns[r] = run with
                {
                    Table = table,
                    LoadsGradients = r == members[^1],
                    StoresGradients = r == members[0],
                };
            }
        }

        return (shortRuns, [.. tables]);

        // The slot of each entry of a run's table (−1 past the last neuron), or null if a slot occurs twice.
        static int[]? TableSlots(Instruction[] code, Run run)
        {
            ref readonly var first = ref code[run.Start];
            int count = run.End - run.Start, rows = first.Count + (first.HasBias ? 1 : 0), stride = WeightTable.StrideFor(count);
            var slots = new int[rows * stride];
            Array.Fill(slots, -1);
            var seen = new HashSet<int>();
            for (int l = 0; l < count; l++)
            {
                for (int k = 0; k < rows; k++)
                {
                    int slot = code[run.Member(l)].A + k;
                    if (!seen.Add(slot))
                    {
                        return null;
                    }

                    slots[(k * stride) + l] = slot;
                }
            }

            return slots;
        }
    }

    /// <summary>Whether an instruction from <paramref name="first"/> to <paramref name="last"/> − 1 other than those of
    /// the table's runs <paramref name="members"/> has one of the table's <paramref name="slots"/> among its operands.</summary>
    private static bool IsUsedElsewhere(
        Instruction[] code, int[] gathered, int first, int last, int[] slots, Run[] shortRuns, List<int> members)
    {
        var inTable = new HashSet<int>(slots.Where(s => s >= 0));
        int lo = inTable.Min(), hi = inTable.Max() + 1;
        int member = 0; // the next of the table's runs
        for (int i = first; i < last; i++)
        {
            if (member < members.Count && i == shortRuns[members[member]].Start)
            {
                i = shortRuns[members[member++]].End - 1; // the table's own run
                continue;
            }

            ref readonly var c = ref code[i];
            bool uses = Operations.Visit<ShapeOf, NodeShape>(c.Op, default) switch
            {
                NodeShape.OneOperand => inTable.Contains(c.A),
                NodeShape.TwoOperands => inTable.Contains(c.A) || inTable.Contains(c.B),
                NodeShape.Dot when c.Gather < 0 => Uses(c.A, c.Count + (c.HasBias ? 1 : 0)) || Uses(c.B, c.Count),
                NodeShape.Dot => Gathered(c.Gather, c.Count + (c.HasBias ? 1 : 0) + c.Count),
                NodeShape.Terms when c.Gather < 0 => Uses(c.A, c.Count),
                NodeShape.Terms => Gathered(c.Gather, c.Count),
                _ => false,
            };
            if (uses)
            {
                return true;
            }
        }

        return false;

        // Whether slots start to start + count − 1 include one of the table's: compared one by one only where they
        // overlap the table's span.
        bool Uses(int start, int count)
        {
            if (start + count <= lo || start >= hi)
            {
                return false;
            }

            for (int s = start; s < start + count; s++)
            {
                if (inTable.Contains(s))
                {
                    return true;
                }
            }

            return false;
        }

        bool Gathered(int start, int count)
        {
            foreach (int s in gathered.AsSpan(start, count))
            {
                if (inTable.Contains(s))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The forward rules of a run of short dot products, <paramref name="run"/> (<see cref="GroupShortDots"/>),
    /// each with the bits of one at a time: four neurons at once on the vector units where they are followed by ReLUs,
    /// with their weights from a table where the run has one (<see cref="TableRunForward"/>), one by one otherwise.</summary>
    private void ShortRunForward(ref readonly Run run, bool everyNode)
    {
        if (run.Table is { } table)
        {
            TableRunForward(in run, table, everyNode);
            return;
        }

        int start = run.Start, end = run.End;
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
    /// neuron's terms into its weights, its bias and the shared inputs, whose gradients stay in registers meanwhile (with
    /// the weights' gradients in a table where the run has one: <see cref="TableRunBackward"/>). A neuron whose gradient
    /// is 0 passes nothing on.
    /// </summary>
    private void ShortRunBackward(ref readonly Run run, bool everyNode)
    {
        if (run.Table is { } table)
        {
            TableRunBackward(in run, table, everyNode);
            return;
        }

        int start = run.Start, end = run.End;
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
        var (x0, x1, x2, x3) = Inputs(v, xs, n);
        var (gx0, gx1, gx2, gx3) = Inputs(g, xs, n);
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

        StoreInputs(g, xs, n, gx0, gx1, gx2, gx3);
    }

    /// <summary>
    /// <see cref="ShortRunForward"/> for a run with a table of its weights (<see cref="LayOutShortRuns"/>): four neurons
    /// at once, their weights loaded from the table, their values and activations stored side by side; the same
    /// operations as one at a time.
    /// </summary>
    private void TableRunForward(ref readonly Run run, WeightTable table, bool everyNode)
    {
        var v = _values;
        var code = _code;
        int n = table.Inputs, count = run.End - run.Start, stride = table.Stride;
        var x = v.AsSpan(code[run.Start].B, n);
        var w = table.Weights.AsSpan();
        var zero = Vector256<double>.Zero;
        int l = 0;
        for (; l + 4 <= count; l += 4)
        {
            var z = Rules.ShortDot4(
                Vector256.Create(w[l..]), n > 1 ? Vector256.Create(w[(stride + l)..]) : zero,
                n > 2 ? Vector256.Create(w[((2 * stride) + l)..]) : zero, n > 3 ? Vector256.Create(w[((3 * stride) + l)..]) : zero,
                x, table.HasBias ? Vector256.Create(w[((n * stride) + l)..]) : zero);
            if (!Rules.AllFinite(z))
            {
                // An overflow to redo (Rules.Dot's fallback): one at a time.
                for (int k = l; k < l + 4; k++)
                {
                    int i = run.Member(k);
                    Computed(i, in code[i], ShortDotOf(in code[i], x), everyNode);
                }

                continue;
            }

            ComputedLanes(in run, l, z, everyNode);
        }

        for (; l < count; l++)
        {
            int i = run.Member(l);
            Computed(i, in code[i], ShortDotOf(in code[i], x), everyNode);
        }
    }

    /// <summary>
    /// <see cref="ShortRunBackward"/> for a run with a table of its weights (<see cref="LayOutShortRuns"/>): four
    /// neurons' gradients at once through their ReLUs, and their terms into the table's gradients of their weights and
    /// biases (lanes whose gradient is 0 left as they are); then, last neuron first, each neuron's terms into the inputs'
    /// gradients, as one at a time gives them.
    /// </summary>
    private void TableRunBackward(ref readonly Run run, WeightTable table, bool everyNode)
    {
        var v = _values;
        var g = _grads;
        var code = _code;
        int n = table.Inputs, xs = code[run.Start].B, count = run.End - run.Start, stride = table.Stride;
        if (run.LoadsGradients)
        {
            table.LoadGradients(g); // the first of the table's runs to go backward
        }

        if (!everyNode && n == 2 && table.HasBias && run.Descending && count % 4 == 0 && Avx512F.VL.IsSupported)
        {
            TableRunBackwardTwoInputs(in run, table, xs);
        }
        else
        {
            TableRunBackwardAnyInputs(in run, table, xs, everyNode);
        }

        if (run.StoresGradients)
        {
            table.StoreGradients(g); // the last of the table's runs to go backward
        }
    }

    /// <summary>
    /// <see cref="TableRunBackward"/> for neurons with two inputs and a bias (a first layer on two-dimensional points),
    /// whose lanes hold them last first, a multiple of four of them, without updating the graph's Scalars: four neurons'
    /// gradients through their ReLUs, their terms into the table and which of them pass a gradient on, in one loop; then
    /// the inputs' terms. The same rules in the same order as the general case.
    /// </summary>
    private void TableRunBackwardTwoInputs(ref readonly Run run, WeightTable table, int xs)
    {
        var v = _values;
        var g = _grads;
        int count = run.End - run.Start, stride = table.Stride;
        var zero = Vector256<double>.Zero;
        var gw = table.Gradients.AsSpan(0, 3 * stride); // the rows of the first and second weights, and the biases
        ref double rw0 = ref MemoryMarshal.GetReference(gw);
        ref double rw1 = ref Unsafe.Add(ref rw0, stride);
        ref double rb = ref Unsafe.Add(ref rw0, 2 * stride);
        var lanes = _runLanes.AsSpan(0, count);
        ref double dy = ref MemoryMarshal.GetReference(lanes);
        double x0 = v[xs], x1 = v[xs + 1];
        var active = _runActive.AsSpan(0, count);
        int passing = 0;
        for (int l = 0; l < count; l += 4)
        {
            var d = LaneGradients(v, g, in run, l);
            d.StoreUnsafe(ref dy, (nuint)l);

            // The terms into the table (as WeightTerms, through references to its rows rather than checked slices), and
            // the lanes that pass a gradient on.
            var use = ~Vector256.Equals(d, zero);
            Rules.WeightTermBackward4(x0, d, Vector256.LoadUnsafe(ref rw0, (nuint)l), use).StoreUnsafe(ref rw0, (nuint)l);
            Rules.WeightTermBackward4(x1, d, Vector256.LoadUnsafe(ref rw1, (nuint)l), use).StoreUnsafe(ref rw1, (nuint)l);
            Rules.BiasBackward4(d, Vector256.LoadUnsafe(ref rb, (nuint)l), use).StoreUnsafe(ref rb, (nuint)l);
            passing = PackLanes(use, l, active, passing);
        }

        // Their terms into the inputs' gradients, which stay in registers while they pass, last neuron first.
        var w = table.Weights.AsSpan(0, 2 * stride);
        double gx0 = g[xs], gx1 = g[xs + 1];
        foreach (int m in active[..passing])
        {
            double d = lanes[m];
            gx0 = Rules.InputTermBackward(w[m], d, gx0);
            gx1 = Rules.InputTermBackward(w[stride + m], d, gx1);
        }

        g[xs] = gx0;
        g[xs + 1] = gx1;
    }

    /// <summary><see cref="TableRunBackward"/> for any run with a table: one to four inputs, with or without biases,
    /// lanes either way, with or without Scalar updates.</summary>
    private void TableRunBackwardAnyInputs(ref readonly Run run, WeightTable table, int xs, bool everyNode)
    {
        var v = _values;
        var g = _grads;
        int n = table.Inputs, count = run.End - run.Start, stride = table.Stride;
        var dy = _runLanes; // by lane
        GradientsReachingLanes(in run, dy, everyNode);

        // The neurons' terms into their weights and biases (Rules.DotTermBackward, Rules.BiasBackward), four at once.
        var gw = table.Gradients.AsSpan();
        var (x0, x1, x2, x3) = Inputs(v, xs, n);
        var zero = Vector256<double>.Zero;
        int l = 0;
        for (; l + 4 <= count; l += 4)
        {
            var d = Vector256.Create(dy.AsSpan(l));
            var use = ~Vector256.Equals(d, zero);
            WeightTerms(gw, l, x0, d, use);
            if (n > 1)
            {
                WeightTerms(gw, stride + l, x1, d, use);
            }

            if (n > 2)
            {
                WeightTerms(gw, (2 * stride) + l, x2, d, use);
            }

            if (n > 3)
            {
                WeightTerms(gw, (3 * stride) + l, x3, d, use);
            }

            if (table.HasBias)
            {
                var slice = gw[((n * stride) + l)..];
                Rules.BiasBackward4(d, Vector256.Create(slice), use).CopyTo(slice);
            }
        }

        for (; l < count; l++)
        {
            double d = dy[l];
            if (d != 0)
            {
                for (int k = 0; k < n; k++)
                {
                    gw[(k * stride) + l] = Rules.WeightTermBackward(v[xs + k], d, gw[(k * stride) + l]);
                }

                if (table.HasBias)
                {
                    Rules.BiasBackward(d, ref gw[(n * stride) + l]);
                }
            }
        }

        // The neurons that pass a gradient on, last first (no branch on each one's gradient); the inputs' gradients
        // stay in registers while they pass.
        var active = _runActive;
        int passing = 0, next = count - 1; // the next neuron, last first
        if (run.Descending && Avx512F.VL.IsSupported)
        {
            // Lanes run last neuron first: four at a time, those that pass one on packed to the front of the vector,
            // which is stored whole and counted (it fits: the count is at most the lanes done).
            for (int lane = 0; next >= 3; lane += 4, next -= 4)
            {
                passing = PackLanes(~Vector256.Equals(Vector256.Create(dy.AsSpan(lane)), zero), lane, active, passing);
            }
        }

        for (; next >= 0; next--)
        {
            int lane = run.Descending ? count - 1 - next : next;
            active[passing] = lane;
            passing += dy[lane] != 0 ? 1 : 0;
        }

        var w = table.Weights.AsSpan();
        var (gx0, gx1, gx2, gx3) = Inputs(g, xs, n);
        for (int k = 0; k < passing; k++)
        {
            int m = active[k];
            double d = dy[m];
            gx0 = Rules.InputTermBackward(w[m], d, gx0);
            if (n > 1)
            {
                gx1 = Rules.InputTermBackward(w[stride + m], d, gx1);
            }

            if (n > 2)
            {
                gx2 = Rules.InputTermBackward(w[(2 * stride) + m], d, gx2);
            }

            if (n > 3)
            {
                gx3 = Rules.InputTermBackward(w[(3 * stride) + m], d, gx3);
            }
        }

        StoreInputs(g, xs, n, gx0, gx1, gx2, gx3);
    }

    /// <summary>The numbers of a run's (at most four) inputs from <paramref name="xs"/> in <paramref name="array"/>, 0
    /// past the <paramref name="n"/>th.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double, double, double, double) Inputs(double[] array, int xs, int n) =>
        (array[xs], n > 1 ? array[xs + 1] : 0, n > 2 ? array[xs + 2] : 0, n > 3 ? array[xs + 3] : 0);

    /// <summary>Stores the first <paramref name="n"/> of four numbers in <paramref name="array"/> from <paramref name="xs"/>, where
    /// <see cref="Inputs"/> read them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreInputs(double[] array, int xs, int n, double s0, double s1, double s2, double s3)
    {
        array[xs] = s0;
        if (n > 1)
        {
            array[xs + 1] = s1;
        }

        if (n > 2)
        {
            array[xs + 2] = s2;
        }

        if (n > 3)
        {
            array[xs + 3] = s3;
        }
    }

    /// <summary>Four neurons' terms for one input (<paramref name="x"/>) into the row of the table's gradients from
    /// <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WeightTerms(Span<double> gw, int at, double x, Vector256<double> d, Vector256<double> use)
    {
        var slice = gw[at..];
        Rules.WeightTermBackward4(x, d, Vector256.Create(slice), use).CopyTo(slice);
    }

    /// <summary>The lanes <paramref name="lane"/> to <paramref name="lane"/> + 3 whose bits are set in
    /// <paramref name="passes"/>, packed to the front of a vector by the processor's compress instruction (AVX-512) and
    /// stored whole into <paramref name="active"/> at <paramref name="count"/>; returns the new count. The vector fits
    /// where, as in a run's lanes taken four at a time, the count is at most <paramref name="lane"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PackLanes(Vector256<double> passes, int lane, Span<int> active, int count) =>
        PackLanes(passes, Vector256.Create((long)lane) + Vector256.Create(0L, 1, 2, 3), active, count);

    /// <summary>The elements of <paramref name="items"/> whose lanes are set in <paramref name="passes"/>, packed to the
    /// front of a vector by the processor's compress instruction (AVX-512) and stored whole, as ints, into
    /// <paramref name="into"/> at <paramref name="count"/>; returns the new count. The caller sees that four ints fit
    /// there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PackLanes(Vector256<double> passes, Vector256<long> items, Span<int> into, int count)
    {
        Avx512F.VL.ConvertToVector128Int32(Avx512F.VL.Compress(default, passes.AsInt64(), items)).CopyTo(into[count..]);
        return count + BitOperations.PopCount(passes.ExtractMostSignificantBits());
    }

    /// <summary>Four values of the array, one from each of four runs, at <paramref name="offset"/> into each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Lanes(double[] values, int a0, int a1, int a2, int a3, int offset) =>
        Vector256.Create(values[a0 + offset], values[a1 + offset], values[a2 + offset], values[a3 + offset]);

    /// <summary>
    /// The weights of a run of short dot products, and their gradients while the runs that share them go backward, row
    /// by row: row k holds weight k of every neuron (the biases last), lane l neuron l's, so that four neurons' weights
    /// load as one vector.
    /// </summary>
    private sealed class WeightTable
    {
        private readonly int[] _slots; // the slot of each entry, −1 past the last neuron

        public WeightTable(int inputs, bool hasBias, int neurons, int[] slots)
        {
            Inputs = inputs;
            HasBias = hasBias;
            Stride = StrideFor(neurons);
            _slots = slots;
            Weights = new double[slots.Length];
            Gradients = new double[slots.Length];
        }

        public int Inputs { get; }

        public bool HasBias { get; }

        /// <summary>Gets the length of a row: the neurons, rounded up to whole vectors.</summary>
        public int Stride { get; }

        public double[] Weights { get; }

        public double[] Gradients { get; }

        public static int StrideFor(int neurons) => (neurons + 3) & ~3;

        /// <summary>Reads the weights from the value array (after the leaves are read, and at compilation).</summary>
        public void Read(double[] values) => Copy(values, Weights);

        public void LoadGradients(double[] grads) => Copy(grads, Gradients);

        public void StoreGradients(double[] grads)
        {
            for (int e = 0; e < _slots.Length; e++)
            {
                if (_slots[e] >= 0)
                {
                    grads[_slots[e]] = Gradients[e];
                }
            }
        }

        private void Copy(double[] bySlot, double[] table)
        {
            for (int e = 0; e < _slots.Length; e++)
            {
                table[e] = _slots[e] >= 0 ? bySlot[_slots[e]] : 0;
            }
        }
    }

    /// <summary>Where an instruction's operation keeps its operands, from its code alone.</summary>
    private readonly struct ShapeOf : IOperationVisitor<NodeShape>
    {
        public NodeShape Leaf() => NodeShape.Leaf;

        public NodeShape Unary<TRule>()
            where TRule : IUnaryRule => NodeShape.OneOperand;

        public NodeShape Binary<TRule>()
            where TRule : IBinaryRule => NodeShape.TwoOperands;

        public NodeShape WithConstants<TRule>()
            where TRule : IConstantRule => NodeShape.OneOperand;

        public NodeShape Dot() => NodeShape.Dot;

        public NodeShape Sum() => NodeShape.Terms;

        public NodeShape Mean() => NodeShape.Terms;

        public NodeShape LogSumExp() => NodeShape.Terms;
    }

    /// <summary>Compares lists of numbers element by element.</summary>
    private sealed class SequenceComparer : IEqualityComparer<int[]>
    {
        public static SequenceComparer Instance { get; } = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = default(HashCode);
            foreach (int item in obj)
            {
                hash.Add(item);
            }

            return hash.ToHashCode();
        }
    }
}
