namespace AutogradForDummies.Playground.Tests.Browser;

/// <summary>Finds the repository the tests run in.</summary>
internal static class Repository
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AutogradForDummies.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests do not run inside the repository: no AutogradForDummies.sln above " + AppContext.BaseDirectory);
    });

    /// <summary>Gets the folder that holds AutogradForDummies.sln.</summary>
    public static string Root => s_root.Value;

    /// <summary>Returns a path below the root, given with forward slashes.</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));
}
