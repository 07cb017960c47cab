using System.Globalization;

namespace AutogradForDummies.Playground.Expressions;

/// <summary>Splits an expression into tokens.</summary>
internal static class Lexer
{
    /// <summary>Reads every token of <paramref name="text"/>, ending with an <see cref="TokenKind.End"/> token.</summary>
    /// <exception cref="ExpressionSyntaxException">A character that belongs to no token, or a malformed number.</exception>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                int start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, text[start..i], start));
                continue;
            }

            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                tokens.Add(new Token(TokenKind.Power, "**", i));
                i += 2;
                continue;
            }

            TokenKind? kind = c switch
            {
                '+' => TokenKind.Plus,
                '-' or '\u2212' => TokenKind.Minus,
                '*' or '\u00d7' or '\u00b7' => TokenKind.Star,
                '/' or '\u00f7' => TokenKind.Slash,
                '^' => TokenKind.Power,
                '(' => TokenKind.OpenParen,
                ')' => TokenKind.CloseParen,
                ',' => TokenKind.Comma,
                '.' => TokenKind.Dot,
                _ => null,
            };
            if (kind is null)
            {
                string shown = char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString();
                throw new ExpressionSyntaxException($"Unexpected character '{shown}'", i);
            }

            tokens.Add(new Token(kind.Value, c.ToString(), i));
            i++;
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    private static Token ReadNumber(string text, ref int i)
    {
        int start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        // An exponent: e or E, an optional sign, then at least one digit.
        if (i < text.Length && (text[i] is 'e' or 'E'))
        {
            int j = i + 1;
            if (j < text.Length && (text[j] is '+' or '-'))
            {
                j++;
            }

            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
            else
            {
                throw new ExpressionSyntaxException(
                    $"The number '{text[start..Math.Min(j, text.Length)]}' has an exponent with no digits", start, j - start);
            }
        }

        string literal = text[start..i];
        double value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new Token(TokenKind.Number, literal, start, value);
    }
}
