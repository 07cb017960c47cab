using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace AutogradForDummies.Samples;

/// <summary>
/// What every sample's --version prints: the version of the AutogradForDummies package it runs on, such as
/// "AutogradForDummies 1.0.0", rather than the sample's own assembly version with a commit hash appended.
/// </summary>
internal static class SampleVersion
{
    /// <summary>Gets the text --version prints.</summary>
    public static string Text => "AutogradForDummies " + PackageVersion(typeof(Scalar).Assembly);

    /// <summary>Makes the --version option of <paramref name="root"/> print <see cref="Text"/>.</summary>
    public static void Use(RootCommand root)
    {
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new PrintVersion();
            }
        }
    }

    /// <summary>
    /// The package version of <paramref name="assembly"/>: its informational version without the build metadata
    /// (the "+commit" that the build appends), or its assembly version when it has no informational version.
    /// </summary>
    public static string PackageVersion(Assembly assembly)
    {
        string? informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return assembly.GetName().Version?.ToString(3) ?? "unknown";
        }

        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Text);
            return 0;
        }
    }
}
