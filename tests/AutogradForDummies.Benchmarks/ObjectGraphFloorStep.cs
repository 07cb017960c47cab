using System.Runtime.CompilerServices;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// The dynamic path's design by the least code we could write for it: the grid's training step with one object per
/// number and a new graph of them every step. The library's dynamic step does all of its work and more, so its time
/// should be a floor under the library's; it shows what that design costs before any of an engine's generality.
/// </summary>
/// <remarks>
/// <para>Like the dynamic path, every step allocates a node object for each neuron's pre-activation, each ReLU, each
/// point's hinge term and the loss, each node holding its value, its gradient and references to what it was computed
/// from; the parameters are objects that outlive the steps, and a node reads its operands through references. Unlike
/// it, nothing is general: there is no topological sort (each node is written to a list when it is made, which is a
/// topological order, and the backward pass walks that list from the end), one <c>switch</c> instead of the rules'
/// dispatch, no argument checks and no checked casts, four running sums (a fixed order, but not the library's
/// sixteen), one node per hinge term (the library's <c>Losses.Hinge</c> makes two), no nodes for the points and no
/// gradients for them. Its node is the size of the library's (<see cref="Node"/>: 56 bytes).</para>
/// <para><see cref="StepOnKeptGraph"/> is the same step on a graph built once and kept: the values recomputed in
/// the list's order, the gradients set to 0 and computed backward, with nothing allocated. What it leaves is the
/// arithmetic read and written through references; the difference from <see cref="Step"/> is what making the graph
/// every step costs, the garbage collector included.</para>
/// </remarks>
internal sealed class ObjectGraphFloorStep
{
    private readonly Node[][] _points;
    private readonly double[] _labels;
    private readonly Node[] _parameters;
    private readonly Node[][] _firstLayer, _secondLayer;
    private readonly Node[] _output;
    private readonly double _alpha;
    private Node[] _order = new Node[1024];
    private int _count;
    private Node? _keptLoss; // the loss of the kept graph, whose nodes stay in _order

    /// <summary>Copies the points and the initial parameters.</summary>
    /// <param name="x">The points, two coordinates each.</param>
    /// <param name="y">The labels, −1 or +1.</param>
    /// <param name="hidden">H, the width of both hidden layers.</param>
    /// <param name="initialParameters">The parameters in the library's order (<c>Module.Parameters()</c>).</param>
    /// <param name="alpha">The strength of the L2 term.</param>
    public ObjectGraphFloorStep(double[][] x, double[] y, int hidden, IReadOnlyList<double> initialParameters, double alpha)
    {
        HandWrittenStep.CheckArguments(x, y, hidden, initialParameters);
        _points = [.. x.Select(p => new[] { new Node(p[0]), new Node(p[1]) })];
        _labels = [.. y];
        _alpha = alpha;
        _parameters = [.. initialParameters.Select(v => new Node(v))];

        // Each neuron's weights and then its bias, as one array, layer by layer: the library's order.
        int k = 0;
        _firstLayer = Neurons(inputs: 2);
        _secondLayer = Neurons(inputs: hidden);
        _output = _parameters[k..];

        Node[][] Neurons(int inputs)
        {
            var neurons = new Node[hidden][];
            for (int j = 0; j < hidden; j++, k += inputs + 1)
            {
                neurons[j] = _parameters[k..(k + inputs + 1)];
            }

            return neurons;
        }
    }

    private enum Kind : byte
    {
        Leaf,
        Dot,
        Relu,
        HingePositive,
        HingeNegative,
        Mean,
        L2,
        Add,
    }

    /// <summary>One training step: the loss graph built anew, its backward pass, and SGD.</summary>
    /// <param name="learningRate">SGD's learning rate.</param>
    /// <returns>The loss before the update.</returns>
    public double Step(double learningRate)
    {
        ZeroParameterGradients();
        double loss = LossAndBackward();
        Update(learningRate);
        return loss;
    }

    /// <summary>The same training step on a graph built at the first call and kept (<see cref="LossAndBackward"/>
    /// cannot be used on this instance after it): every node's value recomputed in the order the nodes were made, every
    /// gradient set to 0, then the backward pass and SGD.</summary>
    /// <param name="learningRate">SGD's learning rate.</param>
    /// <returns>The loss before the update.</returns>
    public double StepOnKeptGraph(double learningRate)
    {
        if (_keptLoss is null)
        {
            _keptLoss = Build();
        }
        else
        {
            for (int i = 0; i < _count; i++)
            {
                Recompute(_order[i]);
            }
        }

        ZeroParameterGradients();
        for (int i = 0; i < _count; i++)
        {
            _order[i].Grad = 0;
        }

        BackwardFrom(_keptLoss);
        Update(learningRate);
        return _keptLoss.Value;
    }

    /// <summary>Builds the loss graph, runs its backward pass and leaves each parameter's gradient added to its
    /// <c>Grad</c>.</summary>
    /// <returns>The loss.</returns>
    public double LossAndBackward()
    {
        if (_keptLoss is not null)
        {
            throw new InvalidOperationException("This instance keeps its graph (StepOnKeptGraph); make another for LossAndBackward.");
        }

        var loss = Build();
        BackwardFrom(loss);
        Array.Clear(_order, 0, _count);
        _count = 0;
        return loss.Value;
    }

    private void ZeroParameterGradients()
    {
        foreach (var p in _parameters)
        {
            p.Grad = 0;
        }
    }

    private void Update(double learningRate)
    {
        foreach (var p in _parameters)
        {
            p.Value -= learningRate * p.Grad;
        }
    }

    /// <summary>The backward pass from <paramref name="loss"/>, the last node on the list, over the list from the
    /// end.</summary>
    private void BackwardFrom(Node loss)
    {
        loss.Grad = 1;
        for (int i = _count - 1; i >= 0; i--)
        {
            Backward(_order[i]);
        }
    }

    /// <summary>Builds the loss graph, every node on the list as it is made; returns the loss.</summary>
    private Node Build()
    {
        int n = _points.Length;
        var hinges = new Node[n];
        double hingeSum = 0;
        for (int s = 0; s < n; s++)
        {
            var score = DotNode(_output, Layer(_secondLayer, Layer(_firstLayer, _points[s])));
            double margin = 1 - (_labels[s] * score.Value);
            hinges[s] = Record(new Node(Math.Max(margin, 0), _labels[s] > 0 ? Kind.HingePositive : Kind.HingeNegative, score));
            hingeSum += hinges[s].Value;
        }

        var dataLoss = Record(new Node(hingeSum / n, Kind.Mean, hinges));
        double squares = 0;
        foreach (var p in _parameters)
        {
            squares += p.Value * p.Value;
        }

        var regularization = Record(new Node(_alpha * squares, Kind.L2, _parameters));
        return Record(new Node(dataLoss.Value + regularization.Value, Kind.Add, dataLoss, regularization));
    }

    /// <summary>Copies every parameter's gradient, in the library's order.</summary>
    public double[] Gradients() => [.. _parameters.Select(p => p.Grad)];

    /// <summary>A kept node's value from its operands' current values, as <see cref="Build"/> computed it.</summary>
    private void Recompute(Node node)
    {
        switch (node.Kind)
        {
            case Kind.Dot:
                node.Value = DotValue(Unsafe.As<Node[]>(node.A!), Unsafe.As<Node[]>(node.B!));
                break;
            case Kind.Relu:
                node.Value = Math.Max(Unsafe.As<Node>(node.A!).Value, 0);
                break;
            case Kind.HingePositive or Kind.HingeNegative:
                double score = Unsafe.As<Node>(node.A!).Value;
                node.Value = Math.Max(1 - (node.Kind == Kind.HingePositive ? score : -score), 0);
                break;
            case Kind.Mean:
                var terms = Unsafe.As<Node[]>(node.A!);
                double sum = 0;
                foreach (var term in terms)
                {
                    sum += term.Value;
                }

                node.Value = sum / terms.Length;
                break;
            case Kind.L2:
                double squares = 0;
                foreach (var p in Unsafe.As<Node[]>(node.A!))
                {
                    squares += p.Value * p.Value;
                }

                node.Value = _alpha * squares;
                break;
            case Kind.Add:
                node.Value = Unsafe.As<Node>(node.A!).Value + Unsafe.As<Node>(node.B!).Value;
                break;
        }
    }

    private void Backward(Node node)
    {
        double g = node.Grad;
        if (g == 0)
        {
            return;
        }

        switch (node.Kind)
        {
            case Kind.Add:
                Unsafe.As<Node>(node.A!).Grad += g;
                Unsafe.As<Node>(node.B!).Grad += g;
                break;
            case Kind.L2:
                foreach (var p in Unsafe.As<Node[]>(node.A!))
                {
                    p.Grad += 2 * _alpha * p.Value * g; // d(α·Σp²)/dp = 2αp
                }

                break;
            case Kind.Mean:
                var terms = Unsafe.As<Node[]>(node.A!);
                double share = g / terms.Length;
                foreach (var term in terms)
                {
                    term.Grad += share;
                }

                break;
            case Kind.HingePositive or Kind.HingeNegative:
                if (node.Value > 0)
                {
                    Unsafe.As<Node>(node.A!).Grad += node.Kind == Kind.HingePositive ? -g : g; // d max(0, 1 − y·s)/ds = −y
                }

                break;
            case Kind.Relu:
                if (node.Value > 0)
                {
                    Unsafe.As<Node>(node.A!).Grad += g;
                }

                break;
            case Kind.Dot:
                var weights = Unsafe.As<Node[]>(node.A!);
                var inputs = Unsafe.As<Node[]>(node.B!);
                bool inputsAreLeaves = inputs[0].Kind == Kind.Leaf;
                for (int i = 0; i < inputs.Length; i++)
                {
                    weights[i].Grad += inputs[i].Value * g;
                    if (!inputsAreLeaves)
                    {
                        inputs[i].Grad += weights[i].Value * g;
                    }
                }

                weights[inputs.Length].Grad += g;
                break;
        }
    }

    private Node[] Layer(Node[][] neurons, Node[] x)
    {
        var outputs = new Node[neurons.Length];
        for (int j = 0; j < neurons.Length; j++)
        {
            var z = DotNode(neurons[j], x);
            outputs[j] = Record(new Node(Math.Max(z.Value, 0), Kind.Relu, z));
        }

        return outputs;
    }

    private Node DotNode(Node[] weightsAndBias, Node[] x) =>
        Record(new Node(DotValue(weightsAndBias, x), Kind.Dot, weightsAndBias, x));

    private static double DotValue(Node[] weightsAndBias, Node[] x)
    {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 4 <= x.Length; i += 4)
        {
            s0 += weightsAndBias[i].Value * x[i].Value;
            s1 += weightsAndBias[i + 1].Value * x[i + 1].Value;
            s2 += weightsAndBias[i + 2].Value * x[i + 2].Value;
            s3 += weightsAndBias[i + 3].Value * x[i + 3].Value;
        }

        for (; i < x.Length; i++)
        {
            s0 += weightsAndBias[i].Value * x[i].Value;
        }

        return (s0 + s1) + (s2 + s3) + weightsAndBias[x.Length].Value;
    }

    private Node Record(Node node)
    {
        if (_count == _order.Length)
        {
            Array.Resize(ref _order, _count * 2);
        }

        _order[_count++] = node;
        return node;
    }

    /// <summary>A number and what it was computed from: 16 bytes of object header, two references, two doubles and a
    /// byte, which the runtime rounds to 56 bytes, as it does the library's <c>Scalar</c>.</summary>
    private sealed class Node(double value, Kind kind = Kind.Leaf, object? a = null, object? b = null)
    {
        public object? A { get; } = a;

        public object? B { get; } = b;

        public double Value { get; set; } = value;

        public double Grad { get; set; }

        public Kind Kind { get; } = kind;
    }
}
