using System.Globalization;

namespace AutogradForDummies.Samples;

/// <summary>
/// Tells when training has blown up, and writes losses so that a huge one stays readable.
/// </summary>
/// <remarks>
/// Training diverges when the steps are too large: each one overshoots, the loss grows instead of shrinking and
/// soon becomes infinite or NaN. The samples stop as soon as the loss is not finite or has grown past
/// <see cref="Growth"/> times where it started, long before the weights themselves overflow.
/// </remarks>
internal static class Divergence
{
    /// <summary>How many times larger than the first step's loss (or than 1, if that is larger) a loss may get
    /// before training counts as diverged.</summary>
    public const double Growth = 1e6;

    /// <summary>Whether <paramref name="loss"/> shows that training diverged, given the first step's loss.</summary>
    public static bool HasDiverged(double loss, double firstLoss) =>
        !double.IsFinite(loss) || loss > Growth * Math.Max(1, firstLoss);

    /// <summary>Writes <see cref="Message"/> to standard error if <paramref name="loss"/> shows that training
    /// diverged.</summary>
    /// <param name="when">Where it was seen, as for <see cref="Message"/>.</param>
    /// <param name="loss">The loss to judge.</param>
    /// <param name="firstLoss">The first step's loss.</param>
    /// <returns>Whether training diverged.</returns>
    public static bool Report(string when, double loss, double firstLoss)
    {
        if (!HasDiverged(loss, firstLoss))
        {
            return false;
        }

        Console.Error.WriteLine(Message(when, loss, firstLoss));
        return true;
    }

    /// <summary>The error line for a diverged training, such as
    /// "Training diverged at step 7: the loss is 3.1623e+15 (it was 0.9950 at step 0). Try a smaller --learning-rate.".</summary>
    /// <param name="when">Where it was seen: "at step 7" or "after training".</param>
    /// <param name="loss">The loss that showed it.</param>
    /// <param name="firstLoss">The first step's loss.</param>
    public static string Message(string when, double loss, double firstLoss) =>
        $"Training diverged {when}: the loss is {FormatLoss(loss)} (it was {FormatLoss(firstLoss)} at step 0). "
        + "Try a smaller --learning-rate. Nothing was written.";

    /// <summary>A loss for display: four decimals for ordinary values ("0.4321"), scientific notation from
    /// 100000 up ("3.1623e+15", "2.6753e+05"), and "NaN", "Infinity" or "-Infinity" for the rest.</summary>
    public static string FormatLoss(double loss) =>
        !double.IsFinite(loss) || Math.Abs(loss) < 1e5
            ? loss.ToString("0.0000", CultureInfo.InvariantCulture)
            : loss.ToString("0.0000e+00", CultureInfo.InvariantCulture);
}
