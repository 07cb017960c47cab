using System.Globalization;

namespace AutogradForDummies.Optim;

/// <summary>
/// A learning rate that changes with the step number: large steps early to make progress, small steps
/// late to settle into a minimum.
/// </summary>
/// <remarks>
/// Use the factories (<see cref="Constant"/>, <see cref="Linear"/>, <see cref="Step"/>, <see cref="Cosine"/>, and
/// <see cref="Warmup"/> in front of any of them) or derive your own. Every optimizer takes a schedule in place of
/// a learning rate, and refuses one whose first rate is not positive and finite. micrograd's moons demo decays
/// the rate as <c>1.0 − 0.9·k/100</c>, which is <c>Linear(1.0, 0.1, 100)</c>.
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
        Guard.Positive(learningRate, nameof(learningRate));
        return new ConstantSchedule(learningRate);
    }

    /// <summary>A straight line from <paramref name="start"/> at step 0 towards <paramref name="end"/> at step
    /// <paramref name="steps"/>, then <paramref name="end"/> for ever: <c>start + (end − start)·k/steps</c>.</summary>
    /// <remarks>The rate is computed as written, so <c>Linear(1.0, 0.1, 100)</c> gives micrograd's
    /// <c>1.0 − 0.9·k/100</c> to the bit; rates near <see cref="double.MaxValue"/> do not overflow on the way.</remarks>
    /// <param name="start">The rate at step 0; positive and finite.</param>
    /// <param name="end">The rate from step <paramref name="steps"/> on; finite and not negative.</param>
    /// <param name="steps">The length of the ramp; positive.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public static LearningRateSchedule Linear(double start, double end, int steps)
    {
        Guard.Positive(start, nameof(start));
        Guard.NonNegative(end, nameof(end));
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
        Guard.Positive(initial, nameof(initial));
        Guard.ShrinkFactor(factor, nameof(factor));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(every);
        return new StepSchedule(initial, factor, every);
    }

    /// <summary>Cosine annealing: from <paramref name="start"/> at step 0 down to <paramref name="end"/> at step
    /// <paramref name="steps"/> along half a cosine wave, <c>end + (start − end)·(1 + cos(π·k/steps))/2</c>,
    /// then <paramref name="end"/> for ever. It lingers near both ends and moves fastest in the middle.</summary>
    /// <remarks>Rates near <see cref="double.MaxValue"/> do not overflow on the way. <paramref name="end"/> may be
    /// above <paramref name="start"/>, for a rate that rises along the same curve.</remarks>
    /// <param name="start">The rate at step 0; positive and finite.</param>
    /// <param name="end">The rate from step <paramref name="steps"/> on; finite and not negative.</param>
    /// <param name="steps">The length of the decay; positive.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public static LearningRateSchedule Cosine(double start, double end, int steps)
    {
        Guard.Positive(start, nameof(start));
        Guard.NonNegative(end, nameof(end));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        return new CosineSchedule(start, end, steps);
    }

    /// <summary>
    /// A linear warm-up in front of another schedule: for <paramref name="steps"/> steps the rate climbs in equal
    /// steps towards the first rate of <paramref name="then"/>, which it reaches at step <paramref name="steps"/>;
    /// from there on it is <paramref name="then"/>, started afresh: <c>then.At(0)·(k + 1)/(steps + 1)</c> for
    /// <c>k &lt; steps</c>, then <c>then.At(k − steps)</c>.
    /// </summary>
    /// <remarks>
    /// Adaptive optimizers such as <see cref="Adam"/> know little about the gradients in their first steps, and a
    /// few small steps first keep them from jumping far on that little. <c>Warmup(100, Cosine(1e-3, 1e-5, 900))</c>
    /// is the common warm-up followed by cosine decay. The rate never starts at 0 (that would be a step that does
    /// nothing): with 4 warm-up steps it is 1/5, 2/5, 3/5, 4/5 of the peak, then the peak.
    /// </remarks>
    /// <param name="steps">The number of warm-up steps; positive.</param>
    /// <param name="then">The schedule after the warm-up; its first rate (the peak) must be positive and finite.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="then"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> is not positive, or the first rate of
    /// <paramref name="then"/> is not positive and finite.</exception>
    public static LearningRateSchedule Warmup(int steps, LearningRateSchedule then)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentNullException.ThrowIfNull(then);
        double peak = then.At(0);
        Guard.Positive(peak, nameof(then), "The first learning rate of the schedule after the warm-up");
        return new WarmupSchedule(steps, then, peak);
    }

    /// <summary>Computes the learning rate for a step. It should be finite and not negative, and must not allocate.</summary>
    /// <param name="stepIndex">The step number, counting from 0; never negative.</param>
    /// <returns>The learning rate.</returns>
    protected abstract double LearningRateAt(int stepIndex);

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
        // Only when (end − start)·k overflows (rates near double.MaxValue) is the product scaled down by 2⁻³² first
        // and back up after the division: both scalings are exact, so the bits are those of the formula as written,
        // computed without the overflow.
        protected override double LearningRateAt(int stepIndex)
        {
            if (stepIndex >= steps)
            {
                return end;
            }

            double difference = end - start;
            double product = difference * stepIndex;
            return double.IsFinite(product)
                ? start + (product / steps)
                : start + Math.ScaleB(Math.ScaleB(difference, -32) * stepIndex / steps, 32);
        }
    }

    private sealed class StepSchedule(double initial, double factor, int every) : LearningRateSchedule
    {
        public override string ToString() => Format($"Step({initial}, {factor}, {every})");

        protected override double LearningRateAt(int stepIndex) => initial * Math.Pow(factor, stepIndex / every);
    }

    private sealed class CosineSchedule(double start, double end, int steps) : LearningRateSchedule
    {
        public override string ToString() => Format($"Cosine({start}, {end}, {steps})");

        // Falling (the usual case): end + (start − end)·((1 + cos)/2). Halving is exact, so these are the bits of
        // ((start − end)·(1 + cos))/2, but the product can no longer reach twice the largest rate and overflow.
        // Rising: start + (end − start)·((1 − cos)/2), the same curve written from the other end, so that step 0
        // gives start exactly even when start is far smaller than end (end + (start − end) would round it to 0).
        protected override double LearningRateAt(int stepIndex)
        {
            if (stepIndex >= steps)
            {
                return end;
            }

            double cos = Math.Cos(Math.PI * stepIndex / steps);
            return start >= end ? end + ((start - end) * ((1 + cos) / 2)) : start + ((end - start) * ((1 - cos) / 2));
        }
    }

    private sealed class WarmupSchedule(int steps, LearningRateSchedule then, double peak) : LearningRateSchedule
    {
        public override string ToString() => Format($"Warmup({steps}, {then})");

        // The fraction (k + 1)/(steps + 1) is below 1, so the product never overflows.
        protected override double LearningRateAt(int stepIndex) =>
            stepIndex < steps ? peak * ((stepIndex + 1.0) / (steps + 1.0)) : then.At(stepIndex - steps);
    }
}
