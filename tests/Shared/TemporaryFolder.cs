namespace AutogradForDummies.Tests.Shared;

/// <summary>A new empty folder for one test, deleted with everything in it when the test is done.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    /// <summary>Creates the folder in the system's temporary folder, its name starting with <paramref name="prefix"/>.</summary>
    public TemporaryFolder(string prefix) => Info = Directory.CreateTempSubdirectory(prefix);

    /// <summary>Gets the folder.</summary>
    public DirectoryInfo Info { get; }

    /// <summary>Gets the folder's full path.</summary>
    public string FullName => Info.FullName;

    /// <summary>Returns the path of <paramref name="name"/> in the folder.</summary>
    public string PathOf(string name) => Path.Combine(Info.FullName, name);

    public void Dispose() => Info.Delete(recursive: true);
}
