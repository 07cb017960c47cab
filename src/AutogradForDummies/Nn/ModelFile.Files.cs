using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AutogradForDummies.Nn;

/// <summary>What both file formats share: opening, reading within a budget, the format and version checks, messages.</summary>
public static partial class ModelFile
{
    private const string StreamSource = "The model data";

    private static string Quote(string path) => $"'{path}'";

    private static InvalidDataException Invalid(string source, string message, Exception? inner = null) =>
        new($"{source} is not a valid model file: {message}", inner);

    /// <summary>Opens a file to load: a folder is the caller's mistake, a missing file or folder is a missing file.</summary>
    private static FileStream OpenRead(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            throw new ArgumentException($"'{path}' names a folder; give the path of a model file.", nameof(path));
        }

        try
        {
            return File.OpenRead(path);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new FileNotFoundException($"Could not find '{path}': its folder does not exist.", path, e);
        }
    }

    private static void CheckReadable(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read from.", nameof(stream));
        }
    }

    private static void CheckWritable(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream cannot be written to.", nameof(stream));
        }
    }

    /// <summary>Refuses to save a module with a parameter that JSON cannot hold.</summary>
    private static void CheckFinite(Module module, string paramName)
    {
        foreach (var (name, parameter) in module.NamedParameters())
        {
            if (!double.IsFinite(parameter.Data))
            {
                throw new ArgumentException(
                    $"Parameter {name} is {parameter.Data.ToString(CultureInfo.InvariantCulture)}; a model with NaN or infinite "
                    + "parameters cannot be saved (JSON has no such numbers, and the training has probably diverged).",
                    paramName);
            }
        }
    }

    private static void CheckFinite(double value, string where, string source)
    {
        if (!double.IsFinite(value))
        {
            throw Invalid(source, $"{where} is {value.ToString(CultureInfo.InvariantCulture)}, not a finite number.");
        }
    }

    private static void Serialize<T>(Stream stream, T document, JsonTypeInfo<T> type) =>
        JsonSerializer.Serialize(stream, document, type);

    /// <summary>Deserializes a whole file through a <see cref="GuardedJsonStream"/>; every way the JSON can be wrong
    /// becomes an <see cref="InvalidDataException"/>, and a file of another format or version is reported as such.</summary>
    private static T Read<T>(Stream stream, ReadBudget budget, JsonTypeInfo<T> type, string format, int version)
        where T : class
    {
        using var guarded = new GuardedJsonStream(stream, budget);
        T? document;
        try
        {
            document = JsonSerializer.Deserialize(guarded, type);
        }
        catch (JsonException e)
        {
            if (guarded.Format is { } declared)
            {
                CheckHeader(budget.Source, declared, guarded.Version, format, version); // the likelier explanation
            }

            throw guarded.IsMalformed
                ? new InvalidDataException($"{budget.Source} is not valid JSON (is it truncated?): {e.Message}", e)
                : Invalid(budget.Source, JsonErrorMessage.Describe(e, type), e);
        }

        return document ?? throw Invalid(budget.Source, "the top level is JSON null, not an object.");
    }

    /// <summary>Checks the format name and version, pointing at the right method for the other known format.</summary>
    private static void CheckHeader(string source, string format, long? version, string expectedFormat, int expectedVersion)
    {
        if (format != expectedFormat)
        {
            throw format == FormatName
                ? new InvalidDataException($"{source} is an MLP file (\"format\" is \"{format}\"), not a parameters file; read it "
                    + "with ModelFile.Load or ModelFile.LoadInto.")
                : format == ParametersFormatName
                ? new InvalidDataException($"{source} is a parameters file (\"format\" is \"{format}\"), not an MLP file; read it "
                    + "with ModelFile.LoadParameters.")
                : Invalid(source, $"\"format\" is \"{format}\", not \"{expectedFormat}\".");
        }

        if (version is { } v && v != expectedVersion)
        {
            throw Invalid(source, v > expectedVersion
                ? $"it has format version {v}, written by a newer library; this one reads version {expectedVersion}."
                : $"\"version\" is {v}; the first version is 1.");
        }
    }
}
