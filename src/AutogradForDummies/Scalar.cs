using System.Globalization;

namespace AutogradForDummies;

/// <summary>
/// A single number that remembers how it was computed, so that its gradient can be
/// propagated back to everything it was computed from.
/// </summary>
/// <remarks>
/// <para>
/// Every arithmetic operation on Scalars returns a new Scalar that records its
/// <see cref="Parents"/>, the operation (<see cref="Op"/>) and a small backward closure that
/// knows the operation's local derivative. Together the Scalars form a directed acyclic graph
/// (DAG). <see cref="Backward"/> walks that graph from the output back to the leaves and applies
/// the chain rule, filling in <see cref="Grad"/> on every node.
/// </para>
/// <para>
/// <b>Numerics.</b> Scalars follow IEEE-754 doubles and never throw for a numeric reason:
/// <c>Exp</c> overflows to +∞, <c>Log(0)</c> is −∞, <c>Log</c> of a negative number is NaN,
/// <c>Sqrt</c> of a negative number is NaN, a negative base to a fractional power is NaN and
/// division by zero gives ±∞ or NaN. <see cref="Sigmoid"/> and <see cref="Tanh"/> are evaluated
/// so that they stay finite, with finite gradients, for any finite input (even ±1000).
/// </para>
/// <para>
/// <b>Threads.</b> A Scalar is not thread-safe. Separate graphs that share no Scalar can be
/// built, evaluated and differentiated on different threads at the same time. A graph, its
/// leaves (parameters) included, must be used by one thread at a time.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var a = new Scalar(2.0, "a");
/// var b = new Scalar(-3.0, "b");
/// var c = a * b + a;   // c = a·b + a = -4
/// c.Backward();        // dc/da = b + 1 = -2, dc/db = a = 2
/// Console.WriteLine(a); // Scalar(data=2, grad=-2)
/// </code>
/// </example>
public sealed partial class Scalar
{
    // The parents. Which slots an operation uses depends on its kind:
    //   unary ops: _a;   binary ops: _a and _b;   PowConstant: _a, and _b holds the exponent
    //   Sum and LogSumExp: _xs (the terms);   Dot: _xs (weights), _ys (inputs) and _a (the bias, or null).
    private readonly Scalar? _a;
    private readonly Scalar? _b;
    private readonly Scalar[]? _xs;
    private readonly Scalar[]? _ys;

    // A static (non-capturing) lambda that reads this node's parents: no allocation per node.
    private readonly Action<Scalar>? _backward;

    private string? _label;
    private double _grad;

    /// <summary>Creates a leaf: an input, a parameter or a constant.</summary>
    /// <param name="data">The value.</param>
    /// <param name="label">An optional name, shown by <see cref="ToDot"/>.</param>
    public Scalar(double data, string? label = null)
    {
        Data = data;
        _label = label;
    }

    private Scalar(double data, OpCode code, Scalar? a, Scalar? b, Scalar[]? xs, Scalar[]? ys, Action<Scalar> backward)
    {
        Data = data;
        Code = code;
        _a = a;
        _b = b;
        _xs = xs;
        _ys = ys;
        _backward = backward;
    }

    /// <summary>Gets or sets the value. Setting it on a leaf changes an input of the graph;
    /// <see cref="CompiledGraph.Forward"/> then recomputes everything downstream.</summary>
    public double Data { get; set; }

    /// <summary>Gets or sets the gradient: d(root)/d(this) after the root's <see cref="Backward"/>.
    /// Leaves accumulate it over calls until it is reset (see <c>Module.ZeroGrad()</c>).</summary>
    public double Grad
    {
        get => _grad;
        set => _grad = value;
    }

    /// <summary>Gets or sets an optional name, shown by <see cref="ToDot"/>.</summary>
    public string? Label
    {
        get => _label;
        set => _label = value;
    }

    /// <summary>Gets the name of the operation that produced this Scalar, such as <c>"+"</c>,
    /// <c>"*"</c>, <c>"**3"</c> or <c>"tanh"</c>; empty for a leaf.</summary>
    public string Op => Code switch
    {
        OpCode.Leaf => string.Empty,
        OpCode.Add => "+",
        OpCode.Subtract => "-",
        OpCode.Multiply => "*",
        OpCode.Divide => "/",
        OpCode.Negate => "neg",
        OpCode.Pow => "**",
        OpCode.PowConstant => "**" + B.Data.ToString(CultureInfo.InvariantCulture),
        OpCode.Relu => "ReLU",
        OpCode.Tanh => "tanh",
        OpCode.Sigmoid => "sigmoid",
        OpCode.Exp => "exp",
        OpCode.Log => "log",
        OpCode.Abs => "abs",
        OpCode.Sqrt => "sqrt",
        OpCode.Softplus => "softplus",
        OpCode.Dot => "dot",
        OpCode.Sum => "sum",
        OpCode.LogSumExp => "logsumexp",
        _ => throw new InvalidOperationException($"Unknown operation {Code}."),
    };

    /// <summary>Gets whether this Scalar is a leaf (an input, parameter or constant) rather than the result of an operation.</summary>
    public bool IsLeaf => Code == OpCode.Leaf;

    /// <summary>Gets the Scalars this one was computed from, in operand order; empty for a leaf.
    /// For a dot product: the weights, then the inputs, then the bias. Each call returns a new list.</summary>
    public IReadOnlyList<Scalar> Parents
    {
        get
        {
            Scalar[] parents = Code switch
            {
                OpCode.Leaf => [],
                OpCode.Sum or OpCode.LogSumExp => [.. _xs!],
                OpCode.Dot when _a is null => [.. _xs!, .. _ys!],
                OpCode.Dot => [.. _xs!, .. _ys!, _a],
                _ when ParentCountForTraversal() == 1 => [_a!],
                _ => [_a!, _b!],
            };
            return Array.AsReadOnly(parents);
        }
    }

    internal OpCode Code { get; }

    /// <summary>Marks a node during one traversal; always false between traversals.</summary>
    internal bool Visited { get; set; }

    internal Scalar A => _a!;

    internal Scalar B => _b!;

    internal Scalar? BiasOrNull => _a;

    internal Scalar[] Xs => _xs!;

    internal Scalar[] Ys => _ys!;

    internal ref double GradRef => ref _grad;

    internal Action<Scalar>? BackwardRule => _backward;

    /// <summary>Converts a number to a constant leaf, so <c>2 * x</c> and <c>x + 1</c> just work.</summary>
    /// <param name="value">The value of the constant.</param>
    public static implicit operator Scalar(double value) => new(value);

    /// <summary>Creates a constant leaf; the named form of the implicit conversion.</summary>
    /// <param name="value">The value of the constant.</param>
    /// <returns>A new leaf holding <paramref name="value"/>.</returns>
    public static Scalar FromDouble(double value) => new(value);

    /// <summary>Sets <see cref="Label"/> and returns this Scalar, for naming results inline.</summary>
    /// <param name="label">The name; not null or blank.</param>
    /// <returns>This Scalar.</returns>
    /// <exception cref="ArgumentException"><paramref name="label"/> is null, empty or white space.</exception>
    public Scalar WithLabel(string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        _label = label;
        return this;
    }

    /// <summary>
    /// Computes d(this)/d(node) for every node of the graph that produced this Scalar, by the chain rule
    /// in reverse topological order.
    /// </summary>
    /// <remarks>
    /// <para>The gradients of intermediate nodes are recomputed from zero; the gradient of this root is
    /// d(root)/d(root) = 1. Leaves <b>accumulate</b>: a second call adds the same gradients again, as in
    /// micrograd and PyTorch, so reset them with <c>Module.ZeroGrad()</c> or an optimizer's
    /// <c>ZeroGrad()</c> between training steps.</para>
    /// <para>A node whose gradient is exactly zero passes nothing on: its contributions, 0 × local derivative,
    /// are skipped. This matters for speed (a ReLU that is off, or a hinge-loss sample outside the margin,
    /// silences a whole subgraph) and differs from plain IEEE arithmetic only where a local derivative is
    /// infinite or NaN, where 0 × ∞ would have produced NaN.</para>
    /// <para>The graph is sorted iteratively with an explicit stack, so a chain millions of nodes deep
    /// works, and the traversal buffers are reused from call to call.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// var x = new Scalar(3.0);
    /// var y = x * x + 2 * x;   // y = x² + 2x
    /// y.Backward();            // dy/dx = 2x + 2 = 8
    /// Console.WriteLine(x.Grad); // 8
    /// </code>
    /// </example>
    public void Backward()
    {
        var order = Topology.Sort(this);
        try
        {
            var nodes = order.Nodes;

            // Intermediate gradients start from zero on every pass; leaves keep theirs and accumulate.
            for (int i = 0; i < nodes.Length; i++)
            {
                if (!nodes[i].IsLeaf)
                {
                    nodes[i]._grad = 0;
                }
            }

            _grad += 1; // d(root)/d(root) = 1

            // Reverse topological order: a node's gradient is complete before it is passed on.
            // A node whose gradient is exactly 0 has nothing to pass on (see the remarks on Backward).
            for (int i = nodes.Length - 1; i >= 0; i--)
            {
                var node = nodes[i];
                if (node._grad != 0)
                {
                    node._backward?.Invoke(node);
                }
            }
        }
        finally
        {
            order.Dispose();
        }
    }

    /// <summary>Lists every Scalar of the graph that produced this one, each exactly once, parents before the nodes
    /// computed from them; this Scalar comes last. <see cref="Backward"/> walks this list from the end.</summary>
    /// <returns>A new list, leaves included.</returns>
    /// <example>
    /// <code>
    /// var a = new Scalar(2.0, "a");
    /// var b = (a * a).WithLabel("b");
    /// var c = (b + a).WithLabel("c");
    /// // c.TopologicalOrder() is [a, b, c]: a before b, b before c
    /// </code>
    /// </example>
    public IReadOnlyList<Scalar> TopologicalOrder() => Array.AsReadOnly(Topology.Numbered(this).Nodes);

    /// <summary>Flattens the graph that produced this Scalar into arrays, for fast repeated evaluation
    /// when only the leaves' values change (see <see cref="CompiledGraph"/>).</summary>
    /// <returns>A compiled copy of the graph's structure, bound to its Scalars.</returns>
    /// <example>
    /// <code>
    /// var x = new Scalar(1.0);
    /// var y = (x * x).Tanh();
    /// var graph = y.Compile();
    /// x.Data = 0.5;
    /// double value = graph.Forward(); // tanh(0.25)
    /// graph.Backward();               // x.Grad += (1 − tanh²(0.25))·2·0.5
    /// </code>
    /// </example>
    public CompiledGraph Compile() => new(this);

    /// <summary>
    /// Describes the whole graph that produced this Scalar as Graphviz DOT text, laid out left to right:
    /// one record per Scalar (label, data, grad), one small node per operation, and edges from inputs to
    /// outputs. Each Scalar appears exactly once, however often it is reused.
    /// </summary>
    /// <returns>DOT text; render it with <see cref="GraphvizRenderer"/> or any Graphviz tool.</returns>
    public string ToDot() => DotWriter.Write(this);

    /// <summary>Returns text like <c>Scalar(data=2.5, grad=0)</c>.</summary>
    /// <returns>The value and gradient, formatted with the invariant culture.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Scalar(data={Data}, grad={_grad})");

    /// <summary>The number of parent slots the traversal visits (the hidden exponent of PowConstant is not one).</summary>
    internal int ParentCountForTraversal() => Code switch
    {
        OpCode.Leaf => 0,
        OpCode.Sum or OpCode.LogSumExp => _xs!.Length,
        OpCode.Dot => (2 * _xs!.Length) + (_a is null ? 0 : 1),
        OpCode.PowConstant => 1,
        _ => _b is null ? 1 : 2,
    };
}
