namespace AutogradForDummies.Tests.Docs;

/// <summary>
/// A .NET file-based program of the guide (docs/examples/*.cs, docs/exercises/*.cs and their solutions): its
/// <c>#:</c> directive lines, and the program after them, which is what a page shows.
/// </summary>
/// <param name="Path">The file, relative to the repository root, with forward slashes.</param>
/// <param name="Directives">The <c>#:</c> lines at the top, such as <c>#:project ../../src/...</c>.</param>
/// <param name="Body">The program after the directives and the blank lines that follow them, with \n line ends
/// and no final line end.</param>
/// <param name="Source">The whole program as the C# compiler sees it: the directive lines blanked out, so that
/// line numbers in diagnostics are the file's own.</param>
internal sealed record ProgramFile(string Path, IReadOnlyList<string> Directives, string Body, string Source)
{
    /// <summary>The library project every file references, relative to the repository root.</summary>
    public const string LibraryProject = "src/AutogradForDummies/AutogradForDummies.csproj";

    /// <summary>Reads a file of the repository.</summary>
    /// <param name="relativePath">The path relative to the repository root.</param>
    public static ProgramFile Read(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        string text = File.ReadAllText(Repository.FullPath(relativePath)).ReplaceLineEndings("\n");
        var lines = text.Split('\n');
        var directives = new List<string>();
        int first = 0;
        while (first < lines.Length && lines[first].StartsWith("#:", StringComparison.Ordinal))
        {
            directives.Add(lines[first]);
            first++;
        }

        int bodyStart = first;
        while (bodyStart < lines.Length && lines[bodyStart].Trim().Length == 0)
        {
            bodyStart++;
        }

        string body = string.Join('\n', lines[bodyStart..]).TrimEnd('\n');
        string source = string.Join('\n', lines.Select((line, i) => i < first ? string.Empty : line));
        return new ProgramFile(relativePath, directives, body, source);
    }

    /// <summary>Gets the <c>#:project</c> path this file should have: the library, relative to the file's folder.</summary>
    public string ExpectedProjectDirective()
    {
        string folder = System.IO.Path.GetDirectoryName(Repository.FullPath(Path))!;
        string relative = System.IO.Path.GetRelativePath(folder, Repository.FullPath(LibraryProject)).Replace('\\', '/');
        return "#:project " + relative;
    }
}
