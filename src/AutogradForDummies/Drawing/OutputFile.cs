namespace AutogradForDummies;

/// <summary>
/// Checks a path that the library is asked to write, before anything is written, so that a mistake is reported
/// against the caller's argument rather than against a temporary file the caller never named.
/// </summary>
internal static class OutputFile
{
    /// <summary>Returns the full path of a file to write, whose folder must exist.</summary>
    /// <exception cref="ArgumentException">The path names a folder, or its folder does not exist.</exception>
    public static string Resolve(string path, string paramName)
    {
        string fullPath = Path.GetFullPath(path);
        if (Path.GetFileName(fullPath).Length == 0)
        {
            throw new ArgumentException($"'{path}' names a folder; give the path of the file to write.", paramName);
        }

        string? folder = Path.GetDirectoryName(fullPath);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new ArgumentException($"The folder of the file to write does not exist: '{folder}'.", paramName);
        }

        return fullPath;
    }
}
