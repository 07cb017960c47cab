using System.Globalization;

namespace AutogradForDummies.Optim;

/// <summary>
/// Updates parameters from their gradients, one <see cref="Step"/> at a time: the "descent" in gradient descent.
/// </summary>
/// <remarks>
/// <para>A training step is: compute the loss, <see cref="ZeroGrad"/>, <c>loss.Backward()</c>, <see cref="Step"/>.
/// An optimizer only reads each parameter's <see cref="Scalar.Grad"/> and writes its <see cref="Scalar.Data"/>, so it
/// works the same whether the gradients come from <see cref="Scalar.Backward"/> or from a
/// <see cref="CompiledGraph"/>.</para>
/// <para>Every optimizer takes either a learning rate or a <see cref="LearningRateSchedule"/>; a plain rate is a
/// constant schedule. <see cref="LearningRate"/> is the rate of the next step.</para>
/// <para>Steps allocate nothing: any state (momentum, moment estimates) lives in arrays created with the optimizer.</para>
/// </remarks>
public abstract class Optimizer
{
    private readonly Scalar[] _parameters;

    /// <summary>Takes charge of <paramref name="parameters"/> (a copy of the list: later changes to it do not matter),
    /// with the same learning rate at every step.</summary>
    /// <param name="parameters">The parameters to optimize, usually <c>model.Parameters()</c>; each at most once.</param>
    /// <param name="learningRate">The learning rate; positive and finite.</param>
    /// <exception cref="ArgumentNullException">The list or one of its elements is null.</exception>
    /// <exception cref="ArgumentException">The list is empty or holds a parameter twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is not positive and finite.</exception>
    protected Optimizer(IReadOnlyList<Scalar> parameters, double learningRate)
        : this(parameters, LearningRateSchedule.Constant(learningRate))
    {
    }

    /// <summary>Takes charge of <paramref name="parameters"/> (a copy of the list: later changes to it do not matter),
    /// with a learning rate that follows <paramref name="schedule"/>.</summary>
    /// <param name="parameters">The parameters to optimize, usually <c>model.Parameters()</c>; each at most once.</param>
    /// <param name="schedule">The learning rate of every step; its first rate must be positive and finite.</param>
    /// <exception cref="ArgumentNullException">The list, one of its elements, or <paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException">The list is empty or holds a parameter twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The schedule's first rate is not positive and finite.</exception>
    protected Optimizer(IReadOnlyList<Scalar> parameters, LearningRateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(schedule);
        if (parameters.Count == 0)
        {
            throw new ArgumentException("There are no parameters to optimize.", nameof(parameters));
        }

        Guard.Positive(schedule.At(0), nameof(schedule), "The schedule's first learning rate");
        _parameters = new Scalar[parameters.Count];
        var seen = new HashSet<Scalar>(parameters.Count, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < _parameters.Length; i++)
        {
            var p = parameters[i] ?? throw new ArgumentNullException(nameof(parameters), $"parameters[{i}] is null.");
            if (!seen.Add(p))
            {
                throw new ArgumentException(
                    $"parameters[{i}] appears twice in the list; it would be updated twice per step.", nameof(parameters));
            }

            _parameters[i] = p;
        }

        Parameters = Array.AsReadOnly(_parameters);
        Schedule = schedule;
    }

    /// <summary>Gets the parameters this optimizer updates.</summary>
    public IReadOnlyList<Scalar> Parameters { get; }

    /// <summary>Gets the schedule that gives each step's learning rate (a constant one when the optimizer was given
    /// a plain learning rate).</summary>
    public LearningRateSchedule Schedule { get; }

    /// <summary>Gets the learning rate the next <see cref="Step"/> will use: <c>Schedule.At(StepCount)</c>.</summary>
    public double LearningRate => Schedule.At(StepCount);

    /// <summary>Gets how many steps have been taken. The next <see cref="Step"/> is step number <c>StepCount</c>,
    /// counting from 0.</summary>
    public int StepCount { get; private set; }

    /// <summary>Updates every parameter from its current gradient with this step's learning rate, then increments
    /// <see cref="StepCount"/>. Allocates nothing.</summary>
    /// <exception cref="InvalidOperationException">The schedule gave a learning rate that is negative or not
    /// finite for this step; no parameter was changed and <see cref="StepCount"/> stays as it was.</exception>
    public void Step()
    {
        int step = StepCount;
        double learningRate = Schedule.At(step);
        if (!(learningRate >= 0 && double.IsFinite(learningRate)))
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The schedule {Schedule} gave the learning rate {learningRate} for step {step}; it must be finite and not negative."));
        }

        Update(_parameters, step, learningRate);
        StepCount = step + 1;
    }

    /// <summary>Sets the gradient of every parameter to 0; call it before each backward pass, because
    /// gradients of leaves accumulate.</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            p.Grad = 0;
        }
    }

    /// <summary>Updates every parameter from its gradient. Called by <see cref="Step"/>; must not allocate.</summary>
    /// <param name="parameters">The parameters, always in the same order, so index i can key per-parameter state.</param>
    /// <param name="stepIndex">The number of this step, counting from 0 (equal to <see cref="StepCount"/> before the step).</param>
    /// <param name="learningRate">This step's learning rate from <see cref="Schedule"/>, already checked to be finite
    /// and not negative.</param>
    protected abstract void Update(ReadOnlySpan<Scalar> parameters, int stepIndex, double learningRate);
}
