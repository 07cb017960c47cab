using System.Globalization;

namespace AutogradForDummies.Nn;

/// <summary>
/// A fully connected layer: several <see cref="Neuron"/>s that all read the same inputs, each producing one output.
/// </summary>
public sealed class Layer : Module
{
    private readonly Neuron[] _neurons;

    /// <summary>Creates a layer with random weights, repeatable with a <paramref name="seed"/>.</summary>
    /// <param name="inputs">How many inputs each neuron takes; at least 1.</param>
    /// <param name="outputs">How many neurons (and so outputs) the layer has; at least 1.</param>
    /// <param name="activation">The nonlinearity of every neuron.</param>
    /// <param name="seed">The seed of the random weights: the same seed gives the same layer. Without one (null) the
    /// weights are different on every run, as in PyTorch; pass a seed for results you can repeat.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, the layer's parameters are more than
    /// one array can hold, or <paramref name="activation"/> is not a defined value.</exception>
    public Layer(int inputs, int outputs, Activation activation = Activation.Relu, int? seed = null)
        : this(inputs, outputs, Neuron.Seeded(seed), activation)
    {
    }

    /// <summary>Creates a layer with weights drawn from <paramref name="random"/>, neuron after neuron.</summary>
    /// <param name="inputs">How many inputs each neuron takes; at least 1.</param>
    /// <param name="outputs">How many neurons (and so outputs) the layer has; at least 1.</param>
    /// <param name="random">The source of the random weights.</param>
    /// <param name="activation">The nonlinearity of every neuron.</param>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, the layer's parameters are more than
    /// one array can hold, or <paramref name="activation"/> is not a defined value.</exception>
    public Layer(int inputs, int outputs, Random random, Activation activation = Activation.Relu)
    {
        CheckSizes(inputs, outputs);
        ArgumentNullException.ThrowIfNull(random);
        Neuron.CheckActivation(activation, nameof(activation));

        _neurons = new Neuron[outputs];
        for (int i = 0; i < outputs; i++)
        {
            _neurons[i] = new Neuron(inputs, random, activation);
        }

        Neurons = Array.AsReadOnly(_neurons);
        InputCount = inputs;
        Activation = activation;
    }

    /// <summary>Gets the neurons, one per output.</summary>
    public IReadOnlyList<Neuron> Neurons { get; }

    /// <summary>Gets how many inputs the layer takes.</summary>
    public int InputCount { get; }

    /// <summary>Gets how many outputs (neurons) the layer has.</summary>
    public int OutputCount => _neurons.Length;

    /// <summary>Gets the nonlinearity of the layer's neurons.</summary>
    public Activation Activation { get; }

    /// <summary>Computes every neuron's output on the same inputs.</summary>
    /// <param name="x">The inputs; exactly <see cref="InputCount"/> of them.</param>
    /// <returns>One new Scalar per neuron, in neuron order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> has the wrong length.</exception>
    public IReadOnlyList<Scalar> Forward(IReadOnlyList<Scalar> x) => ForwardCore(Inputs.Copy(x, InputCount, nameof(x)));

    /// <summary>Computes every neuron's output from plain numbers, without building a graph: exactly the numbers
    /// <see cref="Forward"/> would give, with no node allocated.</summary>
    /// <param name="x">The inputs; exactly <see cref="InputCount"/> of them.</param>
    /// <returns>One output per neuron, in neuron order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> has the wrong length.</exception>
    public double[] Predict(IReadOnlyList<double> x)
    {
        double[] values = Inputs.Values(x, InputCount, nameof(x));
        var outputs = new double[OutputCount];
        PredictCore(values, outputs);
        return outputs;
    }

    /// <summary>Returns micrograd's description, such as <c>Layer of [ReLUNeuron(2), ReLUNeuron(2)]</c>.</summary>
    /// <returns>The neurons' descriptions in brackets.</returns>
    public override string ToString() => $"Layer of [{string.Join(", ", _neurons.AsEnumerable())}]";

    /// <summary>The forward pass on an input array the caller owns and will never change. All neurons share
    /// <paramref name="x"/>; the returned array is new and belongs to the caller.</summary>
    internal Scalar[] ForwardCore(Scalar[] x)
    {
        var outputs = new Scalar[_neurons.Length];
        for (int i = 0; i < outputs.Length; i++)
        {
            outputs[i] = _neurons[i].ForwardCore(x);
        }

        return outputs;
    }

    /// <summary>The inference pass: every neuron's output for <paramref name="x"/> into <paramref name="outputs"/>.</summary>
    internal void PredictCore(ReadOnlySpan<double> x, Span<double> outputs)
    {
        for (int i = 0; i < _neurons.Length; i++)
        {
            outputs[i] = _neurons[i].PredictCore(x);
        }
    }

    /// <summary>The number of parameters of a layer: <paramref name="outputs"/> neurons of
    /// <paramref name="inputs"/> weights and a bias each, computed without overflow.</summary>
    internal static long CountParameters(int inputs, int outputs) => (long)outputs * ((long)inputs + 1);

    /// <summary>Throws unless both sizes are positive and all the layer's parameters fit in one array
    /// (<see cref="Module.Parameters"/> lists them): checked before anything is allocated.</summary>
    private static void CheckSizes(int inputs, int outputs)
    {
        Neuron.CheckInputs(inputs, nameof(inputs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        Guard.FitsInArray(
            CountParameters(inputs, outputs), outputs, nameof(outputs), "parameters (outputs × (inputs + 1) weights and biases)");
    }

    /// <inheritdoc/>
    protected override IEnumerable<KeyValuePair<string, Scalar>> ListNamedParameters()
    {
        for (int i = 0; i < _neurons.Length; i++)
        {
            string prefix = "neurons." + i.ToString(CultureInfo.InvariantCulture) + ".";
            foreach (var (name, parameter) in _neurons[i].NamedParameters())
            {
                yield return new(prefix + name, parameter);
            }
        }
    }
}
