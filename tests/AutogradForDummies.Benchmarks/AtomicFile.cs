namespace AutogradForDummies.Benchmarks;

/// <summary>Writes files so that a reader never sees half of one.</summary>
internal static class AtomicFile
{
    /// <summary>Writes a temporary file beside <paramref name="path"/> and renames it: the file is then complete, or, if
    /// anything failed, as it was before.</summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        string temporary = path + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
