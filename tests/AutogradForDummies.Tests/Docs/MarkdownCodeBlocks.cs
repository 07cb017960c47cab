namespace AutogradForDummies.Tests.Docs;

/// <summary>Finds the fenced code blocks of a Markdown text.</summary>
internal static class MarkdownCodeBlocks
{
    private const string Fence = "```";

    /// <summary>
    /// Returns every block fenced with ```csharp (or ```cs), numbered from 1 in file order, each paired with the
    /// ```text block that follows it with nothing but blank lines in between.
    /// </summary>
    public static IReadOnlyList<CodeBlock> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var fenced = ParseFences(markdown.ReplaceLineEndings("\n").Split('\n'));
        var blocks = new List<CodeBlock>();
        for (int i = 0; i < fenced.Count; i++)
        {
            var block = fenced[i];
            if (!IsCSharp(block.Language))
            {
                continue;
            }

            string? expected = null;
            if (i + 1 < fenced.Count && fenced[i + 1].Language == "text" && fenced[i + 1].FollowsDirectly)
            {
                expected = fenced[i + 1].Body;
            }

            blocks.Add(new CodeBlock(blocks.Count + 1, block.Line, block.Info, block.Body, expected));
        }

        return blocks;
    }

    private static bool IsCSharp(string language) =>
        language is "csharp" or "cs" or "c#";

    private static List<Fenced> ParseFences(string[] lines)
    {
        var result = new List<Fenced>();
        bool onlyBlankSincePrevious = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string trimmed = lines[i].Trim();
            if (!trimmed.StartsWith(Fence, StringComparison.Ordinal))
            {
                onlyBlankSincePrevious &= trimmed.Length == 0;
                continue;
            }

            string info = trimmed[Fence.Length..].Trim();
            int open = i;
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].Trim().StartsWith(Fence, StringComparison.Ordinal); i++)
            {
                body.Add(lines[i]);
            }

            if (i == lines.Length)
            {
                throw new FormatException($"The code block opened on line {open + 1} is never closed.");
            }

            string language = info.Split(' ', 2)[0].ToLowerInvariant();
            result.Add(new Fenced(open + 1, info, language, string.Join('\n', body), onlyBlankSincePrevious));
            onlyBlankSincePrevious = true;
        }

        return result;
    }

    private sealed record Fenced(int Line, string Info, string Language, string Body, bool FollowsDirectly);
}
