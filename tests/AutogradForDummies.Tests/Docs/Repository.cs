using System.Text.RegularExpressions;

namespace AutogradForDummies.Tests.Docs;

/// <summary>Locates the repository and its Markdown documentation.</summary>
internal static partial class Repository
{
    /// <summary>Gets the folder that contains the solution file.</summary>
    public static string Root => RepositoryRoot.Path;

    /// <summary>
    /// Gets README.md and every Markdown file under docs/, as paths relative to <see cref="Root"/> with
    /// forward slashes, README.md first and the rest in ordinal order.
    /// </summary>
    public static IReadOnlyList<string> MarkdownFiles()
    {
        var files = new List<string>();
        if (File.Exists(FullPath("README.md")))
        {
            files.Add("README.md");
        }

        string docs = Path.Combine(Root, "docs");
        if (Directory.Exists(docs))
        {
            var pages = new List<string>();
            foreach (string path in Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories))
            {
                pages.Add(Path.GetRelativePath(Root, path).Replace('\\', '/'));
            }

            pages.Sort(StringComparer.Ordinal);
            files.AddRange(pages);
        }

        return files;
    }

    /// <summary>Turns a path relative to the repository root into a full path.</summary>
    public static string FullPath(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>Matches the path of a numbered page of the guide, such as docs/03-backward.md; group n is its
    /// number.</summary>
    [GeneratedRegex(@"^docs/(?<n>\d{2})-[^/]+\.md$")]
    public static partial Regex NumberedPage();
}
