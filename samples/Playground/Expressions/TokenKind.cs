namespace AutogradForDummies.Playground.Expressions;

/// <summary>The kinds of token in the expression language.</summary>
internal enum TokenKind
{
    Number,
    Identifier,
    Plus,
    Minus,
    Star,
    Slash,
    Power,
    OpenParen,
    CloseParen,
    Comma,
    Dot,
    End,
}
