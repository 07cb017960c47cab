namespace AutogradForDummies.Playground.Expressions;

/// <summary>An expression that cannot be read, with the position of the problem.</summary>
public sealed class ExpressionSyntaxException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, without the position.</param>
    /// <param name="position">The 0-based index of the first character concerned.</param>
    /// <param name="length">How many characters are concerned (at least 1).</param>
    public ExpressionSyntaxException(string message, int position, int length = 1)
        : base($"{message} (at column {position + 1})")
    {
        Reason = message;
        Position = position;
        Length = Math.Max(1, length);
    }

    /// <summary>Creates the exception with no position (at the start).</summary>
    public ExpressionSyntaxException()
        : this("The expression cannot be read.", 0)
    {
    }

    /// <summary>Creates the exception with no position (at the start).</summary>
    /// <param name="message">What is wrong.</param>
    public ExpressionSyntaxException(string message)
        : this(message, 0)
    {
    }

    /// <summary>Creates the exception with no position (at the start).</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ExpressionSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>Gets what is wrong, without the position.</summary>
    public string Reason { get; } = string.Empty;

    /// <summary>Gets the 0-based index of the first character concerned.</summary>
    public int Position { get; }

    /// <summary>Gets how many characters are concerned.</summary>
    public int Length { get; } = 1;
}
