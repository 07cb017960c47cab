namespace AutogradForDummies.Samples;

/// <summary>
/// Creates a sample's output folder and writes its files, turning the usual ways that fails (the path is a file,
/// a folder cannot be created, a file cannot be written) into one clear line on the error output instead of a
/// stack trace.
/// </summary>
internal static class OutputFiles
{
    /// <summary>Creates the output folder before the sample does its work, so a bad --output fails fast.</summary>
    /// <returns>False, after saying why on the error output, when the folder cannot be created.</returns>
    public static bool TryCreateFolder(string folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            Console.Error.WriteLine("--output must name a folder.");
            return false;
        }

        if (File.Exists(folder))
        {
            Console.Error.WriteLine($"Cannot use '{folder}' as the output folder: it is a file.");
            return false;
        }

        try
        {
            Directory.CreateDirectory(folder);
            return true;
        }
        catch (Exception e) when (IsExpected(e))
        {
            Console.Error.WriteLine($"Cannot create the output folder '{folder}': {e.Message}");
            return false;
        }
    }

    /// <summary>Writes one file with <paramref name="write"/>, then says so on the standard output.</summary>
    /// <returns>False, after saying why on the error output, when the file cannot be written.</returns>
    public static bool TryWrite(string path, Action<string> write)
    {
        if (Directory.Exists(path))
        {
            Console.Error.WriteLine($"Cannot write '{path}': a folder of that name is in the way.");
            return false;
        }

        try
        {
            write(path);
            Console.WriteLine($"wrote {path}");
            return true;
        }
        catch (Exception e) when (IsExpected(e) || e is InvalidOperationException) // GraphvizNotFoundException is one
        {
            Console.Error.WriteLine($"Cannot write '{path}': {e.Message}");
            return false;
        }
    }

    private static bool IsExpected(Exception e) =>
        e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;
}
