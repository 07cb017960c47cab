using System.Globalization;

namespace AutogradForDummies.Optim;

/// <summary>
/// A learning rate that changes with the step number: large steps early to make progress, small steps
/// late to settle into a minimum.
/// </summary>
/// <remarks>
/// Use the factories (<see cref="Constant"/>, <see cref="Linear"/>, <see cref="Step"/>, <see cref="Cosine"/>) or
/// derive your own. micrograd's moons demo decays the rate as <c>1.0 − 0.9·k/100</c>, which is
/// <c>Linear(1.0, 0.1, 100)</c>.
/// </remarks>
public abstract class LearningRateSchedule
{
    /// <summary>Gets the learning rate for a step.</summary>
    /// <param name="step">The step number, counting from 0.</param>
    /// <returns>The learning rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public double At(int step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        return LearningRateAt(step);
    }

    /// <summary>The same learning rate at every step.</summary>
    /// <param name="learningRate">The learning rate; positive and finite.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is not positive and finite.</exception>
    public static LearningRateSchedule Constant(double learningRate)
    {
        CheckPositive(learningRate, nameof(learningRate));
        return new ConstantSchedule(learningRate);
    }

    /// <summary>A straight line from <paramref name="start"/> at step 0 towards <paramref name="end"/> at step
    /// <paramref name="steps"/>, then <paramref name="end"/> for ever: <c>start + (end − start)·k/steps</c>.</summary>
    /// <param name="start">The rate at step 0; positive and finite.</param>
    /// <param name="end">The rate from step <paramref name="steps"/> on; finite and not negative.</param>
    /// <param name="steps">The length of the ramp; positive.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public static LearningRateSchedule Linear(double start, double end, int steps)
    {
        CheckPositive(start, nameof(start));
        CheckNonNegative(end, nameof(end));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        return new LinearSchedule(start, end, steps);
    }

    /// <summary>Step decay: the rate is multiplied by <paramref name="factor"/> every <paramref name="every"/>
    /// steps: <c>initial·factor^⌊k/every⌋</c>.</summary>
    /// <param name="initial">The rate at step 0; positive and finite.</param>
    /// <param name="factor">The factor applied at each decay; greater than 0, at most 1.</param>
    /// <param name="every">How many steps between two decays; positive.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public static LearningRateSchedule Step(double initial, double factor, int every)
    {
        CheckPositive(initial, nameof(initial));
        if (!(factor > 0 && factor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The factor must be greater than 0 and at most 1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(every);
        return new StepSchedule(initial, factor, every);
    }

    /// <summary>Cosine annealing: from <paramref name="start"/> at step 0 down to <paramref name="end"/> at step
    /// <paramref name="steps"/> along half a cosine wave, <c>end + (start − end)·(1 + cos(π·k/steps))/2</c>,
    /// then <paramref name="end"/> for ever. It lingers near both ends and moves fastest in the middle.</summary>
    /// <param name="start">The rate at step 0; positive and finite.</param>
    /// <param name="end">The rate from step <paramref name="steps"/> on; finite and not negative.</param>
    /// <param name="steps">The length of the decay; positive.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public static LearningRateSchedule Cosine(double start, double end, int steps)
    {
        CheckPositive(start, nameof(start));
        CheckNonNegative(end, nameof(end));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        return new CosineSchedule(start, end, steps);
    }

    /// <summary>Computes the learning rate for a step. It should be finite and not negative, and must not allocate.</summary>
    /// <param name="stepIndex">The step number, counting from 0; never negative.</param>
    /// <returns>The learning rate.</returns>
    protected abstract double LearningRateAt(int stepIndex);

    private static void CheckPositive(double value, string paramName)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The learning rate must be positive and finite.");
        }
    }

    private static void CheckNonNegative(double value, string paramName)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The learning rate must be finite and not negative.");
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class ConstantSchedule(double learningRate) : LearningRateSchedule
    {
        public override string ToString() => Format($"Constant({learningRate})");

        protected override double LearningRateAt(int stepIndex) => learningRate;
    }

    private sealed class LinearSchedule(double start, double end, int steps) : LearningRateSchedule
    {
        public override string ToString() => Format($"Linear({start}, {end}, {steps})");

        // Written as start + ((end − start)·k)/steps, so Linear(1.0, 0.1, 100) gives micrograd's 1.0 − 0.9·k/100 to the bit.
        protected override double LearningRateAt(int stepIndex) =>
            stepIndex >= steps ? end : start + ((end - start) * stepIndex / steps);
    }

    private sealed class StepSchedule(double initial, double factor, int every) : LearningRateSchedule
    {
        public override string ToString() => Format($"Step({initial}, {factor}, {every})");

        protected override double LearningRateAt(int stepIndex) => initial * Math.Pow(factor, stepIndex / every);
    }

    private sealed class CosineSchedule(double start, double end, int steps) : LearningRateSchedule
    {
        public override string ToString() => Format($"Cosine({start}, {end}, {steps})");

        protected override double LearningRateAt(int stepIndex) =>
            stepIndex >= steps ? end : end + ((start - end) * (1 + Math.Cos(Math.PI * stepIndex / steps)) / 2);
    }
}
