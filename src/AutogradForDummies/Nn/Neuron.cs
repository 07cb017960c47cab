using System.Collections.ObjectModel;
using System.Globalization;

namespace AutogradForDummies.Nn;

/// <summary>
/// One artificial neuron: <c>activation(Σ wᵢ·xᵢ + b)</c>, with its weights <c>wᵢ</c> and bias <c>b</c>
/// as trainable <see cref="Scalar"/> parameters.
/// </summary>
/// <remarks>
/// As in micrograd, the weights start uniformly random in [−1, 1] and the bias starts at 0. The weighted sum
/// is one fused dot-product node (<see cref="Scalar.Dot"/>), so a neuron adds just one node to the graph,
/// plus one for its activation. <see cref="Predict"/> computes the same output from plain numbers, without a graph.
/// </remarks>
public sealed class Neuron : Module
{
    // The weights and then the bias, in one array that is never changed: every forward pass's dot node keeps it as
    // its parents, and it is the order of Parameters().
    private readonly Scalar[] _parameters;

    /// <summary>Creates a neuron with random weights, repeatable with a <paramref name="seed"/>.</summary>
    /// <param name="inputs">How many inputs it takes; at least 1.</param>
    /// <param name="activation">Its nonlinearity.</param>
    /// <param name="seed">The seed of the random weights: the same seed gives the same neuron. Without one (null) the
    /// weights are different on every run, as in PyTorch; pass a seed for results you can repeat.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputs"/> is not positive or too large for the
    /// weights and the bias to fit in one array, or <paramref name="activation"/> is not a defined value.</exception>
    public Neuron(int inputs, Activation activation = Activation.Relu, int? seed = null)
        : this(inputs, Seeded(seed), activation)
    {
    }

    /// <summary>Creates a neuron with weights drawn from <paramref name="random"/>.</summary>
    /// <param name="inputs">How many inputs it takes; at least 1.</param>
    /// <param name="random">The source of the random weights.</param>
    /// <param name="activation">Its nonlinearity.</param>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputs"/> is not positive or too large for the
    /// weights and the bias to fit in one array, or <paramref name="activation"/> is not a defined value.</exception>
    public Neuron(int inputs, Random random, Activation activation = Activation.Relu)
    {
        CheckInputs(inputs, nameof(inputs));
        ArgumentNullException.ThrowIfNull(random);
        CheckActivation(activation, nameof(activation));

        _parameters = new Scalar[inputs + 1];
        for (int i = 0; i < inputs; i++)
        {
            _parameters[i] = new Scalar((2 * random.NextDouble()) - 1); // uniform in [−1, 1)
        }

        _parameters[inputs] = new Scalar(0); // the bias
        Activation = activation;
        Weights = new ReadOnlyCollection<Scalar>(new ArraySegment<Scalar>(_parameters, 0, inputs));
    }

    /// <summary>Gets the weights, one per input.</summary>
    public IReadOnlyList<Scalar> Weights { get; }

    /// <summary>Gets the bias.</summary>
    public Scalar Bias => _parameters[^1];

    /// <summary>Gets the nonlinearity applied to the weighted sum.</summary>
    public Activation Activation { get; }

    /// <summary>Gets how many inputs the neuron takes.</summary>
    public int InputCount => _parameters.Length - 1;

    /// <summary>Computes <c>activation(Σ wᵢ·xᵢ + b)</c> as a new node of the graph.</summary>
    /// <param name="x">The inputs; exactly <see cref="InputCount"/> of them.</param>
    /// <returns>The neuron's output.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> has the wrong length.</exception>
    public Scalar Forward(IReadOnlyList<Scalar> x) => ForwardCore(Inputs.Copy(x, InputCount, nameof(x)));

    /// <summary>Computes the neuron's output from plain numbers, without building a graph: exactly the number
    /// <see cref="Forward"/> would give for the same inputs (the same rules, in the same order), with no node
    /// allocated. For inference, such as drawing a decision boundary.</summary>
    /// <param name="x">The inputs; exactly <see cref="InputCount"/> of them.</param>
    /// <returns>The neuron's output.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> has the wrong length.</exception>
    public double Predict(IReadOnlyList<double> x)
    {
        return PredictCore(Inputs.Values(x, InputCount, nameof(x)));
    }

    /// <summary>Returns micrograd's description, such as <c>ReLUNeuron(2)</c> or <c>LinearNeuron(16)</c>.</summary>
    /// <returns>The activation's name, "Neuron", and the number of inputs.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{ActivationName(Activation)}Neuron({InputCount})");

    /// <summary>The forward pass on an input array the caller owns and will never change (the dot node keeps it).</summary>
    internal Scalar ForwardCore(Scalar[] x)
    {
        var z = Scalar.DotCore(_parameters, x, weightsAreLeaves: true); // Σ wᵢ·xᵢ + b, one node
        return Activation switch
        {
            Activation.Relu => z.Relu(),
            Activation.LeakyRelu => z.LeakyRelu(),
            Activation.Tanh => z.Tanh(),
            Activation.Sigmoid => z.Sigmoid(),
            Activation.Linear => z,
        };
    }

    /// <summary>The inference pass on inputs of the right length: the forward pass's rules on plain numbers.</summary>
    internal double PredictCore(ReadOnlySpan<double> x)
    {
        double z = Rules.Dot(new DataOf(_parameters), new ValuesIn(x), _parameters[^1].Data);
        return Activation switch
        {
            Activation.Relu => Rules.Relu.Forward(z),
            Activation.LeakyRelu => Rules.LeakyRelu.Forward(z, Scalar.DefaultLeakySlope),
            Activation.Tanh => Rules.Tanh.Forward(z),
            Activation.Sigmoid => Rules.Sigmoid.Forward(z),
            Activation.Linear => z,
        };
    }

    /// <summary>The generator of a module's initial weights: seeded when a seed is given, else seeded afresh by the
    /// system, so that two unseeded modules differ.</summary>
    internal static Random Seeded(int? seed) => seed is int s ? new Random(s) : new Random();

    /// <summary>Throws unless a neuron of <paramref name="inputs"/> inputs can be made: at least 1 input, and its
    /// weights and bias (<see cref="Module.Parameters"/> lists them) no more than one array can hold.</summary>
    internal static void CheckInputs(int inputs, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs, paramName);
        Guard.FitsInArray((long)inputs + 1, inputs, paramName, "parameters (the weights and a bias)");
    }

    /// <summary>Throws unless <paramref name="activation"/> is one of the named values.</summary>
    internal static void CheckActivation(Activation activation, string paramName)
    {
        if (!Enum.IsDefined(activation))
        {
            throw new ArgumentOutOfRangeException(paramName, activation, "Not a defined Activation.");
        }
    }

    /// <inheritdoc/>
    protected override IEnumerable<KeyValuePair<string, Scalar>> ListNamedParameters()
    {
        for (int i = 0; i < InputCount; i++)
        {
            yield return new("w." + i.ToString(CultureInfo.InvariantCulture), _parameters[i]);
        }

        yield return new("b", Bias);
    }

    private static string ActivationName(Activation activation) => activation switch
    {
        Activation.Relu => "ReLU",
        Activation.LeakyRelu => "LeakyReLU",
        Activation.Tanh => "Tanh",
        Activation.Sigmoid => "Sigmoid",
        Activation.Linear => "Linear",
    };
}
