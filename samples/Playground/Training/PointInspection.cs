namespace AutogradForDummies.Playground.Training;

/// <summary>
/// One point through the current network: its forward pass layer by layer and the backward pass of its own loss,
/// with every neuron's value and gradient, the ReLUs that are off for it, and the graph as DOT text.
/// </summary>
public sealed class PointInspection
{
    private PointInspection(int index, string dot, int nodeCount, double loss,
        double[][] values, double[][] grads, bool[][] off)
    {
        Index = index;
        Dot = dot;
        NodeCount = nodeCount;
        Loss = loss;
        Values = values;
        Grads = grads;
        Off = off;
    }

    /// <summary>Gets the point's index in the data set.</summary>
    public int Index { get; }

    /// <summary>Gets the graph of the point's loss, drawn by <see cref="Scalar.ToDot"/> after its backward pass.</summary>
    public string Dot { get; }

    /// <summary>Gets the number of nodes in that graph.</summary>
    public int NodeCount { get; }

    /// <summary>Gets the point's loss.</summary>
    public double Loss { get; }

    /// <summary>Gets each neuron's output (data) for the point: [layer][neuron], inputs first.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Values { get; }

    /// <summary>Gets each neuron's gradient d(loss)/d(output): [layer][neuron], inputs first.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Grads { get; }

    /// <summary>Gets whether each neuron is a ReLU that is off for this point: [layer][neuron], inputs first.</summary>
    public IReadOnlyList<IReadOnlyList<bool>> Off { get; }

    /// <summary>Runs point <paramref name="index"/> through the network of <paramref name="trainer"/>.</summary>
    /// <remarks>The parameters' gradients are zeroed before and after: training zeroes them before each backward
    /// pass anyway, and the drawing must show this point's gradients alone.</remarks>
    public static PointInspection Inspect(Trainer trainer, int index)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, trainer.Data.Count);

        var features = trainer.Data.Features[index];
        IReadOnlyList<Scalar> current = [new Scalar(features[0], "x0"), new Scalar(features[1], "x1")];
        var layers = new List<IReadOnlyList<Scalar>> { current };
        var model = trainer.Model;
        for (int l = 0; l < model.Layers.Count; l++)
        {
            current = model.Layers[l].Forward(current);
            bool output = l == model.Layers.Count - 1;
            for (int j = 0; j < current.Count; j++)
            {
                string name = output
                    ? current.Count == 1 ? "score" : FormattableString.Invariant($"logit{j}")
                    : FormattableString.Invariant($"h{l + 1}.{j}");
                current[j].Label = name;
                if (!current[j].IsLeaf && current[j].Op != "dot")
                {
                    current[j].Parents[0].Label = FormattableString.Invariant($"z{l + 1}.{j}"); // the pre-activation
                }
            }

            layers.Add(current);
        }

        var loss = trainer.PointLoss(index, current).WithLabel("loss");
        model.ZeroGrad();
        loss.Backward();
        var values = layers.Select(layer => layer.Select(n => n.Data).ToArray()).ToArray();
        var grads = layers.Select(layer => layer.Select(n => n.Grad).ToArray()).ToArray();
        var off = layers.Select((layer, l) => layer.Select(n => l > 0 && n.Op == "ReLU" && !(n.Data > 0)).ToArray()).ToArray();
        string dot = loss.ToDot();
        int count = loss.TopologicalOrder().Count;
        model.ZeroGrad();
        return new PointInspection(index, dot, count, loss.Data, values, grads, off);
    }
}
