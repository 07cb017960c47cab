namespace AutogradForDummies.Optim;

/// <summary>
/// Adam with decoupled weight decay: before each Adam step, every parameter shrinks towards 0 by the fraction
/// <c>lr·λ</c>, <c>p ← p − lr·λ·p</c>.
/// </summary>
/// <remarks>
/// Adding <c>λ·Σp²</c> to the loss (L2 regularization) does not work well with Adam, because Adam rescales that
/// penalty's gradient along with everything else. AdamW applies the decay directly to the parameters instead,
/// "decoupled" from the adaptive step (Loshchilov and Hutter, 2019).
/// </remarks>
/// <example>
/// <code>
/// var model = new MLP(2, [16, 16, 1]);
/// var optimizer = new AdamW(model.Parameters(), learningRate: 0.01, weightDecay: 1e-2);
/// // each step: build the loss, then
/// // optimizer.ZeroGrad(); loss.Backward(); optimizer.Step();
/// </code>
/// </example>
public sealed class AdamW : Adam
{
    /// <summary>Creates AdamW with the same learning rate at every step.</summary>
    /// <param name="parameters">The parameters to optimize.</param>
    /// <param name="learningRate">The learning rate; positive and finite.</param>
    /// <param name="beta1">The decay of the running mean of gradients; at least 0, less than 1.</param>
    /// <param name="beta2">The decay of the running mean of squared gradients; at least 0, less than 1.</param>
    /// <param name="epsilon">Added to √v̂ to avoid dividing by 0; positive and finite.</param>
    /// <param name="weightDecay">The decay λ; finite and not negative (0 makes this plain Adam).</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is empty or holds a parameter twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of its range.</exception>
    public AdamW(
        IReadOnlyList<Scalar> parameters,
        double learningRate = 1e-3,
        double beta1 = 0.9,
        double beta2 = 0.999,
        double epsilon = 1e-8,
        double weightDecay = 1e-2)
        : this(parameters, LearningRateSchedule.Constant(learningRate), beta1, beta2, epsilon, weightDecay)
    {
    }

    /// <summary>Creates AdamW whose learning rate follows <paramref name="schedule"/>; the weight decay of each step
    /// uses that step's rate, as in PyTorch.</summary>
    /// <param name="parameters">The parameters to optimize.</param>
    /// <param name="schedule">The learning rate of every step; its first rate must be positive and finite.</param>
    /// <param name="beta1">The decay of the running mean of gradients; at least 0, less than 1.</param>
    /// <param name="beta2">The decay of the running mean of squared gradients; at least 0, less than 1.</param>
    /// <param name="epsilon">Added to √v̂ to avoid dividing by 0; positive and finite.</param>
    /// <param name="weightDecay">The decay λ; finite and not negative (0 makes this plain Adam).</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/>, one of its elements, or
    /// <paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is empty or holds a parameter twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The schedule's first rate or a hyper-parameter is out of its range.</exception>
    public AdamW(
        IReadOnlyList<Scalar> parameters,
        LearningRateSchedule schedule,
        double beta1 = 0.9,
        double beta2 = 0.999,
        double epsilon = 1e-8,
        double weightDecay = 1e-2)
        : base(parameters, schedule, beta1, beta2, epsilon)
    {
        Guard.NonNegative(weightDecay, nameof(weightDecay));
        WeightDecay = weightDecay;
    }

    /// <summary>Gets the weight decay λ.</summary>
    public double WeightDecay { get; }

    /// <summary>Shrinks every parameter towards 0 by this step's <c>lr·λ</c>, then applies one Adam step.</summary>
    /// <param name="parameters">The parameters, in the order they were given.</param>
    /// <param name="stepIndex">The number of the step, from 0.</param>
    /// <param name="learningRate">This step's learning rate.</param>
    protected override void Update(ReadOnlySpan<Scalar> parameters, int stepIndex, double learningRate)
    {
        double shrink = learningRate * WeightDecay;
        foreach (var p in parameters)
        {
            p.Data -= shrink * p.Data; // p ← p − lr·λ·p: decay towards 0, independent of the gradient
        }

        base.Update(parameters, stepIndex, learningRate);
    }
}
