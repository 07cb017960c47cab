using System.Globalization;
using System.Text.RegularExpressions;

namespace AutogradForDummies.Tests.Docs;

/// <summary>
/// Reads the tables of the guide's page of edge values: one row per expression and input, with the value and the
/// gradients the library must give there and the kind of reason why.
/// </summary>
/// <remarks>
/// A table of the page is one whose header is <see cref="Header"/>. In it, the expression is in backticks, the inputs
/// read <c>a = 1, b = −0</c>, the gradients <c>∂/∂a = 1, ∂/∂b = −∞</c>, and the reason starts with its kind in bold
/// (<see cref="Kinds"/>). Numbers are written as the shortest decimal that reads back as the same double, with − or -
/// for minus, ±∞ and NaN. Anything else in a row of such a table is an error, so that a row cannot silently go
/// unchecked.
/// </remarks>
internal static partial class EdgeValueTable
{
    /// <summary>The page, relative to the repository's root.</summary>
    public const string Page = "docs/edge-values.md";

    /// <summary>The header line of every table of edge values.</summary>
    public const string Header = "| expression | input | value | gradients | why |";

    /// <summary>The kinds of reason a row may give: the first bold word of its last column.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["math", "limit", "convention", "IEEE"];

    /// <summary>Gets the line numbers, from 1, of the data rows of every table of edge values on the page.</summary>
    public static IReadOnlyList<int> RowLines()
    {
        var lines = Lines();
        var rows = new List<int>();
        bool inTable = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line == Header)
            {
                inTable = true;
            }
            else if (!line.StartsWith('|'))
            {
                inTable = false;
            }
            else if (inTable && !line.StartsWith("|---", StringComparison.Ordinal))
            {
                rows.Add(i + 1);
            }
        }

        return rows;
    }

    /// <summary>Gets a short description of the row on a line, for a test's name: its expression and input.</summary>
    public static string Describe(int line)
    {
        var cells = Cells(Lines()[line - 1]);
        return cells.Count >= 2 ? $"{cells[0]} at {cells[1]}" : "(not a row)";
    }

    /// <summary>Reads the row on a line of the page.</summary>
    /// <exception cref="FormatException">The line is not a well-formed row.</exception>
    public static EdgeValueRow Parse(int line)
    {
        string text = Lines()[line - 1];
        var cells = Cells(text);
        if (cells.Count != 5)
        {
            throw new FormatException($"Line {line} has {cells.Count} cells instead of 5: {text}");
        }

        var expression = Backticked().Match(cells[0]);
        if (!expression.Success)
        {
            throw new FormatException($"Line {line}: the expression is not in backticks: {cells[0]}");
        }

        var kind = Kind().Match(cells[4]);
        if (!kind.Success || !Kinds.Contains(kind.Groups[1].Value))
        {
            throw new FormatException($"Line {line}: the reason does not start with one of **{string.Join("**, **", Kinds)}**: {cells[4]}");
        }

        return new EdgeValueRow(
            line,
            expression.Groups[1].Value,
            Assignments(cells[1], Input(), line, "input"),
            ParseNumber(cells[2]),
            Assignments(cells[3], Gradient(), line, "gradient"),
            kind.Groups[1].Value);
    }

    /// <summary>Reads a number as the page writes it: a decimal, −0, +∞, −∞ or NaN, with − or - for minus.</summary>
    /// <exception cref="FormatException">The text is not such a number.</exception>
    public static double ParseNumber(string text)
    {
        string number = text.Trim().Replace('−', '-');
        return number switch
        {
            "+∞" or "∞" => double.PositiveInfinity,
            "-∞" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ when Decimal().IsMatch(number) => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
            _ => throw new FormatException($"'{text}' is not a number as the page writes them."),
        };
    }

    private static string[] Lines() => File.ReadAllLines(Repository.FullPath(Page));

    /// <summary>The cells of a table line, trimmed, split at the pipes that are not escaped as \|.</summary>
    private static List<string> Cells(string line)
    {
        string trimmed = line.Trim();
        if (!trimmed.StartsWith('|') || !trimmed.EndsWith('|'))
        {
            return [];
        }

        return [.. UnescapedPipe().Split(trimmed[1..^1]).Select(cell => cell.Trim())];
    }

    private static List<(string Name, double Value)> Assignments(string cell, Regex pattern, int line, string what)
    {
        var result = new List<(string Name, double Value)>();
        foreach (string part in cell.Split(", "))
        {
            var match = pattern.Match(part);
            if (!match.Success)
            {
                throw new FormatException($"Line {line}: '{part}' is not a {what} such as {(what == "input" ? "a = 1" : "∂/∂a = 1")}.");
            }

            result.Add((match.Groups[1].Value, ParseNumber(match.Groups[2].Value)));
        }

        return result;
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex("^`([^`]+)`$")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"^\*\*([A-Za-z]+)\*\*")]
    private static partial Regex Kind();

    [GeneratedRegex(@"^(\w+) = (\S+)$")]
    private static partial Regex Input();

    [GeneratedRegex(@"^∂/∂(\w+) = (\S+)$")]
    private static partial Regex Gradient();

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?$")]
    private static partial Regex Decimal();
}
