namespace AutogradForDummies.Optim;

/// <summary>
/// Adam (adaptive moment estimation): each parameter moves by about the learning rate, in the direction of a
/// running mean of its gradients, scaled down where those gradients are noisy.
/// </summary>
/// <remarks>
/// <para>With gradient g at step t (from 1):</para>
/// <para><c>m ← β₁·m + (1 − β₁)·g</c>, <c>v ← β₂·v + (1 − β₂)·g²</c>,
/// <c>m̂ = m/(1 − β₁ᵗ)</c>, <c>v̂ = v/(1 − β₂ᵗ)</c>, <c>p ← p − lr·m̂/(√v̂ + ε)</c>.</para>
/// <para>Because m̂/√v̂ is about ±1 when the gradient is steady, the learning rate is roughly the size of a step in
/// parameter space, which makes Adam forgiving about the scale of the loss.</para>
/// <para>The learning rate can follow a <see cref="LearningRateSchedule"/>; a short warm-up followed by cosine decay,
/// <c>LearningRateSchedule.Warmup(100, LearningRateSchedule.Cosine(1e-3, 1e-5, 900))</c>, is a common choice.</para>
/// </remarks>
/// <example>
/// <code>
/// var x = new Scalar(3.0);
/// var adam = new Adam([x], learningRate: 0.1);
/// for (int i = 0; i &lt; 200; i++)
/// {
///     var loss = (x - 1.0) * (x - 1.0);
///     adam.ZeroGrad();
///     loss.Backward();
///     adam.Step();
/// }
/// // x.Data is now close to 1
/// </code>
/// </example>
public class Adam : Optimizer
{
    private readonly AdamState _state;

    /// <summary>Creates Adam with the same learning rate at every step.</summary>
    /// <param name="parameters">The parameters to optimize.</param>
    /// <param name="learningRate">The learning rate; positive and finite.</param>
    /// <param name="beta1">The decay of the running mean of gradients; at least 0, less than 1.</param>
    /// <param name="beta2">The decay of the running mean of squared gradients; at least 0, less than 1.</param>
    /// <param name="epsilon">Added to √v̂ to avoid dividing by 0; positive and finite.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is empty or holds a parameter twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of its range.</exception>
    public Adam(IReadOnlyList<Scalar> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        : this(parameters, LearningRateSchedule.Constant(learningRate), beta1, beta2, epsilon)
    {
    }

    /// <summary>Creates Adam whose learning rate follows <paramref name="schedule"/>, for example a warm-up
    /// followed by cosine decay.</summary>
    /// <param name="parameters">The parameters to optimize.</param>
    /// <param name="schedule">The learning rate of every step; its first rate must be positive and finite.</param>
    /// <param name="beta1">The decay of the running mean of gradients; at least 0, less than 1.</param>
    /// <param name="beta2">The decay of the running mean of squared gradients; at least 0, less than 1.</param>
    /// <param name="epsilon">Added to √v̂ to avoid dividing by 0; positive and finite.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/>, one of its elements, or
    /// <paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is empty or holds a parameter twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The schedule's first rate or a hyper-parameter is out of its range.</exception>
    public Adam(IReadOnlyList<Scalar> parameters, LearningRateSchedule schedule, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        : base(parameters, schedule)
    {
        Guard.DecayRate(beta1, nameof(beta1));
        Guard.DecayRate(beta2, nameof(beta2));
        Guard.Positive(epsilon, nameof(epsilon));
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        _state = new AdamState(Parameters.Count, beta1, beta2, epsilon);
    }

    /// <summary>Gets β₁, the decay of the running mean of gradients.</summary>
    public double Beta1 { get; }

    /// <summary>Gets β₂, the decay of the running mean of squared gradients.</summary>
    public double Beta2 { get; }

    /// <summary>Gets ε, added to √v̂ in the denominator.</summary>
    public double Epsilon { get; }

    /// <summary>Applies one Adam step to every parameter.</summary>
    /// <param name="parameters">The parameters, in the order they were given.</param>
    /// <param name="stepIndex">The number of the step, from 0.</param>
    /// <param name="learningRate">This step's learning rate.</param>
    protected override void Update(ReadOnlySpan<Scalar> parameters, int stepIndex, double learningRate) =>
        _state.Update(parameters, stepIndex, learningRate);
}
