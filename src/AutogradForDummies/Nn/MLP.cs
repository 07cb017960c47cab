using System.Globalization;

namespace AutogradForDummies.Nn;

/// <summary>
/// A multi-layer perceptron: <see cref="Layer"/>s applied one after the other, each reading the previous
/// layer's outputs. The hidden layers are nonlinear; the last layer is linear, so the network can output
/// any real number (a score, a logit, a regression value).
/// </summary>
/// <remarks>
/// <c>new MLP(2, [16, 16, 1])</c> is micrograd's moons classifier: 2 inputs, two hidden layers of 16 ReLU
/// neurons and one linear output, 2·16+16 + 16·16+16 + 16·1+1 = 337 parameters.
/// </remarks>
/// <example>
/// <code>
/// var model = new MLP(2, [16, 16, 1], seed: 1);
/// var optimizer = new SGD(model.Parameters(), learningRate: 0.05);
/// double[][] xs = [[0.5, 1.0], [-1.0, 0.5]];
/// double[] ys = [1.0, -1.0];
/// for (int step = 0; step &lt; 20; step++)
/// {
///     var scores = new Scalar[xs.Length];
///     for (int i = 0; i &lt; xs.Length; i++)
///     {
///         scores[i] = model.Forward(xs[i])[0];
///     }
///
///     var loss = Losses.Hinge(scores, ys);
///     optimizer.ZeroGrad();
///     loss.Backward();
///     optimizer.Step();
/// }
/// </code>
/// </example>
public sealed class MLP : Module
{
    private readonly Layer[] _layers;

    /// <summary>Creates a network with random weights, repeatable with a <paramref name="seed"/>.</summary>
    /// <param name="inputs">How many inputs the network takes; at least 1.</param>
    /// <param name="layerSizes">The number of neurons of each layer, the last one being the number of outputs;
    /// at least one layer, every size at least 1.</param>
    /// <param name="hiddenActivation">The nonlinearity of every layer but the last (which is linear).</param>
    /// <param name="seed">The seed of the random weights: the same seed gives the same network. Without one (null) the
    /// weights are different on every run, as in PyTorch; pass a seed for results you can repeat.</param>
    /// <exception cref="ArgumentNullException"><paramref name="layerSizes"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="layerSizes"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, the network's parameters are more than
    /// one array can hold, or <paramref name="hiddenActivation"/> is not a defined value.</exception>
    public MLP(int inputs, IReadOnlyList<int> layerSizes, Activation hiddenActivation = Activation.Relu, int? seed = null)
        : this(inputs, layerSizes, Neuron.Seeded(seed), hiddenActivation)
    {
    }

    /// <summary>Creates a network with weights drawn from <paramref name="random"/>, layer after layer.</summary>
    /// <param name="inputs">How many inputs the network takes; at least 1.</param>
    /// <param name="layerSizes">The number of neurons of each layer, the last one being the number of outputs;
    /// at least one layer, every size at least 1.</param>
    /// <param name="random">The source of the random weights.</param>
    /// <param name="hiddenActivation">The nonlinearity of every layer but the last (which is linear).</param>
    /// <exception cref="ArgumentNullException"><paramref name="layerSizes"/> or <paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="layerSizes"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, the network's parameters are more than
    /// one array can hold, or <paramref name="hiddenActivation"/> is not a defined value.</exception>
    public MLP(int inputs, IReadOnlyList<int> layerSizes, Random random, Activation hiddenActivation = Activation.Relu)
        : this(CreateLayers(inputs, layerSizes, random, hiddenActivation))
    {
    }

    /// <summary>Creates a network from layers you built yourself, for example to choose each layer's activation.</summary>
    /// <param name="layers">The layers, first to last; each must take as many inputs as the previous one has outputs.</param>
    /// <exception cref="ArgumentNullException"><paramref name="layers"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="layers"/> is empty, contains a layer twice, or two
    /// consecutive layers do not fit together.</exception>
    public MLP(IReadOnlyList<Layer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
        {
            throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        }

        _layers = new Layer[layers.Count];
        var sizes = new int[layers.Count];
        for (int i = 0; i < _layers.Length; i++)
        {
            var layer = layers[i] ?? throw new ArgumentNullException(nameof(layers), $"Layer {i} is null.");
            if (Array.IndexOf(_layers, layer, 0, i) >= 0)
            {
                throw new ArgumentException($"Layer {i} appears twice; every layer needs its own parameters.", nameof(layers));
            }

            if (i > 0 && layer.InputCount != sizes[i - 1])
            {
                throw new ArgumentException(
                    $"Layer {i} takes {layer.InputCount} inputs, but layer {i - 1} has {sizes[i - 1]} outputs.", nameof(layers));
            }

            _layers[i] = layer;
            sizes[i] = layer.OutputCount;
        }

        InputCount = _layers[0].InputCount;
        Layers = Array.AsReadOnly(_layers);
        LayerSizes = Array.AsReadOnly(sizes);
    }

    /// <summary>Gets the layers, first to last.</summary>
    public IReadOnlyList<Layer> Layers { get; }

    /// <summary>Gets how many inputs the network takes.</summary>
    public int InputCount { get; }

    /// <summary>Gets the number of neurons of each layer; the last is the number of outputs.</summary>
    public IReadOnlyList<int> LayerSizes { get; }

    /// <summary>Gets how many outputs the network has (the size of the last layer).</summary>
    public int OutputCount => _layers[^1].OutputCount;

    /// <summary>Runs the inputs through every layer.</summary>
    /// <param name="x">The inputs; exactly <see cref="InputCount"/> of them.</param>
    /// <returns>The last layer's outputs, new Scalars whose graph reaches back to the parameters and to <paramref name="x"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> has the wrong length.</exception>
    public IReadOnlyList<Scalar> Forward(IReadOnlyList<Scalar> x) => ForwardCore(Inputs.Copy(x, InputCount, nameof(x)));

    /// <summary>Runs plain numbers through every layer; each number becomes a constant leaf of the graph.</summary>
    /// <param name="x">The inputs; exactly <see cref="InputCount"/> of them.</param>
    /// <returns>The last layer's outputs, new Scalars whose graph reaches back to the parameters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> has the wrong length.</exception>
    public IReadOnlyList<Scalar> Forward(IReadOnlyList<double> x) => ForwardCore(Inputs.Leaves(x, InputCount, nameof(x)));

    /// <summary>Runs plain numbers through every layer without building a graph: exactly the numbers
    /// <see cref="Forward(IReadOnlyList{double})"/> would give (the same rules, in the same order), with no node
    /// allocated. Use it for inference: predictions after training, or a decision boundary drawn point by point.</summary>
    /// <param name="x">The inputs; exactly <see cref="InputCount"/> of them.</param>
    /// <returns>The last layer's outputs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> has the wrong length.</exception>
    /// <example>
    /// <code>
    /// var model = new MLP(2, [16, 16, 1], seed: 1);
    /// double score = model.Predict([0.5, -0.25])[0]; // the same number as model.Forward([0.5, -0.25])[0].Data
    /// </code>
    /// </example>
    public double[] Predict(IReadOnlyList<double> x)
    {
        double[] values = Inputs.Values(x, InputCount, nameof(x));
        foreach (var layer in _layers)
        {
            var outputs = new double[layer.OutputCount];
            layer.PredictCore(values, outputs);
            values = outputs;
        }

        return values;
    }

    /// <summary>Returns micrograd's description, such as
    /// <c>MLP of [Layer of [ReLUNeuron(2), ...], Layer of [LinearNeuron(16)]]</c>.</summary>
    /// <returns>The layers' descriptions in brackets.</returns>
    public override string ToString() => $"MLP of [{string.Join(", ", _layers.AsEnumerable())}]";

    /// <inheritdoc/>
    protected override IEnumerable<KeyValuePair<string, Scalar>> ListNamedParameters()
    {
        for (int i = 0; i < _layers.Length; i++)
        {
            string prefix = "layers." + i.ToString(CultureInfo.InvariantCulture) + ".";
            foreach (var (name, parameter) in _layers[i].NamedParameters())
            {
                yield return new(prefix + name, parameter);
            }
        }
    }

    private static Layer[] CreateLayers(int inputs, IReadOnlyList<int> layerSizes, Random random, Activation hiddenActivation)
    {
        Neuron.CheckInputs(inputs, nameof(inputs));
        ArgumentNullException.ThrowIfNull(layerSizes);
        ArgumentNullException.ThrowIfNull(random);
        Neuron.CheckActivation(hiddenActivation, nameof(hiddenActivation));
        if (layerSizes.Count == 0)
        {
            throw new ArgumentException("A network needs at least one layer.", nameof(layerSizes));
        }

        // Every size, and the parameter count of the whole network (Parameters() lists them all in one array),
        // before anything is allocated. The running total stops at the first layer past the limit, so it stays
        // far inside a long.
        long parameterCount = 0;
        int fanIn = inputs;
        for (int i = 0; i < layerSizes.Count; i++)
        {
            int size = layerSizes[i];
            if (size <= 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(layerSizes), size, $"Layer {i} has {size} neurons; every layer needs at least 1.");
            }

            parameterCount += Layer.CountParameters(fanIn, size);
            if (parameterCount > Array.MaxLength)
            {
                Guard.FitsInArray(
                    parameterCount, size, nameof(layerSizes), $"parameters (up to layer {i}, of {size} neurons of {fanIn} inputs and a bias)");
            }

            fanIn = size;
        }

        var layers = new Layer[layerSizes.Count];
        fanIn = inputs;
        for (int i = 0; i < layers.Length; i++)
        {
            bool last = i == layers.Length - 1;
            layers[i] = new Layer(fanIn, layerSizes[i], random, last ? Activation.Linear : hiddenActivation);
            fanIn = layerSizes[i];
        }

        return layers;
    }

    /// <summary>The forward pass on an input array the library owns: each layer's fresh output array is the next
    /// layer's input, shared by all its neurons, never copied and never changed.</summary>
    private Scalar[] ForwardCore(Scalar[] x)
    {
        foreach (var layer in _layers)
        {
            x = layer.ForwardCore(x);
        }

        return x;
    }
}
