using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace AutogradForDummies.Nn;

/// <summary>
/// Something with trainable parameters: a <see cref="Neuron"/>, a <see cref="Layer"/> or a whole
/// <see cref="MLP"/>. Like micrograd's <c>Module</c>, it can list its parameters and reset their gradients.
/// </summary>
/// <remarks>
/// A module creates its parameters once, in its constructor, and never replaces them (training changes
/// their <see cref="Scalar.Data"/>, not their identity). So the parameter lists are built on first use and
/// then cached: calling <see cref="Parameters"/> every training step costs nothing.
/// </remarks>
[SuppressMessage("Naming", "CA1716", Justification = "The name mirrors micrograd's Module; VB callers can write [Module].")]
public abstract class Module
{
    private ReadOnlyCollection<KeyValuePair<string, Scalar>>? _namedParameters;
    private ReadOnlyCollection<Scalar>? _parameters;
    private Scalar[]? _parameterArray;

    /// <summary>Gets the number of parameters (weights and biases).</summary>
    public int ParameterCount => ParameterArray.Length;

    /// <summary>The parameters in <see cref="Parameters"/> order, as an array this class owns (never handed out).</summary>
    private protected Scalar[] ParameterArray
    {
        get
        {
            if (_parameterArray is null)
            {
                var named = NamedParameters();
                var array = new Scalar[named.Count];
                for (int i = 0; i < array.Length; i++)
                {
                    array[i] = named[i].Value;
                }

                _parameterArray = array;
            }

            return _parameterArray;
        }
    }

    /// <summary>Lists every trainable parameter, in a fixed order (for an <see cref="MLP"/>: layer by layer,
    /// neuron by neuron, each neuron's weights in input order and then its bias, as in micrograd).</summary>
    /// <returns>A read-only list; the same instance on every call.</returns>
    public IReadOnlyList<Scalar> Parameters() => _parameters ??= Array.AsReadOnly(ParameterArray);

    /// <summary>Lists every parameter with a dotted name saying where it lives, such as
    /// <c>"layers.0.neurons.3.w.1"</c> (weight 1 of neuron 3 of layer 0) or <c>"layers.0.neurons.3.b"</c>;
    /// in the same order as <see cref="Parameters"/>.</summary>
    /// <returns>A read-only list; the same instance on every call.</returns>
    public IReadOnlyList<KeyValuePair<string, Scalar>> NamedParameters()
    {
        if (_namedParameters is null)
        {
            var list = new List<KeyValuePair<string, Scalar>>();
            foreach (var pair in ListNamedParameters())
            {
                if (pair.Value is null)
                {
                    throw new InvalidOperationException($"{GetType().Name} listed its parameter '{pair.Key}' as null.");
                }

                list.Add(pair);
            }

            _namedParameters = list.AsReadOnly();
        }

        return _namedParameters;
    }

    /// <summary>Sets the gradient of every parameter to 0. Call it before each <see cref="Scalar.Backward"/>,
    /// because gradients of leaves accumulate.</summary>
    public void ZeroGrad()
    {
        foreach (var p in ParameterArray)
        {
            p.Grad = 0;
        }
    }

    /// <summary>Produces this module's parameters with their names, in order. Called once; the result is cached,
    /// so it must always produce the same Scalars.</summary>
    /// <returns>The named parameters.</returns>
    protected abstract IEnumerable<KeyValuePair<string, Scalar>> ListNamedParameters();
}
