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
/// Each operation is evaluated by the same formulas (<c>Rules</c>) as the Scalars' own backward closures,
/// in the same order, so the compiled and the dynamic path give identical numbers. After
/// <see cref="Forward"/> every Scalar of the graph holds its new <see cref="Scalar.Data"/>; after
/// <see cref="Backward"/> every Scalar holds its new <see cref="Scalar.Grad"/>, with leaves accumulating,
/// exactly as after <see cref="Scalar.Backward"/>. Every operation Scalar offers can be compiled.
/// </para>
/// <para>
/// The values live in one array, at places chosen so that the operands of a dot product, a sum or a log-sum-exp
/// are consecutive where possible (see <c>SlotLayout</c>): then the fused operations read plain runs of numbers.
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
public sealed class CompiledGraph
{
    private readonly Leaf[] _leaves;        // read before anything is computed
    private readonly Instruction[] _code;   // the operations, in topological order; the root is last
    private readonly int _rootSlot;
    private readonly int[] _operands;       // slots of the operands of fused operations, list after list
    private readonly double[] _constants;   // exponents of PowConstant
    private readonly double[] _values;      // by slot
    private readonly double[] _grads;       // by slot

    internal CompiledGraph(Scalar root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var (nodes, index) = Topology.Numbered(root);

        int[] slot = SlotLayout.Assign(nodes, index);
        var operands = new List<int>();
        var constants = new List<double>();
        var leaves = new List<Leaf>();
        var code = new List<Instruction>(nodes.Length);
        _values = new double[nodes.Length];
        _grads = new double[nodes.Length];
        for (int i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            int dst = slot[i];
            _values[dst] = node.Data;
            if (node.IsLeaf)
            {
                leaves.Add(new Leaf(node, dst));
                continue;
            }

            code.Add(node.Code switch
            {
                OpCode.Sum or OpCode.LogSumExp => new Instruction(
                    node, node.Code, dst, count: node.Xs.Length, start: AddSlots(node.Xs)),
                OpCode.Dot => new Instruction(
                    node,
                    OpCode.Dot,
                    dst,
                    a: node.BiasOrNull is { } bias ? SlotOf(bias) : -1,
                    count: node.Xs.Length,
                    start: AddSlots(node.Xs, node.Ys),
                    w: Consecutive(node.Xs),
                    x: Consecutive(node.Ys)),
                OpCode.PowConstant => new Instruction(node, OpCode.PowConstant, dst, a: SlotOf(node.A), b: AddConstant(node.B.Data)),
                _ when node.ParentCountForTraversal() == 1 => new Instruction(node, node.Code, dst, a: SlotOf(node.A)),
                _ => new Instruction(node, node.Code, dst, a: SlotOf(node.A), b: SlotOf(node.B)),
            });
        }

        _leaves = [.. leaves];
        _code = [.. code];
        _rootSlot = slot[^1];
        _operands = [.. operands];
        _constants = [.. constants];
        Root = root;

        int SlotOf(Scalar node) => slot[index[node]];

        int Consecutive(Scalar[] list) => SlotLayout.ConsecutiveStart(list, index, slot);

        int AddSlots(Scalar[] first, Scalar[]? second = null)
        {
            int start = operands.Count;
            foreach (var p in first)
            {
                operands.Add(SlotOf(p));
            }

            foreach (var p in second ?? [])
            {
                operands.Add(SlotOf(p));
            }

            return start;
        }

        int AddConstant(double value)
        {
            constants.Add(value);
            return constants.Count - 1;
        }
    }

    /// <summary>Gets the Scalar whose value <see cref="Forward"/> returns.</summary>
    public Scalar Root { get; }

    /// <summary>Gets the number of nodes (leaves included) in the graph.</summary>
    public int NodeCount => _leaves.Length + _code.Length;

    /// <summary>
    /// Recomputes every node from the leaves' current <see cref="Scalar.Data"/>, stores the results in the
    /// graph's Scalars, and returns the root's value. Allocates nothing.
    /// </summary>
    /// <returns>The new value of <see cref="Root"/>.</returns>
    public double Forward()
    {
        var v = _values;
        foreach (var leaf in _leaves)
        {
            v[leaf.Slot] = leaf.Node.Data;
        }

        foreach (ref readonly var c in _code.AsSpan())
        {
            double y = c.Op switch
            {
                OpCode.Add => Rules.Add(v[c.A], v[c.B]),
                OpCode.Subtract => Rules.Subtract(v[c.A], v[c.B]),
                OpCode.Multiply => Rules.Multiply(v[c.A], v[c.B]),
                OpCode.Divide => Rules.Divide(v[c.A], v[c.B]),
                OpCode.Negate => Rules.Negate(v[c.A]),
                OpCode.Pow => Rules.Pow(v[c.A], v[c.B]),
                OpCode.PowConstant => Rules.PowConstant(v[c.A], _constants[c.B]),
                OpCode.Relu => Rules.Relu(v[c.A]),
                OpCode.Tanh => Rules.Tanh(v[c.A]),
                OpCode.Sigmoid => Rules.Sigmoid(v[c.A]),
                OpCode.Exp => Rules.Exp(v[c.A]),
                OpCode.Log => Rules.Log(v[c.A]),
                OpCode.Abs => Rules.Abs(v[c.A]),
                OpCode.Sqrt => Rules.Sqrt(v[c.A]),
                OpCode.Softplus => Rules.Softplus(v[c.A]),
                OpCode.Dot => Dot(c, v),
                OpCode.Sum => Rules.Sum(new ValuesAt(v, Terms(c))),
                OpCode.LogSumExp => Rules.LogSumExp(new ValuesAt(v, Terms(c))),
                _ => throw new InvalidOperationException($"Operation {c.Op} has no compiled form."),
            };
            v[c.Dst] = y;
            c.Node.Data = y;
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
        var v = _values;
        var g = _grads;
        Array.Clear(g); // intermediate gradients start from zero…
        foreach (var leaf in _leaves)
        {
            g[leaf.Slot] = leaf.Node.Grad; // …and leaves accumulate onto what they hold
        }

        g[_rootSlot] += 1; // d(root)/d(root) = 1

        var code = _code.AsSpan();
        for (int i = code.Length - 1; i >= 0; i--)
        {
            ref readonly var c = ref code[i];
            double dy = g[c.Dst]; // complete: every node that uses this one came later and is done
            c.Node.Grad = dy;
            if (dy == 0)
            {
                continue; // nothing to pass on, as in Scalar.Backward
            }

            switch (c.Op)
            {
                case OpCode.Add: Rules.AddBackward(dy, ref g[c.A], ref g[c.B]); break;
                case OpCode.Subtract: Rules.SubtractBackward(dy, ref g[c.A], ref g[c.B]); break;
                case OpCode.Multiply: Rules.MultiplyBackward(v[c.A], v[c.B], dy, ref g[c.A], ref g[c.B]); break;
                case OpCode.Divide: Rules.DivideBackward(v[c.B], v[c.Dst], dy, ref g[c.A], ref g[c.B]); break;
                case OpCode.Negate: Rules.NegateBackward(dy, ref g[c.A]); break;
                case OpCode.Pow: Rules.PowBackward(v[c.A], v[c.B], v[c.Dst], dy, ref g[c.A], ref g[c.B]); break;
                case OpCode.PowConstant: Rules.PowConstantBackward(v[c.A], _constants[c.B], dy, ref g[c.A]); break;
                case OpCode.Relu: Rules.ReluBackward(v[c.Dst], dy, ref g[c.A]); break;
                case OpCode.Tanh: Rules.TanhBackward(v[c.Dst], dy, ref g[c.A]); break;
                case OpCode.Sigmoid: Rules.SigmoidBackward(v[c.Dst], dy, ref g[c.A]); break;
                case OpCode.Exp: Rules.ExpBackward(v[c.Dst], dy, ref g[c.A]); break;
                case OpCode.Log: Rules.LogBackward(v[c.A], dy, ref g[c.A]); break;
                case OpCode.Abs: Rules.AbsBackward(v[c.A], dy, ref g[c.A]); break;
                case OpCode.Sqrt: Rules.SqrtBackward(v[c.Dst], dy, ref g[c.A]); break;
                case OpCode.Softplus: Rules.SoftplusBackward(v[c.A], dy, ref g[c.A]); break;
                case OpCode.Dot: DotBackward(c, dy); break;
                case OpCode.Sum:
                    foreach (int k in Terms(c))
                    {
                        Rules.SumTermBackward(dy, ref g[k]);
                    }

                    break;
                case OpCode.LogSumExp:
                    foreach (int k in Terms(c))
                    {
                        Rules.LogSumExpTermBackward(v[k], v[c.Dst], dy, ref g[k]);
                    }

                    break;
                default: throw new InvalidOperationException($"Operation {c.Op} has no compiled form.");
            }
        }

        foreach (var leaf in _leaves)
        {
            leaf.Node.Grad = g[leaf.Slot];
        }
    }

    private double Dot(in Instruction c, double[] v)
    {
        double bias = c.A >= 0 ? v[c.A] : 0;
        if (c.W >= 0 && c.X >= 0)
        {
            return Rules.Dot(new ValuesIn(v.AsSpan(c.W, c.Count)), new ValuesIn(v.AsSpan(c.X, c.Count)), bias);
        }

        var operands = _operands.AsSpan(c.Start, 2 * c.Count);
        return Rules.Dot(new ValuesAt(v, operands[..c.Count]), new ValuesAt(v, operands[c.Count..]), bias);
    }

    private void DotBackward(in Instruction c, double dy)
    {
        var v = _values;
        var g = _grads;
        if (c.W >= 0 && c.X >= 0)
        {
            // Both operand lists are runs of consecutive slots.
            var wv = v.AsSpan(c.W, c.Count);
            var xv = v.AsSpan(c.X, c.Count);
            var gw = g.AsSpan(c.W, c.Count);
            var gx = g.AsSpan(c.X, c.Count);
            for (int k = 0; k < wv.Length; k++)
            {
                Rules.DotTermBackward(wv[k], xv[k], dy, ref gw[k], ref gx[k]); // d/dwₖ = xₖ, d/dxₖ = wₖ
            }
        }
        else
        {
            var operands = _operands.AsSpan(c.Start, 2 * c.Count);
            var w = operands[..c.Count];
            var x = operands[c.Count..];
            for (int k = 0; k < w.Length; k++)
            {
                Rules.DotTermBackward(v[w[k]], v[x[k]], dy, ref g[w[k]], ref g[x[k]]);
            }
        }

        if (c.A >= 0)
        {
            Rules.BiasBackward(dy, ref g[c.A]);
        }
    }

    private ReadOnlySpan<int> Terms(in Instruction c) => _operands.AsSpan(c.Start, c.Count);

    /// <summary>A leaf of the flattened graph and the slot of its value and gradient.</summary>
    private readonly record struct Leaf(Scalar Node, int Slot);

    /// <summary>One node of the flattened graph: its operation, where its value goes and where its operands are.</summary>
    private readonly struct Instruction(Scalar node, OpCode op, int dst, int a = -1, int b = -1, int count = 0, int start = 0, int w = -1, int x = -1)
    {
        /// <summary>Gets the Scalar this instruction computes.</summary>
        public Scalar Node { get; } = node;

        public OpCode Op { get; } = op;

        /// <summary>Gets the slot of the node's own value and gradient.</summary>
        public int Dst { get; } = dst;

        /// <summary>Gets the slot of the first operand (the bias of a Dot; −1 if none).</summary>
        public int A { get; } = a;

        /// <summary>Gets the slot of the second operand, or for PowConstant the index of its exponent.</summary>
        public int B { get; } = b;

        /// <summary>Gets the number of terms (of a Sum or LogSumExp) or of weights (of a Dot).</summary>
        public int Count { get; } = count;

        /// <summary>Gets where the operand slots start in the operand array: the terms, or a Dot's weights then inputs.</summary>
        public int Start { get; } = start;

        /// <summary>Gets the first slot of a Dot's weights when they are consecutive, else −1.</summary>
        public int W { get; } = w;

        /// <summary>Gets the first slot of a Dot's inputs when they are consecutive, else −1.</summary>
        public int X { get; } = x;
    }
}
