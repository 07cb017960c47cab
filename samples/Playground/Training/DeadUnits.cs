using AutogradForDummies.Nn;

namespace AutogradForDummies.Playground.Training;

/// <summary>
/// The dead units of a network: hidden ReLU neurons whose input is at most 0 for every point of the data, so that
/// they pass no gradient for any point and never learn again. Computed with <see cref="Layer.Predict"/>, on doubles,
/// without building a graph.
/// </summary>
public static class DeadUnits
{
    /// <summary>Finds the dead units of <paramref name="model"/> over <paramref name="points"/>.</summary>
    /// <param name="model">The network.</param>
    /// <param name="points">The data's inputs.</param>
    /// <returns>[hidden layer][neuron]: true for a dead unit; always false for a layer that is not ReLU (a leaky
    /// ReLU, tanh or sigmoid passes some gradient everywhere).</returns>
    public static bool[][] Of(MLP model, IReadOnlyList<IReadOnlyList<double>> points)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(points);
        var layers = model.Layers;
        var dead = new bool[layers.Count - 1][];
        for (int l = 0; l < dead.Length; l++)
        {
            dead[l] = Enumerable.Repeat(layers[l].Activation == Activation.Relu && points.Count > 0, layers[l].OutputCount).ToArray();
        }

        foreach (var point in points)
        {
            IReadOnlyList<double> current = point;
            for (int l = 0; l < dead.Length; l++)
            {
                double[] output = layers[l].Predict(current);
                for (int j = 0; j < output.Length; j++)
                {
                    dead[l][j] &= !(output[j] > 0); // relu(z) > 0 exactly when z > 0
                }

                current = output;
            }
        }

        return dead;
    }
}
