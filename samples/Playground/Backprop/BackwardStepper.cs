using System.Globalization;

namespace AutogradForDummies.Playground.Backprop;

/// <summary>
/// The backward pass of a graph, one node at a time, in the order <see cref="Scalar.Backward"/> uses: the output's
/// gradient is set to 1, then every node in reverse topological order passes its gradient to its parents, each
/// times its local derivative. Every state can be visited, forwards and backwards.
/// </summary>
public sealed class BackwardStepper
{
    private readonly double[][] _states;
    private readonly Dictionary<Scalar, int> _index = new(ReferenceEqualityComparer.Instance);

    /// <summary>Prepares the steps for the graph that produced <paramref name="root"/>.</summary>
    /// <param name="root">The output.</param>
    /// <param name="name">Names a node in the texts; by default its label, or <c>n{k}</c> when it has none.</param>
    public BackwardStepper(Scalar root, Func<Scalar, string>? name = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        Nodes = root.TopologicalOrder();
        for (int i = 0; i < Nodes.Count; i++)
        {
            _index.Add(Nodes[i], i);
        }

        Name = name ?? (node => node.Label ?? "n" + _index[node].ToString(CultureInfo.InvariantCulture));

        var steps = new List<BackwardStep>();
        var states = new List<double[]>();
        var grad = new double[Nodes.Count];
        states.Add((double[])grad.Clone());

        int rootIndex = Nodes.Count - 1;
        grad[rootIndex] = 1;
        steps.Add(new BackwardStep(rootIndex, BackwardStepKind.Seed,
            $"Start at the output: d({Name(root)})/d({Name(root)}) = 1, so {RuleText.Grad(Name(root))} = 1.", []));
        states.Add((double[])grad.Clone());

        for (int i = Nodes.Count - 1; i >= 0; i--)
        {
            steps.Add(StepAt(i, grad));
            states.Add((double[])grad.Clone());
        }

        Steps = steps;
        _states = [.. states];
    }

    /// <summary>Gets the nodes in topological order (parents first); the output is last.</summary>
    public IReadOnlyList<Scalar> Nodes { get; }

    /// <summary>Gets the steps: the seed, then one per node from the output back to the first leaf.</summary>
    public IReadOnlyList<BackwardStep> Steps { get; }

    /// <summary>Gets how a node is named in the texts.</summary>
    public Func<Scalar, string> Name { get; }

    /// <summary>Returns the index of a node in <see cref="Nodes"/>.</summary>
    public int IndexOf(Scalar node) => _index[node];

    /// <summary>Returns every node's gradient after the first <paramref name="done"/> steps (0: all zero;
    /// <c>Steps.Count</c>: what <see cref="Scalar.Backward"/> computes).</summary>
    /// <param name="done">How many steps have been taken, 0 to <c>Steps.Count</c>.</param>
    public IReadOnlyList<double> GradientsAfter(int done)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(done);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(done, Steps.Count);
        return _states[done];
    }

    private BackwardStep StepAt(int i, double[] grad)
    {
        var node = Nodes[i];
        string name = Name(node);
        double g = grad[i];
        if (node.IsLeaf)
        {
            string kind = node.Label is { } label && double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? "a constant"
                : "a leaf";
            return new BackwardStep(i, BackwardStepKind.Leaf,
                $"{name} is {kind}: its gradient {RuleText.Number(g)} is complete, and it has no parents to pass it to.", []);
        }

        if (g == 0)
        {
            return new BackwardStep(i, BackwardStepKind.Skipped,
                $"{RuleText.Grad(name)} is 0, so it passes nothing on: Backward() skips it.", []);
        }

        var parents = node.Parents;
        var local = node.LocalDerivatives();
        var contributions = new List<GradientContribution>(parents.Count);
        for (int k = 0; k < parents.Count; k++)
        {
            int p = _index[parents[k]];
            double before = grad[p];
            grad[p] += local[k] * g;
            contributions.Add(new GradientContribution(
                p, RuleText.Formula(node, k, Name), local[k], g, before, grad[p], before != 0 || Reused(parents, k)));
        }

        return new BackwardStep(i, BackwardStepKind.Rule, $"{name} passes its gradient {RuleText.Number(g)} on. {RuleText.Words(node)}", contributions);
    }

    // The same parent twice in one node (x*x): its second share accumulates onto the first.
    private static bool Reused(IReadOnlyList<Scalar> parents, int k)
    {
        for (int j = 0; j < k; j++)
        {
            if (ReferenceEquals(parents[j], parents[k]))
            {
                return true;
            }
        }

        return false;
    }
}
