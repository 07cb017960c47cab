namespace AutogradForDummies.Optim;

/// <summary>
/// Stochastic gradient descent: <c>p ← p − lr·g</c>, optionally with momentum
/// (<c>v ← μ·v + g</c>, <c>p ← p − lr·v</c>) and a learning-rate schedule.
/// </summary>
/// <remarks>
/// <para>Plain SGD, with a schedule, is what micrograd's moons demo does by hand:
/// <c>p.data -= (1.0 − 0.9·k/100) · p.grad</c>.</para>
/// <para>Momentum keeps a running velocity per parameter, so steps in a consistent direction build up speed and
/// steps that alternate cancel out. μ = 0 is plain SGD.</para>
/// </remarks>
/// <example>
/// <code>
/// var model = new MLP(2, [16, 16, 1]);
/// var sgd = new SGD(model.Parameters(), LearningRateSchedule.Linear(1.0, 0.1, 100));
/// // or a fixed rate, with momentum: new SGD(model.Parameters(), 0.1, momentum: 0.9)
/// // each step: build the loss, then
/// // sgd.ZeroGrad(); loss.Backward(); sgd.Step();
/// </code>
/// </example>
public sealed class SGD : Optimizer
{
    private readonly double[]? _velocity;

    /// <summary>Creates SGD with the same learning rate at every step.</summary>
    /// <param name="parameters">The parameters to optimize.</param>
    /// <param name="learningRate">The learning rate; positive and finite.</param>
    /// <param name="momentum">The momentum μ, from 0 (none) up to but excluding 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is empty or holds a parameter twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of its range.</exception>
    public SGD(IReadOnlyList<Scalar> parameters, double learningRate, double momentum = 0)
        : this(parameters, LearningRateSchedule.Constant(learningRate), momentum)
    {
    }

    /// <summary>Creates SGD whose learning rate follows <paramref name="schedule"/>.</summary>
    /// <param name="parameters">The parameters to optimize.</param>
    /// <param name="schedule">The learning rate of every step; its first rate must be positive and finite.</param>
    /// <param name="momentum">The momentum μ, from 0 (none) up to but excluding 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/>, one of its elements, or
    /// <paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is empty or holds a parameter twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The schedule's first rate is not positive and finite, or
    /// <paramref name="momentum"/> is out of its range.</exception>
    public SGD(IReadOnlyList<Scalar> parameters, LearningRateSchedule schedule, double momentum = 0)
        : base(parameters, schedule)
    {
        Guard.DecayRate(momentum, nameof(momentum));
        Momentum = momentum;
        _velocity = momentum > 0 ? new double[Parameters.Count] : null;
    }

    /// <summary>Gets the momentum μ (0 for none).</summary>
    public double Momentum { get; }

    /// <inheritdoc/>
    protected override void Update(ReadOnlySpan<Scalar> parameters, int stepIndex, double learningRate)
    {
        if (_velocity is null)
        {
            foreach (var p in parameters)
            {
                p.Data -= learningRate * p.Grad; // step against the gradient, downhill
            }

            return;
        }

        var v = _velocity;
        for (int i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            v[i] = (Momentum * v[i]) + p.Grad; // v ← μ·v + g
            p.Data -= learningRate * v[i];     // p ← p − lr·v
        }
    }
}
