namespace AutogradForDummies.Tests;

/// <summary>
/// A randomly generated expression over a few leaves, kept as a recipe so that it can be built as
/// Scalars (the engine under test) and also evaluated with plain doubles (the reference).
/// </summary>
/// <remarks>
/// Operands are drawn from the pool of every node made so far, so nodes are reused: a node can be both
/// operands of a product, a weight and an input of the same dot product, or feed many later nodes. Every
/// operation appears. Operands are kept away from kinks and domain edges (relu and abs near 0, log and sqrt
/// near 0, division by small numbers) and values stay moderate, so central differences are meaningful.
/// Nodes that nothing else uses are summed into the root at the end, so every node reaches the root.
/// </remarks>
internal sealed class RandomExpression
{
    private static readonly double[] s_exponents = [2, 3, -1, -2, 0.5, 1.5, 0, 1];

    private readonly List<Step> _steps = [];

    private RandomExpression(double[] leafValues) => LeafValues = leafValues;

    /// <summary>The kinds of node, one per operation of <see cref="Scalar"/>.</summary>
    public enum Kind
    {
        Add,
        Subtract,
        Multiply,
        Divide,
        Negate,
        PowConstant,
        Pow,
        Relu,
        Tanh,
        Sigmoid,
        Exp,
        Log,
        Abs,
        Sqrt,
        Dot,
        DotWithBias,
        Sum,
        Softplus,
        LogSumExp,
    }

    /// <summary>Gets the values of the leaves the expression was generated at.</summary>
    public double[] LeafValues { get; }

    /// <summary>Gets the number of nodes, leaves included; the root is the last.</summary>
    public int NodeCount => LeafValues.Length + _steps.Count;

    /// <summary>The standard mix used by the tests: mostly small expressions, every fifth one larger.</summary>
    /// <param name="seed">The seed.</param>
    public static RandomExpression ForSeed(int seed) => Generate(seed, seed % 5 == 0 ? 40 : 12);

    /// <summary>Generates an expression; the same seed always gives the same expression.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="maxSteps">The most operations to try to add before the final sum.</param>
    public static RandomExpression Generate(int seed, int maxSteps = 12)
    {
        var random = new Random(seed);
        var leaves = new double[random.Next(1, 5)];
        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i] = Math.Round((random.NextDouble() * 6) - 3, 3);
        }

        var expression = new RandomExpression(leaves);
        var values = new List<double>(leaves);
        var used = new List<bool>(new bool[leaves.Length]);
        int steps = random.Next(1, maxSteps + 1);
        for (int attempt = 0; expression._steps.Count < steps && attempt < 20 * steps; attempt++)
        {
            var step = Propose(random, values);
            if (step is null)
            {
                continue;
            }

            double y = Evaluate(step.Value, values);
            if (!double.IsFinite(y) || Math.Abs(y) > 100)
            {
                continue;
            }

            expression._steps.Add(step.Value);
            values.Add(y);
            used.Add(false);
            foreach (int arg in step.Value.Args)
            {
                used[arg] = true;
            }
        }

        // Sum whatever nothing uses into the root, so every node contributes to it.
        var dangling = new List<int>();
        for (int i = 0; i < values.Count; i++)
        {
            if (!used[i])
            {
                dangling.Add(i);
            }
        }

        if (dangling.Count > 1 || expression._steps.Count == 0)
        {
            expression._steps.Add(new Step(Kind.Sum, [.. dangling], 0));
        }

        return expression;
    }

    /// <summary>Builds the expression as Scalars on new leaves that hold <see cref="LeafValues"/>.</summary>
    /// <returns>Every node, leaves first, in the order they were made; the root is the last.</returns>
    public Scalar[] Build() => Build(LeafValues);

    /// <summary>Builds the expression as Scalars on new leaves that hold <paramref name="leafValues"/>.</summary>
    /// <returns>Every node, leaves first, in the order they were made; the root is the last.</returns>
    public Scalar[] Build(double[] leafValues)
    {
        var nodes = new Scalar[NodeCount];
        for (int i = 0; i < leafValues.Length; i++)
        {
            nodes[i] = new Scalar(leafValues[i], $"x{i}");
        }

        for (int s = 0; s < _steps.Count; s++)
        {
            nodes[LeafValues.Length + s] = Build(_steps[s], nodes, useOperators: s % 2 == 0);
        }

        return nodes;
    }

    /// <summary>Evaluates every node with plain doubles, independently of the engine.</summary>
    /// <param name="leafValues">The values of the leaves.</param>
    /// <param name="nudgedNode">A node whose value is shifted by <paramref name="nudge"/> as soon as it is
    /// computed (so everything downstream sees the shift), or −1 for none.</param>
    /// <param name="nudge">The shift.</param>
    /// <returns>The value of every node, leaves first; the root is the last.</returns>
    public double[] Evaluate(double[] leafValues, int nudgedNode = -1, double nudge = 0)
    {
        var values = new List<double>(leafValues);
        if (nudgedNode >= 0 && nudgedNode < values.Count)
        {
            values[nudgedNode] += nudge;
        }

        foreach (var step in _steps)
        {
            values.Add(Evaluate(step, values));
            if (values.Count - 1 == nudgedNode)
            {
                values[nudgedNode] += nudge;
            }
        }

        return [.. values];
    }

    /// <summary>
    /// Whether every relu and abs sees operands of the same sign in two evaluations, that is whether a
    /// difference quotient between the two points stays on one side of every kink.
    /// </summary>
    public bool SameBranches(double[] values, double[] otherValues)
    {
        foreach (var step in _steps)
        {
            if (step.Kind is Kind.Relu or Kind.Abs && Math.Sign(values[step.Args[0]]) != Math.Sign(otherValues[step.Args[0]]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the expression contains an operation of the given kind.</summary>
    public bool Contains(Kind kind) => _steps.Exists(s => s.Kind == kind);

    private static Scalar Build(Step step, Scalar[] nodes, bool useOperators)
    {
        var args = step.Args;
        Scalar a = nodes[args[0]];
        return step.Kind switch
        {
            Kind.Add => useOperators ? a + nodes[args[1]] : a.Add(nodes[args[1]]),
            Kind.Subtract => useOperators ? a - nodes[args[1]] : a.Subtract(nodes[args[1]]),
            Kind.Multiply => useOperators ? a * nodes[args[1]] : a.Multiply(nodes[args[1]]),
            Kind.Divide => useOperators ? a / nodes[args[1]] : a.Divide(nodes[args[1]]),
            Kind.Negate => useOperators ? -a : a.Negate(),
            Kind.PowConstant => a.Pow(step.Constant),
            Kind.Pow => a.Pow(nodes[args[1]]),
            Kind.Relu => a.Relu(),
            Kind.Tanh => a.Tanh(),
            Kind.Sigmoid => a.Sigmoid(),
            Kind.Exp => a.Exp(),
            Kind.Log => a.Log(),
            Kind.Abs => a.Abs(),
            Kind.Sqrt => a.Sqrt(),
            Kind.Dot => Scalar.Dot(Pick(nodes, args, 0, args.Length / 2), Pick(nodes, args, args.Length / 2, args.Length / 2)),
            Kind.DotWithBias => Scalar.Dot(
                Pick(nodes, args, 0, args.Length / 2),
                Pick(nodes, args, args.Length / 2, args.Length / 2),
                nodes[args[^1]]),
            Kind.Sum => Scalar.Sum(Pick(nodes, args, 0, args.Length)),
            Kind.Softplus => a.Softplus(),
            Kind.LogSumExp => Scalar.LogSumExp(Pick(nodes, args, 0, args.Length)),
            _ => throw new InvalidOperationException($"Unknown kind {step.Kind}."),
        };
    }

    private static Scalar[] Pick(Scalar[] nodes, int[] args, int start, int count)
    {
        var picked = new Scalar[count];
        for (int i = 0; i < count; i++)
        {
            picked[i] = nodes[args[start + i]];
        }

        return picked;
    }

    // The reference semantics, written directly from the definitions.
    private static double Evaluate(Step step, List<double> v)
    {
        var args = step.Args;
        double a = v[args[0]];
        switch (step.Kind)
        {
            case Kind.Add: return a + v[args[1]];
            case Kind.Subtract: return a - v[args[1]];
            case Kind.Multiply: return a * v[args[1]];
            case Kind.Divide: return a / v[args[1]];
            case Kind.Negate: return -a;
            case Kind.PowConstant: return Math.Pow(a, step.Constant);
            case Kind.Pow: return Math.Pow(a, v[args[1]]);
            case Kind.Relu: return Math.Max(0, a);
            case Kind.Tanh: return Math.Tanh(a);
            case Kind.Sigmoid: return 1 / (1 + Math.Exp(-a));
            case Kind.Exp: return Math.Exp(a);
            case Kind.Log: return Math.Log(a);
            case Kind.Abs: return Math.Abs(a);
            case Kind.Sqrt: return Math.Sqrt(a);
            case Kind.Dot:
            case Kind.DotWithBias:
            {
                int n = args.Length / 2;
                double sum = step.Kind == Kind.DotWithBias ? v[args[^1]] : 0;
                for (int i = 0; i < n; i++)
                {
                    sum += v[args[i]] * v[args[n + i]];
                }

                return sum;
            }

            case Kind.Sum:
            {
                double sum = 0;
                foreach (int arg in args)
                {
                    sum += v[arg];
                }

                return sum;
            }

            case Kind.Softplus: return Math.Log(1 + Math.Exp(a));
            case Kind.LogSumExp:
            {
                double sum = 0;
                foreach (int arg in args)
                {
                    sum += Math.Exp(v[arg]);
                }

                return Math.Log(sum);
            }

            default:
                throw new InvalidOperationException($"Unknown kind {step.Kind}.");
        }
    }

    // Proposes one operation on operands from the pool, or null when the operands drawn are unsuitable.
    private static Step? Propose(Random random, List<double> values)
    {
        var kind = (Kind)random.Next(Enum.GetValues<Kind>().Length);
        int a = PickOperand(random, values.Count);
        int b = PickOperand(random, values.Count);
        double x = values[a];
        double y = values[b];
        const double margin = 0.25; // distance kept from kinks and domain edges
        return kind switch
        {
            Kind.Add or Kind.Subtract or Kind.Multiply => new Step(kind, [a, b], 0),
            Kind.Divide => Math.Abs(y) >= margin ? new Step(kind, [a, b], 0) : null,
            Kind.Negate or Kind.Tanh or Kind.Sigmoid => new Step(kind, [a], 0),
            Kind.PowConstant => ProposePower(random, a, x),
            Kind.Pow => x >= margin && Math.Abs(y) <= 3 ? new Step(kind, [a, b], 0) : null,
            Kind.Relu or Kind.Abs => Math.Abs(x) >= margin ? new Step(kind, [a], 0) : null,
            Kind.Exp => x <= 4 ? new Step(kind, [a], 0) : null,
            Kind.Log or Kind.Sqrt => x >= margin ? new Step(kind, [a], 0) : null,
            Kind.Dot or Kind.DotWithBias => ProposeDot(random, kind, values.Count),
            Kind.Sum => ProposeSum(random, values.Count),
            Kind.Softplus => x <= 30 ? new Step(kind, [a], 0) : null,
            Kind.LogSumExp => ProposeLogSumExp(random, values),
            _ => null,
        };
    }

    // Terms below e^30, so the reference (which does not shift by the maximum) stays finite.
    private static Step? ProposeLogSumExp(Random random, List<double> values)
    {
        var step = ProposeSum(random, values.Count);
        foreach (int arg in step.Args)
        {
            if (values[arg] > 30)
            {
                return null;
            }
        }

        return new Step(Kind.LogSumExp, step.Args, 0);
    }

    private static Step? ProposePower(Random random, int a, double x)
    {
        double c = s_exponents[random.Next(s_exponents.Length)];
        bool fractional = c != Math.Floor(c);
        if ((fractional && x < 0.25) || (c < 0 && Math.Abs(x) < 0.25))
        {
            return null;
        }

        return new Step(Kind.PowConstant, [a], c);
    }

    private static Step ProposeDot(Random random, Kind kind, int poolSize)
    {
        int n = random.Next(1, 5);
        var args = new int[(2 * n) + (kind == Kind.DotWithBias ? 1 : 0)];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = PickOperand(random, poolSize);
        }

        return new Step(kind, args, 0);
    }

    private static Step ProposeSum(Random random, int poolSize)
    {
        var args = new int[random.Next(1, 5)];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = PickOperand(random, poolSize);
        }

        return new Step(Kind.Sum, args, 0);
    }

    // Half the time one of the newest nodes (to grow deep chains), otherwise any node (to reuse old ones).
    private static int PickOperand(Random random, int poolSize) =>
        random.Next(2) == 0 ? poolSize - 1 - random.Next(Math.Min(poolSize, 3)) : random.Next(poolSize);

    /// <summary>One operation: what it is, the indices of its operands in the pool, and a constant exponent.</summary>
    private readonly record struct Step(Kind Kind, int[] Args, double Constant);
}
