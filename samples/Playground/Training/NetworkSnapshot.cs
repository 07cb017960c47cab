using AutogradForDummies.Nn;

namespace AutogradForDummies.Playground.Training;

/// <summary>
/// Adapter: inference on plain doubles, without building a graph, for the decision regions (thousands of points per
/// drawing) and the dead-unit count. It copies the weights of an <see cref="MLP"/> and computes exactly the numbers
/// its <c>Forward</c> would: the same four running sums in each dot product, the same activations.
/// </summary>
/// <remarks>
/// The library is gaining <c>MLP.Predict</c> for this. Once it is there, <see cref="Predict"/> calls it and the
/// copy of the formulas below goes; the pre-activations for dead units stay.
/// </remarks>
internal sealed class NetworkSnapshot
{
    private readonly double[][][] _weights; // [layer][neuron][input]
    private readonly double[][] _biases;    // [layer][neuron]
    private readonly Activation[] _activations;
    private readonly double[][] _buffers;
    private readonly double[] _input = new double[2];

    /// <summary>Copies the current weights of <paramref name="model"/>.</summary>
    public NetworkSnapshot(MLP model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var layers = model.Layers;
        _weights = new double[layers.Count][][];
        _biases = new double[layers.Count][];
        _activations = new Activation[layers.Count];
        _buffers = new double[layers.Count][];
        for (int l = 0; l < layers.Count; l++)
        {
            var neurons = layers[l].Neurons;
            _weights[l] = neurons.Select(n => n.Weights.Select(w => w.Data).ToArray()).ToArray();
            _biases[l] = neurons.Select(n => n.Bias.Data).ToArray();
            _activations[l] = layers[l].Activation;
            _buffers[l] = new double[neurons.Count];
        }
    }

    /// <summary>Gets the number of outputs.</summary>
    public int OutputCount => _biases[^1].Length;

    /// <summary>Gets the widths of the layers.</summary>
    public IReadOnlyList<int> LayerSizes => _biases.Select(b => b.Length).ToArray();

    /// <summary>Computes the network's outputs for one input. The returned span is reused by the next call.</summary>
    public ReadOnlySpan<double> Predict(double x0, double x1)
    {
        _input[0] = x0;
        _input[1] = x1;
        ReadOnlySpan<double> current = _input;
        for (int l = 0; l < _weights.Length; l++)
        {
            var output = _buffers[l];
            for (int j = 0; j < output.Length; j++)
            {
                output[j] = Activate(_activations[l], Dot(_weights[l][j], current, _biases[l][j]));
            }

            current = output;
        }

        return current;
    }

    /// <summary>For every hidden ReLU unit, whether its input is at most 0 for every one of <paramref name="points"/>:
    /// a dead unit, which passes no gradient for any point and so never learns again.</summary>
    /// <returns>[hidden layer][neuron]; all false for layers that are not ReLU.</returns>
    public bool[][] DeadUnits(IReadOnlyList<IReadOnlyList<double>> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        int hidden = _weights.Length - 1;
        var dead = new bool[hidden][];
        for (int l = 0; l < hidden; l++)
        {
            dead[l] = Enumerable.Repeat(_activations[l] == Activation.Relu && points.Count > 0, _biases[l].Length).ToArray();
        }

        foreach (var point in points)
        {
            Span<double> input = [point[0], point[1]];
            ReadOnlySpan<double> current = input;
            for (int l = 0; l < hidden; l++)
            {
                var output = _buffers[l];
                for (int j = 0; j < output.Length; j++)
                {
                    double z = Dot(_weights[l][j], current, _biases[l][j]);
                    dead[l][j] &= !(z > 0);
                    output[j] = Activate(_activations[l], z);
                }

                current = output;
            }
        }

        return dead;
    }

    // Σ wᵢxᵢ + b with the library's four running sums, so that the result is the graph's to the last bit.
    private static double Dot(double[] w, ReadOnlySpan<double> x, double bias)
    {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int n = w.Length;
        int i = 0;
        for (; i <= n - 4; i += 4)
        {
            s0 += w[i] * x[i];
            s1 += w[i + 1] * x[i + 1];
            s2 += w[i + 2] * x[i + 2];
            s3 += w[i + 3] * x[i + 3];
        }

        for (; i < n; i++)
        {
            s0 += w[i] * x[i];
        }

        return bias + ((s0 + s1) + (s2 + s3));
    }

    private static double Activate(Activation activation, double z) => activation switch
    {
        Activation.Relu => z <= 0 ? 0 : z,
        Activation.Tanh => Math.Tanh(z),
        Activation.Sigmoid => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z)),
        _ => z,
    };
}
