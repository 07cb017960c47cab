namespace AutogradForDummies.Tests;

/// <summary>
/// A randomly generated expression over a few leaves, kept as a recipe so that it can be built as
/// Scalars (the engine under test) and also evaluated with plain doubles (the reference).
/// </summary>
/// <remarks>
/// Each node is a row of <see cref="OperationCase.All"/>, on operands drawn from the pool of every node made so far,
/// so nodes are reused: a node can be both operands of a product, a weight and an input of the same dot product, or
/// feed many later nodes. Every operation appears. Operands are kept where the row says a difference quotient is
/// meaningful (away from kinks and domain edges) and values stay moderate.
/// Nodes that nothing else uses are summed into the root at the end, so every node reaches the root.
/// </remarks>
internal sealed class RandomExpression
{
    // The row number of the final sum of the nodes that nothing else uses: a sum of any number of operands.
    private const int FinalSum = -1;

    private readonly List<Step> _steps = [];

    private RandomExpression(double[] leafValues) => LeafValues = leafValues;

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
            expression._steps.Add(new Step(FinalSum, [.. dangling]));
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
            nodes[LeafValues.Length + s] = Build(_steps[s], nodes);
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
    /// Whether every operation with kinks sees its operands on the same side of them in two evaluations, that is
    /// whether a difference quotient between the two points stays on one side of every kink.
    /// </summary>
    public bool SameBranches(double[] values, double[] otherValues)
    {
        foreach (var step in _steps)
        {
            if (step.Row == FinalSum)
            {
                continue;
            }

            var row = OperationCase.All[step.Row];
            if (row.BranchAt(Operands(step, values)) != row.BranchAt(Operands(step, otherValues)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the expression contains an operation with the given code.</summary>
    public bool Contains(OpCode code) => _steps.Exists(s => s.Row != FinalSum && OperationCase.All[s.Row].Code == code);

    private static Scalar Build(Step step, Scalar[] nodes)
    {
        var operands = Array.ConvertAll(step.Args, arg => nodes[arg]);
        return step.Row == FinalSum ? Scalar.Sum(operands) : OperationCase.All[step.Row].Build(operands);
    }

    private static double[] Operands(Step step, IReadOnlyList<double> values) => Array.ConvertAll(step.Args, arg => values[arg]);

    // The reference semantics, written directly from the definitions.
    private static double Evaluate(Step step, List<double> values) =>
        step.Row == FinalSum ? Operands(step, values).Sum() : OperationCase.All[step.Row].Value(Operands(step, values));

    // Proposes one operation on operands from the pool, or null when the operands drawn are unsuitable.
    private static Step? Propose(Random random, List<double> values)
    {
        int row = random.Next(OperationCase.All.Count);
        var args = new int[OperationCase.All[row].Operands];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = PickOperand(random, values.Count);
        }

        var step = new Step(row, args);
        return OperationCase.All[row].IsSmoothAt(Operands(step, values)) ? step : null;
    }

    // Half the time one of the newest nodes (to grow deep chains), otherwise any node (to reuse old ones).
    private static int PickOperand(Random random, int poolSize) =>
        random.Next(2) == 0 ? poolSize - 1 - random.Next(Math.Min(poolSize, 3)) : random.Next(poolSize);

    /// <summary>One operation: its row of the operation table and the indices of its operands in the pool.</summary>
    private readonly record struct Step(int Row, int[] Args);
}
