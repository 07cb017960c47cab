using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutogradForDummies.Tests.Docs;

/// <summary>
/// Compiles a documentation snippet or one of the guide's file-based programs with Roslyn as a
/// top-level-statements program, runs it in a collectible load context and returns what it printed.
/// </summary>
internal static class SnippetRunner
{
    // The SDK's implicit usings for a console app (what a file-based program gets).
    private static readonly string[] s_implicitUsings =
    [
        "System",
        "System.Collections.Generic",
        "System.IO",
        "System.Linq",
        "System.Net.Http",
        "System.Threading",
        "System.Threading.Tasks",
    ];

    // A bare snippet also gets the library's namespaces (those that exist).
    private static readonly string[] s_libraryUsings =
    [
        "AutogradForDummies",
        "AutogradForDummies.Nn",
        "AutogradForDummies.Optim",
        "AutogradForDummies.Data",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    private static readonly Lazy<SyntaxTree> s_snippetUsingsTree = new(() => CSharpSyntaxTree.ParseText(
        GlobalUsingsSource(withLibrary: true), ParseOptions, path: "GlobalUsings.g.cs"));

    private static readonly Lazy<SyntaxTree> s_implicitUsingsTree = new(() => CSharpSyntaxTree.ParseText(
        GlobalUsingsSource(withLibrary: false), ParseOptions, path: "GlobalUsings.g.cs"));

    // Console is process-wide: one snippet at a time may redirect it.
    private static readonly Lock s_consoleLock = new();

    private static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>
    /// Compiles <paramref name="code"/> as a console program with the SDK's implicit usings and the library's
    /// namespaces, so that a snippet can leave out its using lines.
    /// </summary>
    /// <param name="code">The program, in top-level statements.</param>
    /// <returns>The assembly image, or null and the errors and warnings, one formatted diagnostic per line.</returns>
    public static (byte[]? Image, IReadOnlyList<string> Problems) Compile(string code) =>
        Compile(code, "Snippet.cs", s_snippetUsingsTree.Value);

    /// <summary>
    /// Compiles a file-based program as <c>dotnet run file.cs</c> would (with the SDK's implicit usings only), but
    /// strictly: a warning is a problem here, although it is not for the learner who runs the file.
    /// </summary>
    /// <param name="file">The file, read with <see cref="ProgramFile.Read"/>.</param>
    /// <returns>The assembly image, or null and the errors and warnings, one formatted diagnostic per line.</returns>
    public static (byte[]? Image, IReadOnlyList<string> Problems) Compile(ProgramFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Compile(file.Source, file.Path, s_implicitUsingsTree.Value);
    }

    private static (byte[]? Image, IReadOnlyList<string> Problems) Compile(string code, string path, SyntaxTree usings)
    {
        var tree = CSharpSyntaxTree.ParseText(code, ParseOptions, path: path);
        var compilation = CSharpCompilation.Create(
            "Snippet_" + Guid.NewGuid().ToString("N"),
            [usings, tree],
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
    /// <param name="assemblyImage">What <see cref="Compile(string)"/> returned.</param>
    /// <returns>Everything the program wrote to the console, and the exception it threw, if any.</returns>
    public static (string Output, Exception? Error) Run(byte[] assemblyImage)
    {
        var (output, error, _) = RunWithExitCode(assemblyImage);
        return (output, error);
    }

    /// <summary>Like <see cref="Run"/>, and also returns the program's exit code: what its top-level statements
    /// return, or 0 when they return nothing.</summary>
    /// <param name="assemblyImage">What <see cref="Compile(string)"/> returned.</param>
    /// <returns>The output, the exception the program threw, if any, and its exit code.</returns>
    public static (string Output, Exception? Error, int ExitCode) RunWithExitCode(byte[] assemblyImage)
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
                var originalEncoding = Console.OutputEncoding;
                Console.SetOut(output);
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
                Exception? error = null;
                int exitCode = 0;
                try
                {
                    object? returned = entryPoint.Invoke(null, arguments);
                    if (returned is Task<int> withCode)
                    {
                        exitCode = withCode.GetAwaiter().GetResult();
                    }
                    else if (returned is Task task)
                    {
                        task.GetAwaiter().GetResult();
                    }
                    else if (returned is int code)
                    {
                        exitCode = code;
                    }
                }
                catch (TargetInvocationException e)
                {
                    error = e.InnerException ?? e;
                }
                finally
                {
                    Console.SetOut(originalOut);
                    if (!Equals(Console.OutputEncoding, originalEncoding))
                    {
                        Console.OutputEncoding = originalEncoding; // an example may switch to UTF-8
                    }

                    CultureInfo.CurrentCulture = originalCulture;
                    CultureInfo.CurrentUICulture = originalUiCulture;
                }

                return (output.ToString(), error, exitCode);
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

    private static string GlobalUsingsSource(bool withLibrary)
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
        foreach (string ns in withLibrary ? [.. s_implicitUsings, .. s_libraryUsings] : s_implicitUsings)
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
