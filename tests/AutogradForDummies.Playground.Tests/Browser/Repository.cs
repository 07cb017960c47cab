namespace AutogradForDummies.Playground.Tests.Browser;

/// <summary>Finds the repository the tests run in.</summary>
internal static class Repository
{
    /// <summary>Gets the folder that holds AutogradForDummies.sln.</summary>
    public static string Root => RepositoryRoot.Path;

    /// <summary>Returns a path below the root, given with forward slashes.</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));
}
