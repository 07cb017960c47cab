using System.Globalization;
using System.Runtime.CompilerServices;

namespace AutogradForDummies;

/// <summary>
/// A single number that remembers how it was computed, so that its gradient can be
/// propagated back to everything it was computed from.
/// </summary>
/// <remarks>
/// <para>
/// Every arithmetic operation on Scalars returns a new Scalar that records its <see cref="Parents"/> and the
/// operation (<see cref="Op"/>) whose rule knows the local derivative. Together the Scalars form a directed acyclic
/// graph (DAG). <see cref="Backward"/> walks that graph from the output back to the leaves and applies the chain rule,
/// filling in <see cref="Grad"/> on every node.
/// </para>
/// <para>
/// <b>Numerics.</b> Scalars follow IEEE-754 doubles and never throw for a numeric reason:
/// <c>Exp</c> overflows to +∞, <c>Log(0)</c> is −∞, <c>Log</c> of a negative number is NaN,
/// <c>Sqrt</c> of a negative number is NaN, a negative base to a fractional power is NaN and
/// division by zero gives ±∞ or NaN. <see cref="Sigmoid()"/>, <see cref="Tanh()"/> and <see cref="Softplus()"/> are
/// evaluated so that they stay finite, with finite and accurate gradients, for any finite input (even ±1000).
/// </para>
/// <para>
/// <b>Equality.</b> <c>==</c> compares identity: two Scalars are equal only if they are the same node, because
/// two nodes with the same value are still different places in a graph. <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>,
/// <c>&gt;=</c> and <see cref="CompareTo"/> compare values. Compare values for equality with <c>a.Data == b.Data</c>.
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
    // Labels are rare (they name nodes in drawings), so they live beside the graph rather than in every node.
    private static readonly ConditionalWeakTable<Scalar, string> s_labels = [];

    // What this Scalar was computed from; nothing for a leaf. Two slots serve every operation:
    //   one operand (relu, tanh, …):           _in0 = the operand
    //   two operands (+, *, …):                _in0 = a, _in1 = b
    //   an operand and constants (a ** 3):     _in0 = the operand, _in1 = the constants (a double[])
    //   sum, mean, log-sum-exp:                _in0 = the terms (a Scalar[])
    //   dot product:                           _in0 = the weights, then the bias if there is one (a Scalar[]);
    //                                          _in1 = the inputs (a Scalar[])
    // The arrays belong to the graph and never change: one array of weights serves every node of its neuron.
    private readonly object? _in0;
    private readonly object? _in1;
    private double _data;
    private double _grad;
    private readonly OpCode _code;
    private readonly NodeShape _shape;
    private readonly InputFlags _flags;

    // Scratch space of a traversal (0 between traversals): a visit mark, or a node's position in a sorted graph.
    private int _mark;

    /// <summary>Creates a leaf: an input, a parameter or a constant.</summary>
    /// <param name="data">The value.</param>
    /// <param name="label">An optional name, shown by <see cref="ToDot"/>.</param>
    public Scalar(double data, string? label = null)
    {
        _data = data;
        if (label is not null)
        {
            s_labels.AddOrUpdate(this, label);
        }
    }

    private Scalar(double data, OpCode code, NodeShape shape, object in0, object? in1, InputFlags flags = InputFlags.None)
    {
        _data = data;
        _code = code;
        _shape = shape;
        _in0 = in0;
        _in1 = in1;
        _flags = flags;
    }

    /// <summary>Which operand lists of a fused node hold only leaves (so a traversal need not look at them).</summary>
    [Flags]
    private enum InputFlags : byte
    {
        None = 0,
        FirstListAllLeaves = 1,
        SecondListAllLeaves = 2,
    }

    /// <summary>Gets or sets the value. Setting it is for leaves (inputs and parameters): an optimizer's step,
    /// or a new input before <see cref="CompiledGraph.Forward"/> recomputes everything downstream.</summary>
    /// <exception cref="InvalidOperationException">Set on a Scalar that an operation computed: its value follows from
    /// its parents (a new value would be overwritten, and its gradients would be wrong).</exception>
    public double Data
    {
        get => _data;
        set
        {
            if (_code != OpCode.Leaf)
            {
                throw new InvalidOperationException(
                    $"This Scalar is the result of '{Op}', so its Data is computed from its parents and cannot be set. "
                    + "Set the Data of a leaf instead, or use Detach() to get a leaf with this value.");
            }

            _data = value;
        }
    }

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
        get => s_labels.TryGetValue(this, out string? label) ? label : null;
        set
        {
            if (value is null)
            {
                s_labels.Remove(this);
            }
            else
            {
                s_labels.AddOrUpdate(this, value);
            }
        }
    }

    /// <summary>Gets the name of the operation that produced this Scalar, such as <c>"+"</c>,
    /// <c>"*"</c>, <c>"**3"</c> or <c>"tanh"</c>; empty for a leaf.</summary>
    public string Op
    {
        get
        {
            var namer = new OperationName(this);
            return Operations.Visit<OperationName, string>(_code, namer);
        }
    }

    /// <summary>Gets whether this Scalar is a leaf (an input, parameter or constant) rather than the result of an operation.</summary>
    public bool IsLeaf => _code == OpCode.Leaf;

    /// <summary>Gets the Scalars this one was computed from, in operand order; empty for a leaf.
    /// For a dot product: the weights, then the inputs, then the bias. Each call returns a new list.</summary>
    public IReadOnlyList<Scalar> Parents
    {
        get
        {
            var lister = new ParentList(this);
            return Array.AsReadOnly(Operations.Visit<ParentList, Scalar[]>(_code, lister));
        }
    }

    internal OpCode Code => _code;

    /// <summary>Gets where the node's operands are (see the comment on the operand slots), whatever its operation.</summary>
    internal NodeShape Shape => _shape;

    /// <summary>Gets the operand of a unary operation, or the first operand of a binary one.</summary>
    internal Scalar First => (Scalar)_in0!;

    /// <summary>Gets the second operand of a binary operation.</summary>
    internal Scalar Second => (Scalar)_in1!;

    /// <summary>Gets the constants of an operation with constants, such as the exponent of <c>a ** 3</c>.</summary>
    internal double[] Constants => (double[])_in1!;

    /// <summary>Gets the terms of a sum, mean or log-sum-exp.</summary>
    internal Scalar[] Terms => (Scalar[])_in0!;

    /// <summary>Gets a dot product's weights followed by its bias, if it has one.</summary>
    internal Scalar[] WeightsAndBias => (Scalar[])_in0!;

    /// <summary>Gets a dot product's inputs (one per weight).</summary>
    internal Scalar[] Inputs => (Scalar[])_in1!;

    /// <summary>Gets whether this dot product has a bias (its weight list is one longer than its input list).</summary>
    internal bool HasBias => WeightsAndBias.Length > Inputs.Length;

    /// <summary>Gets whether the first operand list of a fused node holds only leaves.</summary>
    internal bool FirstListAllLeaves => (_flags & InputFlags.FirstListAllLeaves) != 0;

    /// <summary>Gets whether the second operand list of a fused node holds only leaves.</summary>
    internal bool SecondListAllLeaves => (_flags & InputFlags.SecondListAllLeaves) != 0;

    /// <summary>Gets or sets the traversal scratch field; 0 between traversals.</summary>
    internal int Mark
    {
        get => _mark;
        set => _mark = value;
    }

    /// <summary>Converts a number to a constant leaf, so <c>2 * x</c> and <c>x + 1</c> just work.</summary>
    /// <param name="value">The value of the constant.</param>
    public static implicit operator Scalar(double value) => new(value);

    /// <summary>Gives the value of a Scalar, as <see cref="Data"/> does.</summary>
    /// <param name="value">The Scalar.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static explicit operator double(Scalar value) => NotNull(value, nameof(value))._data;

    /// <summary>Creates a constant leaf; the named form of the implicit conversion.</summary>
    /// <param name="value">The value of the constant.</param>
    /// <returns>A new leaf holding <paramref name="value"/>.</returns>
    public static Scalar FromDouble(double value) => new(value);

    /// <summary>Gives the value; the named form of the explicit conversion to <see cref="double"/>.</summary>
    /// <returns><see cref="Data"/>.</returns>
    public double ToDouble() => _data;

    /// <summary>Sets <see cref="Label"/> and returns this Scalar, for naming results inline.</summary>
    /// <param name="label">The name; not null or blank.</param>
    /// <returns>This Scalar.</returns>
    /// <exception cref="ArgumentException"><paramref name="label"/> is null, empty or white space.</exception>
    public Scalar WithLabel(string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        s_labels.AddOrUpdate(this, label);
        return this;
    }

    /// <summary>Returns a new leaf with this Scalar's value: a constant that no gradient flows through, as PyTorch's
    /// <c>detach()</c>.</summary>
    /// <returns>A new leaf holding <see cref="Data"/>.</returns>
    public Scalar Detach() => new(_data);

    /// <summary>
    /// Computes d(this)/d(node) for every node of the graph that produced this Scalar, by the chain rule
    /// in reverse topological order.
    /// </summary>
    /// <remarks>
    /// <para>The gradients of intermediate nodes are recomputed from zero; the gradient of this root is
    /// d(root)/d(root) = 1. Leaves <b>accumulate</b>: a second call adds the same gradients again, as PyTorch does for
    /// leaves, so reset them with <c>Module.ZeroGrad()</c> or an optimizer's <c>ZeroGrad()</c> between training steps.</para>
    /// <para>A node whose gradient is exactly zero passes nothing on: its contributions, 0 × local derivative,
    /// are skipped. This matters for speed (a ReLU that is off, or a hinge-loss sample outside the margin,
    /// silences a whole subgraph) and differs from plain IEEE arithmetic only where a local derivative is
    /// infinite or NaN, where 0 × ∞ would have produced NaN.</para>
    /// <para>The graph is sorted iteratively with an explicit stack, so a chain millions of nodes deep
    /// works; only the nodes that operations made are sorted (leaves have nothing to pass on), in the order of
    /// <see cref="TopologicalOrder"/>, and the sort's buffers come from a shared pool.</para>
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
        // The non-leaf nodes, each after its parents, each with its gradient reset to 0.
        var sorted = Topology.SortOperations(this);
        try
        {
            _grad += 1; // d(root)/d(root) = 1

            // Reverse topological order: a node's gradient is complete before it is passed on.
            // A node whose gradient is exactly 0 has nothing to pass on (see the remarks above).
            var nodes = sorted.Nodes;
            for (int i = nodes.Length - 1; i >= 0; i--)
            {
                var node = nodes[i];
                if (node._grad != 0)
                {
                    var step = new BackwardStep(node);
                    Operations.Visit<BackwardStep, bool>(node._code, step);
                }
            }
        }
        finally
        {
            sorted.Dispose();
        }
    }

    /// <summary>Lists every Scalar of the graph that produced this one, each exactly once, parents before the nodes
    /// computed from them; this Scalar comes last. <see cref="Backward"/> visits the nodes of this list that are not
    /// leaves, from the end.</summary>
    /// <returns>A new list, leaves included.</returns>
    /// <example>
    /// <code>
    /// var a = new Scalar(2.0, "a");
    /// var b = (a * a).WithLabel("b");
    /// var c = (b + a).WithLabel("c");
    /// // c.TopologicalOrder() is [a, b, c]: a before b, b before c
    /// </code>
    /// </example>
    public IReadOnlyList<Scalar> TopologicalOrder()
    {
        using var graph = Topology.Number(this);
        return Array.AsReadOnly(graph.Nodes); // a new array, which the graph only marks
    }

    /// <summary>
    /// Gives the local derivative of this Scalar with respect to each of its <see cref="Parents"/>, at the current
    /// values: what <see cref="Backward"/> multiplies this node's gradient by before adding it to each parent's.
    /// </summary>
    /// <returns>One number per entry of <see cref="Parents"/>, in the same order (a parent that occurs twice, as in
    /// <c>x * x</c>, has one entry per occurrence); empty for a leaf.</returns>
    /// <example>
    /// <code>
    /// var a = new Scalar(2.0);
    /// var b = new Scalar(5.0);
    /// var c = a * b;
    /// // c.LocalDerivatives() is [5, 2]: dc/da = b, dc/db = a
    /// </code>
    /// </example>
    public IReadOnlyList<double> LocalDerivatives()
    {
        var locals = new LocalDerivativeList(this);
        return Array.AsReadOnly(Operations.Visit<LocalDerivativeList, double[]>(_code, locals));
    }

    /// <summary>Flattens the graph that produced this Scalar into arrays, for fast repeated evaluation
    /// when only the leaves' values change (see <see cref="CompiledGraph"/>).</summary>
    /// <param name="updates">Which Scalars the compiled graph keeps up to date: every node (the default, exactly as
    /// the dynamic path), or only the leaves' gradients and the root, which is faster for large graphs.</param>
    /// <returns>A compiled copy of the graph's structure, bound to its Scalars.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="updates"/> is not a defined value.</exception>
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
    public CompiledGraph Compile(NodeUpdates updates = NodeUpdates.EveryNode) => new(this, updates);

    /// <summary>
    /// Describes the whole graph that produced this Scalar as Graphviz DOT text, laid out left to right:
    /// one record per Scalar (label, data, grad), one small node per operation, and edges from inputs to
    /// outputs. Each Scalar appears exactly once, however often it is reused.
    /// </summary>
    /// <returns>DOT text; render it with <see cref="GraphvizRenderer"/> or any Graphviz tool.</returns>
    public string ToDot() => DotWriter.Write(this);

    /// <summary>Returns text like <c>Scalar(data=2.5, grad=0)</c>.</summary>
    /// <returns>The value and gradient, formatted with the invariant culture.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Stores a value computed by a <see cref="CompiledGraph"/> (which <see cref="Data"/> refuses for a
    /// node that is not a leaf).</summary>
    internal void StoreComputedData(double value) => _data = value;

    private static Scalar NotNull(Scalar a, string paramName) =>
        a ?? throw new ArgumentNullException(paramName);
}
