using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutogradForDummies.Tests.Docs;

/// <summary>
/// Compiles a documentation snippet with Roslyn as a top-level-statements program, runs it in a collectible
/// load context and returns what it printed.
/// </summary>
internal static class SnippetRunner
{
    // The SDK's implicit usings for a console app, plus the library's namespaces (those that exist).
    private static readonly string[] s_globalUsings =
    [
        "System",
        "System.Collections.Generic",
        "System.IO",
        "System.Linq",
        "System.Net.Http",
        "System.Threading",
        "System.Threading.Tasks",
        "AutogradForDummies",
        "AutogradForDummies.Nn",
        "AutogradForDummies.Optim",
        "AutogradForDummies.Data",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    private static readonly Lazy<SyntaxTree> s_globalUsingsTree = new(() => CSharpSyntaxTree.ParseText(
        GlobalUsingsSource(), ParseOptions, path: "GlobalUsings.g.cs"));

    // Console is process-wide: one snippet at a time may redirect it.
    private static readonly Lock s_consoleLock = new();

    private static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>Compiles <paramref name="code"/> as a console program.</summary>
    /// <param name="code">The program, in top-level statements.</param>
    /// <returns>The assembly image, or null and the errors and warnings, one formatted diagnostic per line.</returns>
    public static (byte[]? Image, IReadOnlyList<string> Problems) Compile(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, ParseOptions, path: "Snippet.cs");
        var compilation = CSharpCompilation.Create(
            "Snippet_" + Guid.NewGuid().ToString("N"),
            [s_globalUsingsTree.Value, tree],
            s_references.Value,
            new CSharpCompilationOptions(
                OutputKind.ConsoleApplication,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release));

        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var problems = new List<string>();
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            {
                problems.Add(diagnostic.ToString());
            }
        }

        return (result.Success && problems.Count == 0 ? image.ToArray() : null, problems);
    }

    /// <summary>Runs a compiled snippet with the invariant culture and captures its console output.</summary>
    /// <param name="assemblyImage">What <see cref="Compile"/> returned.</param>
    /// <returns>Everything the program wrote to the console, and the exception it threw, if any.</returns>
    public static (string Output, Exception? Error) Run(byte[] assemblyImage)
    {
        ArgumentNullException.ThrowIfNull(assemblyImage);
        var context = new AssemblyLoadContext("Snippet", isCollectible: true);
        try
        {
            using var stream = new MemoryStream(assemblyImage);
            var entryPoint = context.LoadFromStream(stream).EntryPoint
                ?? throw new InvalidOperationException("The compiled snippet has no entry point.");
            object?[]? arguments = entryPoint.GetParameters().Length == 0 ? null : [Array.Empty<string>()];

            lock (s_consoleLock)
            {
                using var output = new StringWriter(CultureInfo.InvariantCulture);
                var originalOut = Console.Out;
                var originalCulture = CultureInfo.CurrentCulture;
                var originalUiCulture = CultureInfo.CurrentUICulture;
                Console.SetOut(output);
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
                Exception? error = null;
                try
                {
                    object? returned = entryPoint.Invoke(null, arguments);
                    if (returned is Task task)
                    {
                        task.GetAwaiter().GetResult();
                    }
                }
                catch (TargetInvocationException e)
                {
                    error = e.InnerException ?? e;
                }
                finally
                {
                    Console.SetOut(originalOut);
                    CultureInfo.CurrentCulture = originalCulture;
                    CultureInfo.CurrentUICulture = originalUiCulture;
                }

                return (output.ToString(), error);
            }
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// Puts output in a comparable form: line endings unified, trailing white space removed from each line,
    /// trailing blank lines dropped.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var sb = new StringBuilder();
        foreach (string line in lines)
        {
            sb.Append(line.TrimEnd()).Append('\n');
        }

        return sb.ToString().TrimEnd('\n');
    }

    private static string GlobalUsingsSource()
    {
        // A global using of a namespace the library does not have (yet) would be a compile error.
        var libraryNamespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in typeof(Scalar).Assembly.GetExportedTypes())
        {
            if (type.Namespace is { } ns)
            {
                libraryNamespaces.Add(ns);
            }
        }

        var sb = new StringBuilder();
        foreach (string ns in s_globalUsings)
        {
            if (!ns.StartsWith("AutogradForDummies", StringComparison.Ordinal) || libraryNamespaces.Contains(ns))
            {
                sb.Append("global using ").Append(ns).Append(";\n");
            }
        }

        return sb.ToString();
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The assemblies the runtime itself trusts (the framework and this test's dependencies), plus the library.
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
        foreach (string path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }

        string library = typeof(Scalar).Assembly.Location;
        paths[Path.GetFileNameWithoutExtension(library)] = library;

        var references = ImmutableArray.CreateBuilder<MetadataReference>(paths.Count);
        foreach (string path in paths.Values)
        {
            references.Add(MetadataReference.CreateFromFile(path));
        }

        return references.MoveToImmutable();
    }
}
