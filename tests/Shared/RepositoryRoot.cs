namespace AutogradForDummies.Tests.Shared;

/// <summary>The repository the tests run in: the folder above the test assembly that holds AutogradForDummies.sln.</summary>
internal static class RepositoryRoot
{
    private const string SolutionFile = "AutogradForDummies.sln";

    private static readonly Lazy<string> s_path = new(Find);

    /// <summary>Gets the folder that holds the solution file.</summary>
    public static string Path => s_path.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"The tests do not run inside the repository: no folder above {AppContext.BaseDirectory} contains {SolutionFile}.");
    }
}
