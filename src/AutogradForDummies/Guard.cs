namespace AutogradForDummies;

/// <summary>
/// The argument checks that optimizers, schedules and data sets share. Each throws
/// <see cref="ArgumentOutOfRangeException"/> naming the argument, saying what it must be and (through the
/// exception) what it was.
/// </summary>
internal static class Guard
{
    /// <summary>Throws unless <paramref name="value"/> is finite and greater than 0 (a learning rate, an ε).</summary>
    /// <param name="value">The value to check.</param>
    /// <param name="paramName">The argument it came from.</param>
    /// <param name="what">What the value is, for the message, when it is not the argument itself.</param>
    public static void Positive(double value, string paramName, string? what = null)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw OutOfRange(value, paramName, what, "positive and finite");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and 0 or more (a weight decay, a noise level).</summary>
    /// <param name="value">The value to check.</param>
    /// <param name="paramName">The argument it came from.</param>
    /// <param name="what">What the value is, for the message, when it is not the argument itself.</param>
    public static void NonNegative(double value, string paramName, string? what = null)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            throw OutOfRange(value, paramName, what, "finite and not negative");
        }
    }

    /// <summary>Throws unless 0 ≤ <paramref name="value"/> &lt; 1: a decay rate such as β or a momentum, which
    /// keeps a running average from growing without bound.</summary>
    /// <param name="value">The value to check.</param>
    /// <param name="paramName">The argument it came from.</param>
    public static void DecayRate(double value, string paramName)
    {
        if (!(value >= 0 && value < 1))
        {
            throw OutOfRange(value, paramName, null, "at least 0 and less than 1");
        }
    }

    /// <summary>Throws unless 0 &lt; <paramref name="value"/> &lt; 1 (a share, a relative size).</summary>
    /// <param name="value">The value to check.</param>
    /// <param name="paramName">The argument it came from.</param>
    public static void StrictFraction(double value, string paramName)
    {
        if (!(value > 0 && value < 1))
        {
            throw OutOfRange(value, paramName, null, "strictly between 0 and 1");
        }
    }

    /// <summary>Throws unless 0 &lt; <paramref name="value"/> ≤ 1 (a factor that shrinks, or keeps, a rate).</summary>
    /// <param name="value">The value to check.</param>
    /// <param name="paramName">The argument it came from.</param>
    public static void ShrinkFactor(double value, string paramName)
    {
        if (!(value > 0 && value <= 1))
        {
            throw OutOfRange(value, paramName, null, "greater than 0 and at most 1");
        }
    }

    /// <summary>
    /// Throws unless <paramref name="count"/> items fit in one array (at most <see cref="Array.MaxLength"/>), so
    /// that a size no array can hold is refused before anything is allocated, instead of ending in an
    /// <see cref="OutOfMemoryException"/>.
    /// </summary>
    /// <param name="count">The number of items the argument asks for, computed without overflow.</param>
    /// <param name="actualValue">The argument's value, for the exception.</param>
    /// <param name="paramName">The argument that asks for them.</param>
    /// <param name="what">What the items are, such as "points" or "parameters".</param>
    public static void FitsInArray<T>(long count, T actualValue, string paramName, string what)
    {
        if (count > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                actualValue,
                $"{count} {what} are more than one array can hold ({Array.MaxLength}).");
        }
    }

    private static ArgumentOutOfRangeException OutOfRange(double value, string paramName, string? what, string requirement) =>
        new(paramName, value, $"{what ?? paramName} must be {requirement}.");
}
