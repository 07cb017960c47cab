using System.Globalization;

namespace AutogradForDummies.Nn;

/// <summary>Parameters files: any module's parameters by name.</summary>
public static partial class ModelFile
{
    /// <summary>The most names a message lists of each kind (missing, unknown, repeated).</summary>
    private const int NamesListed = 5;

    /// <summary>Gets the value of the <c>"format"</c> property that marks a parameters file:
    /// <c>"AutogradForDummies.Parameters"</c>.</summary>
    /// <remarks>A property rather than a constant, so that it always reports the library actually running (see
    /// <see cref="FormatName"/>).</remarks>
    public static string ParametersFormatName => "AutogradForDummies.Parameters";

    /// <summary>Gets the version of the parameters file layout this library writes, and the newest it reads: 1.</summary>
    /// <remarks>A property rather than a constant, so that it always reports the library actually running (see
    /// <see cref="FormatName"/>).</remarks>
    public static int ParametersFormatVersion => 1;

    /// <summary>Saves the parameters of <paramref name="module"/> by name (<see cref="Module.NamedParameters"/>) to
    /// <paramref name="path"/>, replacing any existing file atomically. Unlike <see cref="Save(MLP, string)"/>, the file
    /// holds no architecture: <see cref="LoadParameters(Module, string)"/> reads it into a module the program builds.</summary>
    /// <param name="module">Any module: a <see cref="Neuron"/>, <see cref="Layer"/>, <see cref="MLP"/> or one of your own.</param>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <exception cref="ArgumentNullException"><paramref name="module"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank, names a folder or lies in a folder that does
    /// not exist; or a parameter is NaN or infinite, or the module lists a name twice (nothing is written then).</exception>
    /// <exception cref="IOException">The file could not be written (the message names <paramref name="path"/>); an
    /// existing file is left as it was.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public static void SaveParameters(Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var document = ToParametersDocument(module);
        OutputFile.Write(path, nameof(path), stream => Serialize(stream, document, ModelFileJson.Default.ParametersDocument));
    }

    /// <summary>Writes the parameters of <paramref name="module"/> by name as JSON to <paramref name="stream"/> (which
    /// stays open).</summary>
    /// <param name="module">Any module.</param>
    /// <param name="stream">A writable stream.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be written to; or a parameter is NaN or
    /// infinite, or the module lists a name twice (nothing is written then).</exception>
    public static void SaveParameters(Module module, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckWritable(stream);
        Serialize(stream, ToParametersDocument(module), ModelFileJson.Default.ParametersDocument);
    }

    /// <summary>Overwrites the parameters of <paramref name="module"/> with those of a parameters file, matched by name.
    /// The file must hold exactly the module's names, each once; on any error the module is left exactly as it was.</summary>
    /// <param name="module">The module to update.</param>
    /// <param name="path">The file, written by <see cref="SaveParameters(Module, string)"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="module"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank or names a folder, or the module lists a name
    /// twice.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid parameters file, or its names are not exactly the
    /// module's (the message lists the missing, unknown and repeated ones).</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static void LoadParameters(Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckUniqueNames(module);
        using var stream = OpenRead(path);
        ReadParametersInto(module, stream, Quote(path));
    }

    /// <summary>Overwrites the parameters of <paramref name="module"/> with those read from a stream, matched by name.
    /// The data must hold exactly the module's names, each once; on any error the module is left exactly as it was.</summary>
    /// <param name="module">The module to update.</param>
    /// <param name="stream">A readable stream, read to its end (and left open).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read from, or the module lists a name
    /// twice.</exception>
    /// <exception cref="InvalidDataException">The data is not a valid parameters file, or its names are not exactly the
    /// module's (the message lists the missing, unknown and repeated ones).</exception>
    public static void LoadParameters(Module module, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckReadable(stream);
        CheckUniqueNames(module);
        ReadParametersInto(module, stream, StreamSource);
    }

    private static ParametersDocument ToParametersDocument(Module module)
    {
        CheckUniqueNames(module);
        CheckFinite(module, nameof(module));
        return new(
            ParametersFormatName,
            ParametersFormatVersion,
            [.. module.NamedParameters().Select(p => new KeyValuePair<string, double>(p.Key, p.Value.Data))]);
    }

    /// <summary>Parameters are saved and loaded by name, so a module whose names repeat cannot be either.</summary>
    private static void CheckUniqueNames(Module module)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeated = module.NamedParameters().Where(p => !seen.Add(p.Key)).Select(p => p.Key).Distinct().ToList();
        if (repeated.Count > 0)
        {
            throw new ArgumentException(
                $"{module.GetType().Name} lists {Names(repeated)} more than once among its parameters; parameters are saved "
                + "and loaded by name, so each name must be unique.",
                nameof(module));
        }
    }

    private static void ReadParametersInto(Module module, Stream stream, string source)
    {
        var document = Read(
            stream, new ParametersReadBudget(source, module), ModelFileJson.Default.ParametersDocument, ParametersFormatName, ParametersFormatVersion);
        CheckHeader(source, document.Format, document.Version, ParametersFormatName, ParametersFormatVersion);
        var named = module.NamedParameters();
        double[] values = Match(named, document.Parameters, source);

        // A module may list one Scalar under two names (shared weights); the file must then agree with itself.
        var first = new Dictionary<Scalar, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < values.Length; i++)
        {
            CheckFinite(values[i], $"parameter \"{named[i].Key}\"", source);
            if (!first.TryAdd(named[i].Value, i) && !values[first[named[i].Value]].Equals(values[i]))
            {
                throw new InvalidDataException(
                    $"{source} gives \"{named[first[named[i].Value]].Key}\" and \"{named[i].Key}\", which are the same parameter "
                    + "of the module, different values; nothing was changed.");
            }
        }

        for (int i = 0; i < values.Length; i++)
        {
            named[i].Value.Data = values[i];
        }
    }

    /// <summary>Puts the file's values in the module's order, or says which names are missing, unknown or repeated.</summary>
    private static double[] Match(IReadOnlyList<KeyValuePair<string, Scalar>> named, KeyValuePair<string, double>[] pairs, string source)
    {
        var index = new Dictionary<string, int>(named.Count, StringComparer.Ordinal);
        for (int i = 0; i < named.Count; i++)
        {
            index.Add(named[i].Key, i);
        }

        var values = new double[named.Count];
        var found = new bool[named.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        var repeated = new List<string>();
        foreach (var (name, value) in pairs)
        {
            if (!seen.Add(name))
            {
                repeated.Add(name);
            }
            else if (index.TryGetValue(name, out int i))
            {
                found[i] = true;
                values[i] = value;
            }
            else
            {
                unknown.Add(name);
            }
        }

        var missing = named.Where((_, i) => !found[i]).Select(p => p.Key).ToList();
        var problems = new List<string>();
        if (missing.Count > 0)
        {
            problems.Add($"it lacks {Names(missing)}");
        }

        if (unknown.Count > 0)
        {
            problems.Add($"it has {Names(unknown)}, which the module does not");
        }

        if (repeated.Count > 0)
        {
            problems.Add($"it gives {Names(repeated.Distinct().ToList())} more than once");
        }

        return problems.Count == 0
            ? values
            : throw new InvalidDataException(
                $"{source} does not hold exactly the module's {named.Count} parameters: {string.Join("; ", problems)}. Nothing was changed.");
    }

    /// <summary>Lists names for a message: "the name "a"", "the names "a", "b" and "c"", "... and 12 more".</summary>
    private static string Names(List<string> names)
    {
        var quoted = names.Take(NamesListed).Select(n => $"\"{n}\"").ToList();
        string list = names.Count > NamesListed
            ? $"{string.Join(", ", quoted)} and {(names.Count - NamesListed).ToString(CultureInfo.InvariantCulture)} more"
            : quoted.Count == 1 ? quoted[0] : $"{string.Join(", ", quoted[..^1])} and {quoted[^1]}";
        return names.Count == 1 ? $"the name {list}" : $"the names {list}";
    }
}
