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
    private readonly Scalar[] _nodes;
    private readonly Instruction[] _code;
    private readonly int[] _operands;
    private readonly double[] _values;
    private readonly double[] _grads;

    internal CompiledGraph(Scalar root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var sorted = Topology.Sort(root);
        try
        {
            _nodes = sorted.Nodes.ToArray();
        }
        finally
        {
            sorted.Dispose();
        }

        var index = new Dictionary<Scalar, int>(_nodes.Length, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < _nodes.Length; i++)
        {
            index.Add(_nodes[i], i);
        }

        var operands = new List<int>();
        _code = new Instruction[_nodes.Length];
        _values = new double[_nodes.Length];
        _grads = new double[_nodes.Length];
        for (int i = 0; i < _nodes.Length; i++)
        {
            var node = _nodes[i];
            _values[i] = node.Data;
            _code[i] = node.Code switch
            {
                OpCode.Leaf => new Instruction(OpCode.Leaf),
                OpCode.Sum or OpCode.LogSumExp => new Instruction(node.Code, start: operands.Count, count: AddAll(node.Xs)),
                OpCode.Dot => new Instruction(
                    OpCode.Dot,
                    a: node.BiasOrNull is { } bias ? index[bias] : -1,
                    start: operands.Count,
                    count: AddPairs(node.Xs, node.Ys)),
                OpCode.PowConstant => new Instruction(OpCode.PowConstant, a: index[node.A], constant: node.B.Data),
                _ when node.ParentCountForTraversal() == 1 => new Instruction(node.Code, a: index[node.A]),
                _ => new Instruction(node.Code, a: index[node.A], b: index[node.B]),
            };
        }

        _operands = [.. operands];
        Root = root;

        int AddAll(Scalar[] parents)
        {
            foreach (var p in parents)
            {
                operands.Add(index[p]);
            }

            return parents.Length;
        }

        int AddPairs(Scalar[] weights, Scalar[] inputs)
        {
            for (int k = 0; k < weights.Length; k++)
            {
                operands.Add(index[weights[k]]);
                operands.Add(index[inputs[k]]);
            }

            return weights.Length;
        }
    }

    /// <summary>Gets the Scalar whose value <see cref="Forward"/> returns.</summary>
    public Scalar Root { get; }

    /// <summary>Gets the number of nodes (leaves included) in the graph.</summary>
    public int NodeCount => _nodes.Length;

    /// <summary>
    /// Recomputes every node from the leaves' current <see cref="Scalar.Data"/>, stores the results in the
    /// graph's Scalars, and returns the root's value. Allocates nothing.
    /// </summary>
    /// <returns>The new value of <see cref="Root"/>.</returns>
    public double Forward()
    {
        var v = _values;
        var args = _operands;
        var code = _code;
        for (int i = 0; i < code.Length; i++)
        {
            ref readonly var c = ref code[i];
            double y;
            switch (c.Op)
            {
                case OpCode.Leaf:
                    v[i] = _nodes[i].Data;
                    continue;
                case OpCode.Add: y = Rules.Add(v[c.A], v[c.B]); break;
                case OpCode.Subtract: y = Rules.Subtract(v[c.A], v[c.B]); break;
                case OpCode.Multiply: y = Rules.Multiply(v[c.A], v[c.B]); break;
                case OpCode.Divide: y = Rules.Divide(v[c.A], v[c.B]); break;
                case OpCode.Negate: y = Rules.Negate(v[c.A]); break;
                case OpCode.Pow: y = Rules.Pow(v[c.A], v[c.B]); break;
                case OpCode.PowConstant: y = Rules.PowConstant(v[c.A], c.Constant); break;
                case OpCode.Relu: y = Rules.Relu(v[c.A]); break;
                case OpCode.Tanh: y = Rules.Tanh(v[c.A]); break;
                case OpCode.Sigmoid: y = Rules.Sigmoid(v[c.A]); break;
                case OpCode.Exp: y = Rules.Exp(v[c.A]); break;
                case OpCode.Log: y = Rules.Log(v[c.A]); break;
                case OpCode.Abs: y = Rules.Abs(v[c.A]); break;
                case OpCode.Sqrt: y = Rules.Sqrt(v[c.A]); break;
                case OpCode.Softplus: y = Rules.Softplus(v[c.A]); break;
                case OpCode.Dot:
                {
                    // Operands are stored as pairs: weight index, input index.
                    y = c.A >= 0 ? v[c.A] : 0;
                    foreach (var (w, x) in Pairs(args, c))
                    {
                        y = Rules.DotTerm(y, v[w], v[x]);
                    }

                    break;
                }

                case OpCode.Sum:
                {
                    y = 0;
                    foreach (int k in args.AsSpan(c.Start, c.Count))
                    {
                        y = Rules.SumTerm(y, v[k]);
                    }

                    break;
                }

                case OpCode.LogSumExp:
                {
                    var terms = args.AsSpan(c.Start, c.Count);
                    double max = double.NegativeInfinity;
                    foreach (int k in terms)
                    {
                        max = Rules.LogSumExpMax(max, v[k]);
                    }

                    double sum = 0;
                    foreach (int k in terms)
                    {
                        sum = Rules.LogSumExpTerm(sum, v[k], max);
                    }

                    y = Rules.LogSumExpFinish(max, sum);
                    break;
                }

                default:
                    throw new InvalidOperationException($"Operation {c.Op} has no compiled form.");
            }

            v[i] = y;
            _nodes[i].Data = y;
        }

        return v[^1];
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
        var args = _operands;
        var code = _code;
        for (int i = 0; i < code.Length; i++)
        {
            g[i] = code[i].Op == OpCode.Leaf ? _nodes[i].Grad : 0;
        }

        g[^1] += 1; // d(root)/d(root) = 1

        for (int i = code.Length - 1; i >= 0; i--)
        {
            ref readonly var c = ref code[i];
            double dy = g[i];
            if (dy == 0)
            {
                continue; // nothing to pass on, as in Scalar.Backward
            }

            switch (c.Op)
            {
                case OpCode.Leaf: break;
                case OpCode.Add: Rules.AddBackward(dy, ref g[c.A], ref g[c.B]); break;
                case OpCode.Subtract: Rules.SubtractBackward(dy, ref g[c.A], ref g[c.B]); break;
                case OpCode.Multiply: Rules.MultiplyBackward(v[c.A], v[c.B], dy, ref g[c.A], ref g[c.B]); break;
                case OpCode.Divide: Rules.DivideBackward(v[c.B], v[i], dy, ref g[c.A], ref g[c.B]); break;
                case OpCode.Negate: Rules.NegateBackward(dy, ref g[c.A]); break;
                case OpCode.Pow: Rules.PowBackward(v[c.A], v[c.B], v[i], dy, ref g[c.A], ref g[c.B]); break;
                case OpCode.PowConstant: Rules.PowConstantBackward(v[c.A], c.Constant, dy, ref g[c.A]); break;
                case OpCode.Relu: Rules.ReluBackward(v[i], dy, ref g[c.A]); break;
                case OpCode.Tanh: Rules.TanhBackward(v[i], dy, ref g[c.A]); break;
                case OpCode.Sigmoid: Rules.SigmoidBackward(v[i], dy, ref g[c.A]); break;
                case OpCode.Exp: Rules.ExpBackward(v[i], dy, ref g[c.A]); break;
                case OpCode.Log: Rules.LogBackward(v[c.A], dy, ref g[c.A]); break;
                case OpCode.Abs: Rules.AbsBackward(v[c.A], dy, ref g[c.A]); break;
                case OpCode.Sqrt: Rules.SqrtBackward(v[i], dy, ref g[c.A]); break;
                case OpCode.Softplus: Rules.SoftplusBackward(v[c.A], dy, ref g[c.A]); break;
                case OpCode.Dot:
                {
                    foreach (var (w, x) in Pairs(args, c))
                    {
                        Rules.DotTermBackward(v[w], v[x], dy, ref g[w], ref g[x]);
                    }

                    if (c.A >= 0)
                    {
                        Rules.BiasBackward(dy, ref g[c.A]);
                    }

                    break;
                }

                case OpCode.Sum:
                    foreach (int k in args.AsSpan(c.Start, c.Count))
                    {
                        Rules.SumTermBackward(dy, ref g[k]);
                    }

                    break;
                case OpCode.LogSumExp:
                    foreach (int k in args.AsSpan(c.Start, c.Count))
                    {
                        Rules.LogSumExpTermBackward(v[k], v[i], dy, ref g[k]);
                    }

                    break;
                default:
                    throw new InvalidOperationException($"Operation {c.Op} has no compiled form.");
            }
        }

        for (int i = 0; i < code.Length; i++)
        {
            _nodes[i].Grad = g[i];
        }
    }

    private static PairEnumerator Pairs(int[] operands, in Instruction c) => new(operands.AsSpan(c.Start, 2 * c.Count));

    /// <summary>Walks a Dot's operands as (weight index, input index) pairs.</summary>
    private ref struct PairEnumerator(ReadOnlySpan<int> pairs)
    {
        private readonly ReadOnlySpan<int> _pairs = pairs;
        private int _next = -2;

        public readonly (int W, int X) Current => (_pairs[_next], _pairs[_next + 1]);

        public readonly PairEnumerator GetEnumerator() => this;

        public bool MoveNext() => (_next += 2) < _pairs.Length;
    }

    /// <summary>One node of the flattened graph: its operation and where its operands are.</summary>
    private readonly struct Instruction(OpCode op, int a = -1, int b = -1, int start = 0, int count = 0, double constant = 0)
    {
        public OpCode Op { get; } = op;

        /// <summary>Gets the index of the first operand (the bias of a Dot; −1 if none).</summary>
        public int A { get; } = a;

        /// <summary>Gets the index of the second operand.</summary>
        public int B { get; } = b;

        /// <summary>Gets where the terms of a Sum or LogSumExp, or a Dot's (weight, input) pairs, start in the operand array.</summary>
        public int Start { get; } = start;

        /// <summary>Gets the number of terms (of a Sum or LogSumExp) or of weights (of a Dot).</summary>
        public int Count { get; } = count;

        /// <summary>Gets the exponent of a PowConstant.</summary>
        public double Constant { get; } = constant;
    }
}
