using System.Text.RegularExpressions;

namespace AutogradForDummies.Tests.Docs;

/// <summary>Finds the fenced code blocks of a Markdown text.</summary>
internal static partial class MarkdownCodeBlocks
{
    private const string Fence = "```";

    /// <summary>
    /// Returns every block fenced with ```csharp (or ```cs), numbered from 1 in file order, each paired with the
    /// ```text block that follows it with nothing but blank lines in between, and with the file that the command
    /// right above it runs (see <see cref="CodeBlock.ExampleFile"/>).
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

            blocks.Add(new CodeBlock(blocks.Count + 1, block.Line, block.Info, block.Body, expected, CommandAbove(fenced, i)));
        }

        return blocks;
    }

    /// <summary>Returns the file of a <c>dotnet run FILE.cs</c> command, or null if the text is not one.</summary>
    public static string? RunCommandFile(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var match = RunCommand().Match(command.Trim());
        return match.Success ? match.Groups["file"].Value : null;
    }

    private static string? CommandAbove(List<Fenced> fenced, int index)
    {
        var block = fenced[index];
        if (block.ProseAbove is { } prose)
        {
            var inline = InlineRunCommand().Match(prose);
            return inline.Success ? inline.Groups["file"].Value : null;
        }

        if (index > 0 && block.FollowsDirectly && fenced[index - 1] is { Language: "bash" or "sh" or "shell" or "console" } command)
        {
            return RunCommandFile(command.Body);
        }

        return null;
    }

    private static bool IsCSharp(string language) =>
        language is "csharp" or "cs" or "c#";

    private static List<Fenced> ParseFences(string[] lines)
    {
        var result = new List<Fenced>();
        bool onlyBlankSincePrevious = false;
        string? lastProse = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string trimmed = lines[i].Trim();
            if (!trimmed.StartsWith(Fence, StringComparison.Ordinal))
            {
                onlyBlankSincePrevious &= trimmed.Length == 0;
                if (trimmed.Length > 0)
                {
                    lastProse = trimmed;
                }

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
            result.Add(new Fenced(open + 1, info, language, string.Join('\n', body), onlyBlankSincePrevious, lastProse));
            onlyBlankSincePrevious = true;
            lastProse = null;
        }

        return result;
    }

    [GeneratedRegex(@"^dotnet run (?<file>[^\s`]+\.cs)$")]
    private static partial Regex RunCommand();

    [GeneratedRegex(@"`dotnet run (?<file>[^\s`]+\.cs)`:?$")]
    private static partial Regex InlineRunCommand();

    // ProseAbove: the last non-blank line between the previous fence (or the start) and this one, if any.
    private sealed record Fenced(int Line, string Info, string Language, string Body, bool FollowsDirectly, string? ProseAbove);
}
