namespace AutogradForDummies.Nn;

/// <summary>The nonlinearity a <see cref="Neuron"/> applies to its weighted sum.</summary>
public enum Activation
{
    /// <summary>Rectified linear unit, <c>max(0, z)</c>: micrograd's nonlinearity, and the default.</summary>
    Relu,

    /// <summary>Hyperbolic tangent, squashing <c>z</c> into (−1, 1).</summary>
    Tanh,

    /// <summary>Logistic sigmoid <c>1 / (1 + e^−z)</c>, squashing <c>z</c> into (0, 1).</summary>
    Sigmoid,

    /// <summary>No nonlinearity: the neuron outputs <c>z</c> itself. Used for a network's last layer.</summary>
    Linear,

    /// <summary>Leaky rectified linear unit, <c>z</c> for z &gt; 0 and <c>0.01·z</c> otherwise: like ReLU, but a unit
    /// that is off still passes a little gradient, so it cannot die.</summary>
    LeakyRelu,
}
