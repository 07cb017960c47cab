namespace AutogradForDummies;

/// <summary>
/// Writes the files the library produces (model files, rendered graphs) so that a reader sees the old file or
/// the new one, never half of one: the content goes to a temporary file beside the target, which is then renamed
/// over the target. The path is checked before anything is written, and every error names the caller's path,
/// never the temporary file the caller did not ask for.
/// </summary>
internal static class OutputFile
{
    /// <summary>Returns the full path of a file to write, whose folder must exist.</summary>
    /// <param name="path">The caller's path.</param>
    /// <param name="paramName">The name of the caller's argument, for the exception.</param>
    /// <returns>The full path.</returns>
    /// <exception cref="ArgumentException">The path is blank, names a folder, or its folder does not exist.</exception>
    public static string Resolve(string path, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path, paramName);
        string fullPath = Path.GetFullPath(path);
        if (Path.GetFileName(fullPath).Length == 0 || Directory.Exists(fullPath))
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

    /// <summary>Writes <paramref name="path"/> atomically from a stream.</summary>
    /// <param name="path">The caller's path.</param>
    /// <param name="paramName">The name of the caller's argument.</param>
    /// <param name="write">Writes the content to the stream of the temporary file (which it must not dispose).</param>
    /// <exception cref="ArgumentException">The path is blank, names a folder, or its folder does not exist.</exception>
    /// <exception cref="IOException">The file could not be written; the existing file, if any, is left as it was.</exception>
    /// <exception cref="UnauthorizedAccessException">The caller may not write the file.</exception>
    public static void Write(string path, string paramName, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, paramName, temporary =>
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            write(stream);
            stream.Flush(flushToDisk: true); // on disk before the rename makes it visible
        });
    }

    /// <summary>Writes <paramref name="path"/> atomically through a temporary path, for writers that take a path
    /// (such as an external program).</summary>
    /// <param name="path">The caller's path.</param>
    /// <param name="paramName">The name of the caller's argument.</param>
    /// <param name="writeTo">Creates the file at the temporary path it is given.</param>
    /// <exception cref="ArgumentException">The path is blank, names a folder, or its folder does not exist.</exception>
    /// <exception cref="IOException">The file could not be written; the existing file, if any, is left as it was.</exception>
    /// <exception cref="UnauthorizedAccessException">The caller may not write the file.</exception>
    public static void Write(string path, string paramName, Action<string> writeTo)
    {
        ArgumentNullException.ThrowIfNull(writeTo);
        string target = Resolve(path, paramName);
        string temporary = TemporaryPath(target);
        try
        {
            writeTo(temporary);
            File.Move(temporary, target, overwrite: true); // the rename is atomic: readers see the old file or the new one
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnauthorizedAccessException(Failure(path, e, temporary, target), e);
        }
        catch (IOException e)
        {
            throw new IOException(Failure(path, e, temporary, target), e);
        }
        finally
        {
            TryDelete(temporary); // nothing to do after a successful rename
        }
    }

    /// <summary>A new name beside <paramref name="target"/>, hidden on Unix, that says whose it is and is never much
    /// longer than the target's (so a name the file system accepts for the target is accepted for the temporary file).</summary>
    private static string TemporaryPath(string target)
    {
        string name = Path.GetFileName(target);
        return Path.Combine(Path.GetDirectoryName(target)!, $".{name[..Math.Min(name.Length, 32)]}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Says why <paramref name="path"/> could not be written, in the operating system's words but with the
    /// temporary file's name replaced by the target's.</summary>
    private static string Failure(string path, Exception e, string temporary, string target) =>
        $"Could not write '{path}': {e.Message.Replace(temporary, target, StringComparison.Ordinal)}";

    /// <summary>Removes a leftover temporary file without hiding the exception that may already be on its way.</summary>
    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path); // no-op if it does not exist
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
