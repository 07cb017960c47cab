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
/// // each step: build the loss, then
/// // sgd.ZeroGrad(); loss.Backward(); sgd.Step();
/// </code>
/// </example>
public sealed class SGD : Optimizer
{
    private readonly double[]? _velocity;

    /// <summary>Creates SGD with a learning rate, optionally momentum and a schedule.</summary>
    /// <param name="parameters">The parameters to optimize.</param>
    /// <param name="learningRate">The learning rate; positive and finite. With a <paramref name="schedule"/>, it
    /// must equal the schedule's rate at step 0 (or use the constructor that takes only a schedule).</param>
    /// <param name="momentum">The momentum μ, from 0 (none) up to but excluding 1.</param>
    /// <param name="schedule">The learning rate of every step, or null for <paramref name="learningRate"/> throughout.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is empty or holds a parameter twice, or
    /// <paramref name="learningRate"/> disagrees with <paramref name="schedule"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of its range.</exception>
    public SGD(IReadOnlyList<Scalar> parameters, double learningRate, double momentum = 0, LearningRateSchedule? schedule = null)
        : base(parameters)
    {
        CheckPositive(learningRate, nameof(learningRate));
        CheckDecay(momentum, nameof(momentum));
        if (schedule is not null)
        {
            double first = schedule.At(0);
            if (Math.Abs(first - learningRate) > 1e-12 * Math.Max(Math.Abs(first), Math.Abs(learningRate)))
            {
                throw new ArgumentException(
                    $"The learning rate {learningRate} disagrees with the schedule, which starts at {first}. Pass the schedule alone, "
                    + "new SGD(parameters, schedule), or make them agree.",
                    nameof(learningRate));
            }
        }

        Schedule = schedule ?? LearningRateSchedule.Constant(learningRate);
        Momentum = momentum;
        _velocity = momentum > 0 ? new double[Parameters.Count] : null;
    }

    /// <summary>Creates SGD whose learning rate follows <paramref name="schedule"/>.</summary>
    /// <param name="parameters">The parameters to optimize.</param>
    /// <param name="schedule">The learning rate of every step.</param>
    /// <param name="momentum">The momentum μ, from 0 (none) up to but excluding 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/>, one of its elements, or
    /// <paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is empty or holds a parameter twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="momentum"/> is out of its range.</exception>
    public SGD(IReadOnlyList<Scalar> parameters, LearningRateSchedule schedule, double momentum = 0)
        : this(parameters, FirstRate(schedule), momentum, schedule)
    {
    }

    /// <summary>Gets the momentum μ (0 for none).</summary>
    public double Momentum { get; }

    /// <summary>Gets the schedule that gives each step's learning rate (a constant one if none was given).</summary>
    public LearningRateSchedule Schedule { get; }

    /// <summary>Gets the learning rate the next <see cref="Optimizer.Step"/> will use: <c>Schedule.At(StepCount)</c>.</summary>
    public double LearningRate => Schedule.At(StepCount);

    /// <inheritdoc/>
    protected override void Update(ReadOnlySpan<Scalar> parameters, int stepIndex)
    {
        double lr = CheckedRate(Schedule, stepIndex);
        if (_velocity is null)
        {
            foreach (var p in parameters)
            {
                p.Data -= lr * p.Grad; // step against the gradient, downhill
            }

            return;
        }

        var v = _velocity;
        for (int i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            v[i] = (Momentum * v[i]) + p.Grad; // v ← μ·v + g
            p.Data -= lr * v[i];               // p ← p − lr·v
        }
    }

    private static double FirstRate(LearningRateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        double first = schedule.At(0);
        CheckPositive(first, nameof(schedule)); // the schedule's first rate stands for the learning rate
        return first;
    }

    private static double CheckedRate(LearningRateSchedule schedule, int step)
    {
        double lr = schedule.At(step);
        if (!(lr >= 0 && double.IsFinite(lr)))
        {
            throw new InvalidOperationException($"The schedule gave the learning rate {lr} for step {step}; it must be finite and not negative.");
        }

        return lr;
    }
}
