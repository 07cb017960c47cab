namespace AutogradForDummies.Playground.Expressions;

/// <summary>One token of an expression: its kind, its text and where it starts (0-based).</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Text">The characters it was read from.</param>
/// <param name="Position">The index of its first character in the expression.</param>
/// <param name="Value">The value of a number; 0 for other tokens.</param>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, double Value = 0)
{
    /// <summary>Gets the index just past the token's last character.</summary>
    public int End => Position + Text.Length;

    /// <summary>Describes the token for an error message.</summary>
    public string Describe() => Kind == TokenKind.End ? "the end of the expression" : $"'{Text}'";
}
