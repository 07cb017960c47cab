using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AutogradForDummies;

/// <summary>
/// A graph of Scalars flattened once into arrays, in topological order, so that it can be evaluated and
/// differentiated again and again without building a new graph or allocating.
/// </summary>
/// <remarks>
/// <para>
/// Create one with <see cref="Scalar.Compile"/>. The structure is fixed; the <b>values of the leaves</b> are
/// read afresh by every <see cref="Forward"/>: parameters changed by an optimizer, inputs the user set.
/// Training a fixed network on a fixed batch is exactly that situation: build the loss once, compile it,
/// then repeat <c>Forward()</c>, <c>ZeroGrad()</c>, <c>Backward()</c>, <c>Step()</c>.
/// </para>
/// <para>
/// Each operation is evaluated by the same rules (<c>Rules</c>) as on the dynamic path, and every gradient receives
/// its contributions in the same order (also where a layer's neurons share sweeps over their inputs, or a first layer's
/// weights wait in a table while its examples pass), so the
/// compiled and the dynamic path give identical numbers. By default (<see cref="NodeUpdates.EveryNode"/>) after
/// <see cref="Forward"/> every Scalar of the graph holds its new <see cref="Scalar.Data"/>, and after
/// <see cref="Backward"/> every Scalar holds its new <see cref="Scalar.Grad"/>, with leaves accumulating, exactly as
/// after <see cref="Scalar.Backward"/>. Compiled with <see cref="NodeUpdates.LeavesAndRoot"/>, it updates only the
/// leaves' gradients and the root, which is all a training step needs, and is faster for large graphs; any node's
/// numbers can still be read with <see cref="ValueOf"/> and <see cref="GradientOf"/>. Every operation Scalar offers
/// can be compiled.
/// </para>
/// <para>
/// The values live in one array, at places chosen so that the operands of a dot product, a sum or a mean are
/// consecutive where possible (see <c>SlotLayout</c>): then the fused operations read plain runs of numbers, with the
/// processor's vector units.
/// </para>
/// <para>A CompiledGraph is not thread-safe; use it, and its Scalars, from one thread at a time.</para>
/// </remarks>
/// <example>
/// <code>
/// var w = new Scalar(0.5);
/// var x = new Scalar(2.0);
/// var loss = (w * x - 3.0).Pow(2);     // (wx − 3)²
/// var graph = loss.Compile();
/// for (int step = 0; step &lt; 100; step++)
/// {
///     graph.Forward();
///     w.Grad = 0;
///     graph.Backward();
///     w.Data -= 0.05 * w.Grad;         // gradient descent on w
/// }
/// Console.WriteLine(Math.Round(w.Data, 6)); // 1.5
/// </code>
/// </example>
public sealed partial class CompiledGraph
{
    private readonly Scalar[] _leaves;      // read before anything is computed
    private readonly int[] _leafSlots;
    private readonly Instruction[] _code;   // the operations, in topological order; the root is last
    private readonly Scalar[] _computes;    // the Scalar each instruction computes
    private readonly Scalar?[] _then;       // the activation node an instruction computes right after, if any
    private readonly int[] _gathered;       // slots of the operands of fused operations that are not consecutive
    private readonly double[] _constants;   // the constants of operations with constants, list after list
    private readonly double[] _values;      // by slot
    private readonly double[] _grads;       // by slot
    private readonly double[] _runGrads;    // a run's gradients while it runs backward
    private readonly int[] _runActive;      // which of them are not 0, last first
    private readonly Run[] _shortRuns;      // the runs of short dot products, in the order of the code
    private readonly Run[] _layerRuns;      // the layer runs, in the order of the code
    private readonly double[] _runLanes;    // a run's gradients by lane while it runs backward
    private readonly int[] _runStarts;      // where the weights of those that pass a gradient on start
    private readonly WeightTable[] _tables; // the weights of runs of short dot products that share them (LayOutShortRuns)
    private readonly int _rootSlot;
    private Dictionary<Scalar, int>? _slotOf; // built on the first ValueOf or GradientOf

    internal CompiledGraph(Scalar root, NodeUpdates updates)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!Enum.IsDefined(updates))
        {
            throw new ArgumentOutOfRangeException(nameof(updates), updates, "Not a defined NodeUpdates value.");
        }

        Updates = updates;
        using var graph = Topology.Number(root);
        var nodes = graph.Nodes;
        int[] slot = SlotLayout.Assign(nodes);

        int leafCount = 0;
        foreach (var node in nodes)
        {
            leafCount += node.IsLeaf ? 1 : 0;
        }

        _leaves = new Scalar[leafCount];
        _leafSlots = new int[leafCount];
        var code = new Instruction[nodes.Length - leafCount];
        var computes = new Scalar[code.Length];
        _values = new double[nodes.Length];
        _grads = new double[nodes.Length];
        var builder = new InstructionBuilder(slot);
        int leaf = 0, op = 0;
        for (int i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            _values[slot[i]] = node.Data;
            if (node.IsLeaf)
            {
                _leaves[leaf] = node;
                _leafSlots[leaf++] = slot[i];
                continue;
            }

            builder.Node = node;
            code[op] = Operations.Visit<InstructionBuilder, Instruction>(node.Code, builder);
            computes[op++] = node;
        }

        (_code, _computes, _then) = FuseActivations(code, computes);
        var isLeafSlot = new bool[nodes.Length];
        foreach (int leafSlot in _leafSlots)
        {
            isLeafSlot[leafSlot] = true;
        }

        int[]? runs = null;
        int longestRun = Math.Max(GroupShortDots(_code, isLeafSlot, ref runs), GroupLayers(_code, ref runs));
        _runGrads = new double[longestRun];
        _runActive = new int[longestRun];
        _runLanes = new double[longestRun];
        _runStarts = new int[longestRun];
        _layerRuns = LayOutLayerRuns(_code, runs);
        _gathered = [.. builder.Gathered];
        (_shortRuns, _tables) = LayOutShortRuns(_code, runs, _gathered);
        foreach (var table in _tables)
        {
            table.Read(_values);
        }

        _constants = [.. builder.Constants];
        _rootSlot = slot[^1];
        Root = root;
        NodeCount = nodes.Length;
    }

    /// <summary>Gets the Scalar whose value <see cref="Forward"/> returns.</summary>
    public Scalar Root { get; }

    /// <summary>Gets which Scalars <see cref="Forward"/> and <see cref="Backward"/> keep up to date.</summary>
    public NodeUpdates Updates { get; }

    /// <summary>Gets the number of nodes (leaves included) in the graph.</summary>
    public int NodeCount { get; private init; }

    /// <summary>Gets how many dot products belong to layer runs (see <see cref="GroupLayers"/>).</summary>
    internal int InLayerRuns => _code.Count(c => c.InLayerRun);

    /// <summary>Gets how many dot products belong to runs of short ones (see <see cref="GroupShortDots"/>).</summary>
    internal int InShortRuns => _code.Count(c => c.InShortRun);

    /// <summary>Gets how many dot products belong to layer runs whose ReLUs' numbers lie in lanes (see
    /// <see cref="LaneStep"/>).</summary>
    internal int InLayerRunsInLanes => _layerRuns.Where(r => r.InLanes).Sum(r => r.End - r.Start);

    /// <summary>Gets how many dot products belong to runs whose numbers lie in lanes in the order of the code, not last
    /// first (see <see cref="LaneStep"/>).</summary>
    internal int InAscendingLanes => _shortRuns.Concat(_layerRuns).Where(r => r.InLanes && !r.Descending).Sum(r => r.End - r.Start);

    /// <summary>Gets how many dot products belong to layer runs whose neurons' weights start a fixed step apart (see
    /// <see cref="LayOutLayerRuns"/>).</summary>
    internal int InStridedLayerRuns => _layerRuns.Where(r => r.WeightStep != 0).Sum(r => r.End - r.Start);

    /// <summary>Gets how many dot products belong to layer runs whose neurons' weights start a fixed step apart and
    /// lie first neuron first, in rising slots (see <see cref="LayOutLayerRuns"/>).</summary>
    internal int InLayerRunsWithRisingWeights => _layerRuns.Where(r => r.WeightStep > 0).Sum(r => r.End - r.Start);

    /// <summary>Gets how many dot products belong to runs of short ones with a table of their weights (see
    /// <see cref="LayOutShortRuns"/>).</summary>
    internal int InTableRuns => _shortRuns.Where(r => r.Table is not null).Sum(r => r.End - r.Start);

    /// <summary>
    /// Recomputes every node from the leaves' current <see cref="Scalar.Data"/>, stores the results in the
    /// graph's Scalars (all of them, or with <see cref="NodeUpdates.LeavesAndRoot"/> the root only), and returns the
    /// root's value. Allocates nothing.
    /// </summary>
    /// <returns>The new value of <see cref="Root"/>.</returns>
    public double Forward()
    {
        var v = _values;
        var leaves = _leaves;
        var leafSlots = _leafSlots;
        for (int i = 0; i < leaves.Length; i++)
        {
            v[leafSlots[i]] = leaves[i].Data;
        }

        foreach (var table in _tables)
        {
            table.Read(v);
        }

        var code = _code;
        bool everyNode = Updates == NodeUpdates.EveryNode;
        int shortRun = 0, layerRun = 0; // the next run of short dot products, and the next layer run
        for (int i = 0; i < code.Length; i++)
        {
            ref readonly var c = ref code[i];
            if (c.InShortRun || c.InLayerRun)
            {
                // Neurons on the same inputs, in one step: with a few inputs each (GroupShortDots), or a layer's
                // (GroupLayers).
                if (c.InShortRun)
                {
                    ShortRunForward(in _shortRuns[shortRun], everyNode);
                    i = _shortRuns[shortRun++].End - 1;
                }
                else
                {
                    LayerRunForward(in _layerRuns[layerRun], everyNode);
                    i = _layerRuns[layerRun++].End - 1;
                }

                continue;
            }

            Computed(i, in c, Operations.Visit<Evaluate, double>(c.Op, new Evaluate(this, in c)), everyNode);
        }

        if (!everyNode && !Root.IsLeaf)
        {
            Root.StoreComputedData(v[_rootSlot]);
        }

        return v[_rootSlot];
    }

    /// <summary>
    /// Propagates gradients from the root back to every node, using the values of the last
    /// <see cref="Forward"/> (or of compilation). Like <see cref="Scalar.Backward"/>, intermediate
    /// gradients start from zero, the root's gradient is 1 and leaves accumulate. Allocates nothing.
    /// </summary>
    public void Backward()
    {
        var g = _grads;
        bool everyNode = Updates == NodeUpdates.EveryNode;
        if (!everyNode)
        {
            // Every gradient of the last pass stayed in the array for GradientOf; intermediate ones start from zero.
            Array.Clear(g);
        }

        // (With EveryNode, each slot was cleared right after its node passed its gradient on, below, so the array is
        // all zero already.) Leaves accumulate onto what they hold.
        var leaves = _leaves;
        var leafSlots = _leafSlots;
        for (int i = 0; i < leaves.Length; i++)
        {
            g[leafSlots[i]] = leaves[i].Grad;
        }

        g[_rootSlot] += 1; // d(root)/d(root) = 1

        var code = _code;
        int shortRun = _shortRuns.Length, layerRun = _layerRuns.Length; // one past the next runs, backward
        for (int i = code.Length - 1; i >= 0; i--)
        {
            ref readonly var c = ref code[i];
            if (c.InShortRun || c.InLayerRun)
            {
                // The last of a run: the whole run, last first (GroupShortDots, GroupLayers).
                if (c.InShortRun)
                {
                    ShortRunBackward(in _shortRuns[--shortRun], everyNode);
                    i = _shortRuns[shortRun].Start;
                }
                else
                {
                    LayerRunBackward(in _layerRuns[--layerRun], everyNode);
                    i = _layerRuns[layerRun].Start;
                }

                continue;
            }

            double dy = GradientReaching(i, in c, everyNode);
            if (dy != 0) // a node whose gradient is 0 has nothing to pass on, as in Scalar.Backward
            {
                Operations.Visit<BackwardStep, bool>(c.Op, new BackwardStep(this, in c, dy));
            }
        }

        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i].Grad = g[leafSlots[i]];
            if (everyNode)
            {
                g[leafSlots[i]] = 0;
            }
        }

        if (!everyNode && !Root.IsLeaf)
        {
            Root.Grad = g[_rootSlot];
        }
    }

    /// <summary>Stores the value <paramref name="y"/> of instruction <paramref name="i"/>, then computes and stores the
    /// activation that follows it, if any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Computed(int i, ref readonly Instruction c, double y, bool everyNode)
    {
        var v = _values;
        v[c.Dst] = y;
        if (everyNode)
        {
            _computes[i].StoreComputedData(y);
        }

        if (c.Then != OpCode.Leaf)
        {
            // The activation that follows the node, in the same step.
            double a = c.Then == OpCode.Relu ? Rules.Relu.ForwardWithoutBranch(y) : Operations.Visit<Activate, double>(c.Then, new Activate(this, in c, y));
            v[c.ThenDst] = a;
            if (everyNode)
            {
                _then[i]!.StoreComputedData(a);
            }
        }
    }

    /// <summary><see cref="Computed"/> for the four neurons of a run in lanes <paramref name="lane"/> to
    /// <paramref name="lane"/> + 3 (<see cref="LaneStep"/>), whose values are <paramref name="z"/>: their ReLUs at once,
    /// and both stored as vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ComputedLanes(ref readonly Run run, int lane, Vector256<double> z, bool everyNode)
    {
        var v = _values;
        var a = Rules.Relu.Forward4(z);
        z.CopyTo(v.AsSpan(run.Values + lane));
        a.CopyTo(v.AsSpan(run.Activations + lane));
        if (everyNode)
        {
            for (int l = 0; l < 4; l++)
            {
                _computes[run.Member(lane + l)].StoreComputedData(z[l]);
                _then[run.Member(lane + l)]!.StoreComputedData(a[l]);
            }
        }
    }

    /// <summary>The gradient that reached instruction <paramref name="i"/>'s node, complete (every node that uses it
    /// came later and is done), after the backward rule of the activation that follows it, if any; and, with
    /// <see cref="NodeUpdates.EveryNode"/>, stored in the Scalars and cleared from the array.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double GradientReaching(int i, ref readonly Instruction c, bool everyNode)
    {
        var g = _grads;
        if (c.Then != OpCode.Leaf)
        {
            // The activation first: it comes after the node in topological order.
            double da = g[c.ThenDst];
            if (everyNode)
            {
                _then[i]!.Grad = da;
                g[c.ThenDst] = 0;
            }

            if (da != 0)
            {
                if (c.Then == OpCode.Relu)
                {
                    Rules.Relu.Backward(_values[c.Dst], _values[c.ThenDst], da, ref g[c.Dst]);
                }
                else
                {
                    Operations.Visit<ActivateBackward, bool>(c.Then, new ActivateBackward(this, in c, da));
                }
            }
        }

        double dy = g[c.Dst];
        if (everyNode)
        {
            _computes[i].Grad = dy;
            g[c.Dst] = 0;
        }

        return dy;
    }

    /// <summary>Gives the value a node of this graph had in the last <see cref="Forward"/> (or at compilation), whatever
    /// <see cref="Updates"/> says.</summary>
    /// <param name="node">A Scalar of this graph.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="node"/> is not part of this graph.</exception>
    public double ValueOf(Scalar node) => _values[SlotOf(node)];

    /// <summary>Gives the gradient a node of this graph received in the last <see cref="Backward"/> (0 before the first),
    /// whatever <see cref="Updates"/> says; for a leaf, what its <see cref="Scalar.Grad"/> holds.</summary>
    /// <param name="node">A Scalar of this graph.</param>
    /// <returns>Its gradient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="node"/> is not part of this graph.</exception>
    public double GradientOf(Scalar node)
    {
        int slot = SlotOf(node);
        return Updates == NodeUpdates.EveryNode || node.IsLeaf ? node.Grad : _grads[slot];
    }

    private int SlotOf(Scalar node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (_slotOf is null)
        {
            var slotOf = new Dictionary<Scalar, int>(NodeCount, ReferenceEqualityComparer.Instance);
            for (int i = 0; i < _leaves.Length; i++)
            {
                slotOf[_leaves[i]] = _leafSlots[i];
            }

            for (int i = 0; i < _code.Length; i++)
            {
                slotOf[_computes[i]] = _code[i].Dst;
                if (_then[i] is { } activation)
                {
                    slotOf[activation] = _code[i].ThenDst;
                }
            }

            _slotOf = slotOf;
        }

        return _slotOf.TryGetValue(node, out int slot)
            ? slot
            : throw new ArgumentException("The Scalar is not part of this compiled graph.", nameof(node));
    }

    /// <summary>
    /// Pairs each dot product with the activation that follows it in topological order and takes it as its only
    /// operand (a neuron: its weighted sum and its nonlinearity), so that one step of a pass computes both. The two
    /// stay in the same order, forward and backward, so the numbers are the same as step by step.
    /// </summary>
    private static (Instruction[] Code, Scalar[] Computes, Scalar?[] Then) FuseActivations(Instruction[] code, Scalar[] computes)
    {
        // In place: the instruction written at w is never one still to be read (w ≤ i), then one copy to the final length.
        var then = new Scalar?[code.Length];
        int w = 0;
        for (int i = 0; i < code.Length; i++, w++)
        {
            var c = code[i];
            var node = computes[i];
            if (c.Op == OpCode.Dot && i + 1 < code.Length && code[i + 1].A == c.Dst && computes[i + 1].Shape == NodeShape.OneOperand)
            {
                var next = code[i + 1];
                c = c with { Then = next.Op, ThenDst = next.Dst, ThenK = next.B, ThenCount = (byte)next.Count };
                then[w] = computes[i + 1];
                i++;
            }

            code[w] = c;
            computes[w] = node;
        }

        Array.Resize(ref code, w);
        Array.Resize(ref computes, w);
        Array.Resize(ref then, w);
        return (code, computes, then);
    }

    /// <summary>Marks instructions <paramref name="start"/> to <paramref name="end"/> − 1 as a run of the kind
    /// <paramref name="kind"/>, with the run's end at its first instruction in <paramref name="runs"/> (which
    /// <see cref="LayOutShortRuns"/> and <see cref="LayOutLayerRuns"/> read).</summary>
    private static void MarkRun(Instruction[] code, int start, int end, DotForm kind, ref int[]? runs)
    {
        runs ??= new int[code.Length];
        runs[start] = end;
        for (int m = start; m < end; m++)
        {
            code[m] = code[m] with { Form = code[m].Form | kind };
        }
    }

    /// <summary>
    /// 1 if the dot products from <paramref name="start"/> to <paramref name="end"/> − 1, each followed by a ReLU, hold
    /// their values and their activations in consecutive slots in their own order, −1 if in the opposite order (as a
    /// layer's neurons come in topological order, see <c>SlotLayout</c>), else 0: where it is not 0, the run's values,
    /// activations and their gradients load and store as 4-wide vectors. Also 0 without 256-bit vectors (as on arm64 or
    /// in WebAssembly), where those would run in software.
    /// </summary>
    private static int LaneStep(Instruction[] code, int start, int end)
    {
        ref readonly var first = ref code[start];
        int step = end - start < 2 || Rules.VectorBits < 256 ? 0 : code[start + 1].Dst - first.Dst;
        if (step != 1 && step != -1)
        {
            return 0;
        }

        for (int i = start; i < end; i++)
        {
            if (code[i].Then != OpCode.Relu || code[i].Dst != first.Dst + (step * (i - start))
                || code[i].ThenDst != first.ThenDst + (step * (i - start)))
            {
                return 0;
            }
        }

        return step;
    }

    /// <summary>
    /// A run of dot products, instructions <c>Start</c> to <c>End</c> − 1: short ones (<see cref="GroupShortDots"/>) or
    /// a layer's (<see cref="GroupLayers"/>). Where its ReLUs' numbers lie in lanes (<see cref="LaneStep"/>),
    /// <c>Values</c> and <c>Activations</c> are the first slots of its values and activations, <c>Descending</c> says
    /// whether those slots hold the neurons last first, and lane l is the neuron of instruction <c>Member(l)</c>. A run of
    /// short ones can also have a <c>Table</c> of its weights (<see cref="LayOutShortRuns"/>), and be the table's last
    /// run in the order of the code, the first to go backward, which loads the table's gradients from the weights' slots,
    /// or its first, the last to go backward, which stores them back. A layer run whose neurons' weights start a fixed
    /// <c>WeightStep</c> apart (not 0) has the first's slot in <c>FirstWeightSlot</c> and whether each has a bias in
    /// <c>HasBias</c> (<see cref="LayOutLayerRuns"/>).
    /// </summary>
    private readonly record struct Run(int Start, int End)
    {
        public WeightTable? Table { get; init; }

        public bool Descending { get; init; }

        public int Values { get; init; } = -1;

        public int Activations { get; init; } = -1;

        public bool LoadsGradients { get; init; }

        public bool StoresGradients { get; init; }

        public int FirstWeightSlot { get; init; }

        public int WeightStep { get; init; }

        public bool HasBias { get; init; }

        /// <summary>Gets whether the run's numbers lie in lanes (<see cref="LaneStep"/>).</summary>
        public bool InLanes => Values >= 0;

        /// <summary>The instruction whose neuron is in lane <paramref name="lane"/>.</summary>
        public int Member(int lane) => Descending ? End - 1 - lane : Start + lane;

        /// <summary>This run with its lanes, if its numbers lie in lanes (<see cref="LaneStep"/>).</summary>
        public Run WithLanes(Instruction[] code)
        {
            int step = LaneStep(code, Start, End);
            if (step == 0)
            {
                return this;
            }

            int first = step < 0 ? End - 1 : Start;
            return this with { Descending = step < 0, Values = code[first].Dst, Activations = code[first].ThenDst };
        }
    }

    /// <summary>One node of the flattened graph: its operation, where its value goes and where its operands are; and,
    /// if <c>Then</c> is not <see cref="OpCode.Leaf"/>, the one-operand operation applied to its value right after.</summary>
    /// <remarks>The one-byte fields come first, so that the whole is 32 bytes without padding.</remarks>
    private readonly record struct Instruction(
        OpCode Op,
        OpCode Then,
        DotForm Form,
        byte ThenCount,
        int Dst,
        int A,
        int B = -1,
        int Count = 0,
        int Gather = -1,
        int ThenDst = -1,
        int ThenK = -1)
    {
        /// <summary>Gets whether a dot product's weights are followed by a bias.</summary>
        public bool HasBias => (Form & DotForm.Bias) != 0;

        /// <summary>Gets whether this dot product belongs to a layer run, whose neurons are computed together (see
        /// <see cref="GroupLayers"/>).</summary>
        public bool InLayerRun => (Form & DotForm.LayerRun) != 0;

        /// <summary>Gets whether this dot product belongs to a run of short ones computed in one step (see
        /// <see cref="GroupShortDots"/>).</summary>
        public bool InShortRun => (Form & DotForm.ShortRun) != 0;
    }

    /// <summary>What an instruction of a dot product has beside its weights and inputs.</summary>
    [Flags]
    private enum DotForm : byte
    {
        None = 0,

        /// <summary>A bias after the weights.</summary>
        Bias = 1,

        /// <summary>One of a layer run, the dot products over the same inputs computed together (see
        /// <see cref="GroupLayers"/>).</summary>
        LayerRun = 2,

        /// <summary>One of a run of dot products with a few inputs each, computed in one step (see
        /// <see cref="GroupShortDots"/>).</summary>
        ShortRun = 4,
    }

    /// <summary>The value of a fused activation from the value <paramref name="z"/> of the node before it.</summary>
    private readonly ref struct Activate(CompiledGraph graph, ref readonly Instruction c, double z) : IOperationVisitor<double>
    {
        private readonly ref readonly Instruction _c = ref c;

        public double Leaf() => throw new InvalidOperationException("Not an activation.");

        public double Unary<TRule>()
            where TRule : IUnaryRule => TRule.Forward(z);

        public double Binary<TRule>()
            where TRule : IBinaryRule => throw new InvalidOperationException("Not an activation.");

        public double WithConstants<TRule>()
            where TRule : IConstantRule => TRule.Forward(z, graph._constants.AsSpan(_c.ThenK, _c.ThenCount));

        public double Dot() => throw new InvalidOperationException("Not an activation.");

        public double Sum() => throw new InvalidOperationException("Not an activation.");

        public double Mean() => throw new InvalidOperationException("Not an activation.");

        public double LogSumExp() => throw new InvalidOperationException("Not an activation.");
    }

    /// <summary>The backward rule of a fused activation: its gradient times its local derivative into the node before it.</summary>
    private readonly ref struct ActivateBackward(CompiledGraph graph, ref readonly Instruction c, double da) : IOperationVisitor<bool>
    {
        private readonly ref readonly Instruction _c = ref c;

        public bool Leaf() => throw new InvalidOperationException("Not an activation.");

        public bool Unary<TRule>()
            where TRule : IUnaryRule
        {
            TRule.Backward(graph._values[_c.Dst], graph._values[_c.ThenDst], da, ref graph._grads[_c.Dst]);
            return true;
        }

        public bool Binary<TRule>()
            where TRule : IBinaryRule => throw new InvalidOperationException("Not an activation.");

        public bool WithConstants<TRule>()
            where TRule : IConstantRule
        {
            TRule.Backward(
                graph._values[_c.Dst], graph._constants.AsSpan(_c.ThenK, _c.ThenCount), graph._values[_c.ThenDst], da, ref graph._grads[_c.Dst]);
            return true;
        }

        public bool Dot() => throw new InvalidOperationException("Not an activation.");

        public bool Sum() => throw new InvalidOperationException("Not an activation.");

        public bool Mean() => throw new InvalidOperationException("Not an activation.");

        public bool LogSumExp() => throw new InvalidOperationException("Not an activation.");
    }

    /// <summary>Builds the instruction of a node from the slots of its operands.</summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>One operand: <c>A</c> is its slot. Two: <c>A</c> and <c>B</c>.</item>
    /// <item>With constants: <c>A</c> is the operand's slot, the constants are <c>Count</c> numbers from <c>B</c> in the
    /// constants array.</item>
    /// <item>Sum, mean, log-sum-exp: <c>Count</c> terms, consecutive from slot <c>A</c>, or (<c>Gather</c> ≥ 0) at the
    /// slots listed from <c>Gather</c> in the gathered array.</item>
    /// <item>Dot: <c>Count</c> weights from slot <c>A</c> (the bias right after them if <c>HasBias</c>) and as many inputs
    /// from slot <c>B</c>; or, if either list is not consecutive, the weights' (and bias's) slots and then the inputs'
    /// slots from <c>Gather</c>.</item>
    /// </list>
    /// </remarks>
    private struct InstructionBuilder(int[] slot) : IOperationVisitor<Instruction>
    {
        public Scalar Node = null!;

        public List<int> Gathered { get; } = [];

        public List<double> Constants { get; } = [];

        private Dictionary<Scalar[], int> Starts { get; } = new(ReferenceEqualityComparer.Instance);

        private readonly int Dst => SlotOf(Node);

        public readonly Instruction Leaf() => throw new InvalidOperationException("A leaf has no instruction.");

        public readonly Instruction Unary<TRule>()
            where TRule : IUnaryRule => new(Node.Code, OpCode.Leaf, DotForm.None, 0, Dst, SlotOf(Node.First));

        public readonly Instruction Binary<TRule>()
            where TRule : IBinaryRule => new(Node.Code, OpCode.Leaf, DotForm.None, 0, Dst, SlotOf(Node.First), SlotOf(Node.Second));

        public readonly Instruction WithConstants<TRule>()
            where TRule : IConstantRule
        {
            int start = Constants.Count;
            Constants.AddRange(Node.Constants);
            return new(Node.Code, OpCode.Leaf, DotForm.None, 0, Dst, SlotOf(Node.First), start, Node.Constants.Length);
        }

        public readonly Instruction Dot()
        {
            var w = Node.WeightsAndBias;
            var x = Node.Inputs;
            int ws = Start(w);
            int xs = Start(x);
            var form = w.Length > x.Length ? DotForm.Bias : DotForm.None;
            if (ws < 0 || xs < 0)
            {
                return new(OpCode.Dot, OpCode.Leaf, form, 0, Dst, -1, -1, x.Length, Gather(w, x));
            }

            return new(OpCode.Dot, OpCode.Leaf, form, 0, Dst, ws, xs, x.Length);
        }

        public readonly Instruction Sum() => Terms();

        public readonly Instruction Mean() => Terms();

        public readonly Instruction LogSumExp() => Terms();

        private readonly Instruction Terms()
        {
            var terms = Node.Terms;
            int start = Start(terms);
            return start >= 0
                ? new(Node.Code, OpCode.Leaf, DotForm.None, 0, Dst, start, Count: terms.Length)
                : new(Node.Code, OpCode.Leaf, DotForm.None, 0, Dst, -1, Count: terms.Length, Gather: Gather(terms, []));
        }

        private readonly int SlotOf(Scalar node) => slot[Topology.NumberedGraph.PositionOf(node)];

        /// <summary>The first slot of a list whose nodes are consecutive, else −1; each list is examined once, however
        /// many nodes share it (a layer's outputs are the inputs of all the next layer's neurons).</summary>
        private readonly int Start(Scalar[] list)
        {
            if (!Starts.TryGetValue(list, out int start))
            {
                start = SlotLayout.ConsecutiveStart(list, slot);
                Starts.Add(list, start);
            }

            return start;
        }

        private readonly int Gather(Scalar[] first, Scalar[] second)
        {
            int start = Gathered.Count;
            foreach (var node in first)
            {
                Gathered.Add(SlotOf(node));
            }

            foreach (var node in second)
            {
                Gathered.Add(SlotOf(node));
            }

            return start;
        }
    }

    /// <summary>Computes the value of one instruction from the value array. The slots were checked when the graph was
    /// compiled (they index its own arrays), so the values are read without checking them again.</summary>
    private readonly ref struct Evaluate(CompiledGraph graph, ref readonly Instruction c) : IOperationVisitor<double>
    {
        private readonly ref readonly Instruction _c = ref c;
        private readonly ref double _v = ref MemoryMarshal.GetArrayDataReference(graph._values);

        public double Leaf() => throw new InvalidOperationException("A leaf has no instruction.");

        public double Unary<TRule>()
            where TRule : IUnaryRule => TRule.Forward(Unsafe.Add(ref _v, _c.A));

        public double Binary<TRule>()
            where TRule : IBinaryRule => TRule.Forward(Unsafe.Add(ref _v, _c.A), Unsafe.Add(ref _v, _c.B));

        public double WithConstants<TRule>()
            where TRule : IConstantRule => TRule.Forward(Unsafe.Add(ref _v, _c.A), graph._constants.AsSpan(_c.B, _c.Count));

        public double Dot()
        {
            int n = _c.Count;
            if (_c.Gather < 0)
            {
                double bias = _c.HasBias ? Unsafe.Add(ref _v, _c.A + n) : 0;
                return Rules.Dot(Run(_c.A, n), Run(_c.B, n), bias);
            }

            ReadOnlySpan<double> v = graph._values;
            var slots = graph._gathered.AsSpan(_c.Gather, (2 * n) + (_c.HasBias ? 1 : 0));
            double gatheredBias = _c.HasBias ? v[slots[n]] : 0;
            return Rules.Dot(new ValuesAt(v, slots[..n]), new ValuesAt(v, slots[^n..]), gatheredBias);
        }

        public double Sum() => _c.Gather < 0 ? Rules.Sum(new ValuesIn(Terms)) : Rules.Sum(new ValuesAt(graph._values, GatheredTerms));

        public double Mean() => _c.Gather < 0 ? Rules.Mean(new ValuesIn(Terms)) : Rules.Mean(new ValuesAt(graph._values, GatheredTerms));

        public double LogSumExp() =>
            _c.Gather < 0 ? Rules.LogSumExp(new ValuesIn(Terms)) : Rules.LogSumExp(new ValuesAt(graph._values, GatheredTerms));

        private ReadOnlySpan<double> Terms => Run(_c.A, _c.Count);

        private ReadOnlySpan<int> GatheredTerms => graph._gathered.AsSpan(_c.Gather, _c.Count);

        private ReadOnlySpan<double> Run(int start, int length) => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref _v, start), length);
    }

    /// <summary>Applies the backward rule of one instruction to the gradient array.</summary>
    private readonly ref struct BackwardStep(CompiledGraph graph, ref readonly Instruction c, double dy) : IOperationVisitor<bool>
    {
        private readonly ref readonly Instruction _c = ref c;
        private readonly ref double _v = ref MemoryMarshal.GetArrayDataReference(graph._values);
        private readonly ref double _g = ref MemoryMarshal.GetArrayDataReference(graph._grads);

        private ReadOnlySpan<double> V => graph._values;

        private Span<double> G => graph._grads;

        public bool Leaf() => false;

        public bool Unary<TRule>()
            where TRule : IUnaryRule
        {
            TRule.Backward(Unsafe.Add(ref _v, _c.A), Unsafe.Add(ref _v, _c.Dst), dy, ref Unsafe.Add(ref _g, _c.A));
            return true;
        }

        public bool Binary<TRule>()
            where TRule : IBinaryRule
        {
            TRule.Backward(
                Unsafe.Add(ref _v, _c.A), Unsafe.Add(ref _v, _c.B), Unsafe.Add(ref _v, _c.Dst), dy,
                ref Unsafe.Add(ref _g, _c.A), ref Unsafe.Add(ref _g, _c.B));
            return true;
        }

        public bool WithConstants<TRule>()
            where TRule : IConstantRule
        {
            TRule.Backward(
                Unsafe.Add(ref _v, _c.A), graph._constants.AsSpan(_c.B, _c.Count), Unsafe.Add(ref _v, _c.Dst), dy,
                ref Unsafe.Add(ref _g, _c.A));
            return true;
        }

        public bool Dot()
        {
            var v = V;
            var g = G;
            int n = _c.Count;
            if (_c.Gather >= 0)
            {
                var slots = graph._gathered.AsSpan(_c.Gather, (2 * n) + (_c.HasBias ? 1 : 0));
                for (int k = 0; k < n; k++)
                {
                    int w = slots[k], x = slots[slots.Length - n + k];
                    Rules.DotTermBackward(v[w], v[x], dy, ref g[w], ref g[x]);
                }

                if (_c.HasBias)
                {
                    Rules.BiasBackward(dy, ref g[slots[n]]);
                }

                return true;
            }

            int ws = _c.A, xs = _c.B;
            int weightsEnd = ws + n + (_c.HasBias ? 1 : 0);
            if (n >= 4 && (ws == xs || weightsEnd <= xs || xs + n <= ws))
            {
                // The runs are the same (Σ pᵢ² as a dot product of p with itself) or do not overlap: each gradient gets
                // its contributions in the same order as in the term-by-term loop below, so the same bits. The
                // weights' gradients take the inputs' values and the inputs' gradients the weights' (DotTermBackward).
                Rules.AddScaled(v.Slice(xs, n), dy, g.Slice(ws, n));
                Rules.AddScaled(v.Slice(ws, n), dy, g.Slice(xs, n));
            }
            else
            {
                // Too short for the vector units, or runs that overlap: the term-by-term rule directly.
                for (int k = 0; k < n; k++)
                {
                    Rules.DotTermBackward(v[ws + k], v[xs + k], dy, ref g[ws + k], ref g[xs + k]);
                }
            }

            if (_c.HasBias)
            {
                Rules.BiasBackward(dy, ref g[ws + n]);
            }

            return true;
        }

        public bool Sum()
        {
            var g = G;
            if (_c.Gather < 0)
            {
                foreach (ref double term in g.Slice(_c.A, _c.Count))
                {
                    Rules.SumTermBackward(dy, ref term);
                }
            }
            else
            {
                foreach (int k in graph._gathered.AsSpan(_c.Gather, _c.Count))
                {
                    Rules.SumTermBackward(dy, ref g[k]);
                }
            }

            return true;
        }

        public bool Mean()
        {
            var g = G;
            int n = _c.Count;
            if (_c.Gather < 0)
            {
                foreach (ref double term in g.Slice(_c.A, n))
                {
                    Rules.MeanTermBackward(dy, n, ref term);
                }
            }
            else
            {
                foreach (int k in graph._gathered.AsSpan(_c.Gather, n))
                {
                    Rules.MeanTermBackward(dy, n, ref g[k]);
                }
            }

            return true;
        }

        public bool LogSumExp()
        {
            if (_c.Gather < 0)
            {
                var gradients = new GradientsIn(G.Slice(_c.A, _c.Count));
                Rules.LogSumExpBackward(new ValuesIn(V.Slice(_c.A, _c.Count)), dy, ref gradients);
            }
            else
            {
                var slots = graph._gathered.AsSpan(_c.Gather, _c.Count);
                var gradients = new GradientsAt(G, slots);
                Rules.LogSumExpBackward(new ValuesAt(V, slots), dy, ref gradients);
            }

            return true;
        }
    }
}
