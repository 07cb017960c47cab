using FluentAssertions;

namespace AutogradForDummies.Tests;

/// <summary>
/// Numerical derivatives, the independent check on every gradient the engine computes.
/// </summary>
/// <remarks>
/// The central difference <c>D(h) = (f(x + h) − f(x − h)) / 2h</c> has a truncation error of about
/// <c>h²·f‴(x)/6</c> and a rounding error of about <c>ε·|f(x)|/h</c> (ε ≈ 2.2e-16). Combining two steps,
/// <c>(4·D(h/2) − D(h))/3</c> (Richardson extrapolation), cancels the h² term, so a function that curves
/// sharply (an exponent that is itself a steep function of the input) is still differentiated accurately.
/// With h ≈ 1e-6, agreement to a few parts in a million, relative or absolute, is a strong check without being
/// flaky. Callers keep the point
/// away from kinks (relu and abs at 0) and domain edges (log and sqrt at 0, division by 0), where
/// the difference quotient straddles a corner and means nothing.
/// </remarks>
internal static class FiniteDifference
{
    /// <summary>The step, relative to the size of the coordinate (absolute below 1).</summary>
    public const double RelativeStep = 1e-6;

    /// <summary>Allowed absolute difference between an analytic and a numerical derivative.</summary>
    public const double AbsoluteTolerance = 1e-6;

    /// <summary>Allowed difference relative to the larger of the two derivatives.</summary>
    public const double RelativeTolerance = 1e-6;

    /// <summary>The step used for the coordinate <paramref name="x"/>.</summary>
    public static double StepFor(double x) => RelativeStep * Math.Max(1, Math.Abs(x));

    /// <summary>∂f/∂xᵢ at <paramref name="x"/> by extrapolated central differences; <paramref name="x"/> is left unchanged.</summary>
    public static double Partial(Func<double[], double> f, double[] x, int index)
    {
        double h = StepFor(x[index]);
        return Extrapolate(Central(f, x, index, h), Central(f, x, index, h / 2));
    }

    /// <summary>Combines central differences with steps h and h/2 into one whose error shrinks like h⁴.</summary>
    public static double Extrapolate(double withStep, double withHalfStep) => ((4 * withHalfStep) - withStep) / 3;

    private static double Central(Func<double[], double> f, double[] x, int index, double h)
    {
        double[] plus = (double[])x.Clone();
        double[] minus = (double[])x.Clone();
        plus[index] += h;
        minus[index] -= h;
        return (f(plus) - f(minus)) / (plus[index] - minus[index]);
    }

    /// <summary>Whether an analytic derivative agrees with a numerical one within the tolerances.</summary>
    public static bool Agrees(double analytic, double numeric) =>
        Math.Abs(analytic - numeric) <= AbsoluteTolerance + (RelativeTolerance * Math.Max(Math.Abs(analytic), Math.Abs(numeric)));

    /// <summary>Asserts that an analytic derivative agrees with a numerical one.</summary>
    public static void ShouldAgree(double analytic, double numeric, string what)
    {
        double.IsFinite(analytic).Should().BeTrue($"the gradient {what} should be finite, but was {analytic}");
        Agrees(analytic, numeric).Should().BeTrue(
            $"the gradient {what} should match the central difference: analytic {analytic:R}, numerical {numeric:R}");
    }

    /// <summary>
    /// Builds the expression at <paramref name="point"/>, runs <see cref="Scalar.Backward"/> and checks the
    /// gradient of every leaf against the central difference of the rebuilt expression's value.
    /// </summary>
    /// <param name="build">Builds the output from the leaves (one per coordinate of the point).</param>
    /// <param name="point">Where to differentiate.</param>
    /// <param name="what">Names the expression in failure messages.</param>
    public static void CheckGradients(Func<Scalar[], Scalar> build, double[] point, string what)
    {
        var leaves = Leaves(point);
        build(leaves).Backward();

        for (int i = 0; i < point.Length; i++)
        {
            double numeric = Partial(x => build(Leaves(x)).Data, point, i);
            ShouldAgree(leaves[i].Grad, numeric, $"of {what} with respect to operand {i} at ({string.Join(", ", point)})");
        }
    }

    private static Scalar[] Leaves(double[] values)
    {
        var leaves = new Scalar[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            leaves[i] = new Scalar(values[i]);
        }

        return leaves;
    }
}
