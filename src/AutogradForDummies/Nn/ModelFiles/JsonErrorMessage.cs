using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AutogradForDummies.Nn;

/// <summary>
/// Says in the file's own terms what the serializer refused: where, as a path into the file
/// (<c>layers[1].neurons[0].weights[2]</c>) and a line number, and what belongs there (taken from the generated
/// contract) or what was wrong, in the serializer's words with the names of the library's internal types replaced.
/// </summary>
internal static class JsonErrorMessage
{
    private const string ConversionFailure = "The JSON value could not be converted to";

    private static readonly (Type Type, string Name)[] s_documents =
    [
        (typeof(MlpDocument), "the top-level object"),
        (typeof(LayerDocument), "a layer"),
        (typeof(NeuronDocument), "a neuron"),
        (typeof(ParametersDocument), "the top-level object"),
    ];

    /// <summary>Describes <paramref name="exception"/>, thrown reading a file whose top level is <paramref name="root"/>.</summary>
    /// <param name="exception">The serializer's exception.</param>
    /// <param name="root">The contract of the whole file.</param>
    /// <returns>A sentence ending in a full stop.</returns>
    public static string Describe(JsonException exception, JsonTypeInfo root)
    {
        string? path = exception.Path;
        string where = path is null or "$" ? "the top level" : path.TrimStart('$').TrimStart('.');
        string line = exception.LineNumber is { } n ? $" (line {(n + 1).ToString(CultureInfo.InvariantCulture)})" : string.Empty;
        if (exception.Message.StartsWith(ConversionFailure, StringComparison.Ordinal))
        {
            if (exception.InnerException is InvalidOperationException inner && inner.Message.Contains("UTF-8", StringComparison.Ordinal))
            {
                return $"{where} is not valid UTF-8 text{line}.";
            }

            if (path is not null && Expected(root, path) is { } expected)
            {
                return $"{where} is not {expected}{line}.";
            }
        }

        return $"at {where}{line}: {Clean(exception.Message)}.";
    }

    /// <summary>What belongs at <paramref name="path"/> (such as <c>$.layers[0].size</c>), or null if nothing does.</summary>
    private static string? Expected(JsonTypeInfo root, string path)
    {
        var type = root;
        int i = 1; // after the '$'
        while (i < path.Length)
        {
            Type? next;
            if (path[i] == '[' && i + 1 < path.Length && char.IsAsciiDigit(path[i + 1]))
            {
                int end = path.IndexOf(']', i);
                next = type.ElementType;
                i = end < 0 ? path.Length : end + 1;
            }
            else
            {
                (string name, i) = path[i] == '.' ? DottedName(path, i) : BracketedName(path, i);
                next = type.Properties.FirstOrDefault(p => p.Name == name)?.PropertyType;
            }

            if (next is null || type.Options.TypeInfoResolver?.GetTypeInfo(next, type.Options) is not { } nextType)
            {
                return null;
            }

            type = nextType;
        }

        return Kind(type);
    }

    private static (string Name, int End) DottedName(string path, int dot)
    {
        int end = path.IndexOfAny(['.', '['], dot + 1);
        end = end < 0 ? path.Length : end;
        return (path[(dot + 1)..end], end);
    }

    private static (string Name, int End) BracketedName(string path, int bracket)
    {
        int end = path.IndexOf("']", bracket, StringComparison.Ordinal);
        return end < 0 ? (string.Empty, path.Length) : (path[(bracket + 2)..end], end + 2);
    }

    private static string Kind(JsonTypeInfo type) =>
        type.Type == typeof(int) ? "a whole number from -2147483648 to 2147483647"
        : type.Type == typeof(double) ? "a number"
        : type.Type == typeof(string) ? "a string"
        : type.Type == typeof(double[]) ? "an array of numbers"
        : type.Kind == JsonTypeInfoKind.Enumerable ? "an array"
        : "an object";

    /// <summary>The serializer's sentence without its position (given separately), its advice to the programmer, and
    /// the names of internal types.</summary>
    private static string Clean(string message)
    {
        int position = message.IndexOf(" Path: ", StringComparison.Ordinal);
        message = (position < 0 ? message : message[..position])
            .Replace(" Consider updating its nullability annotation.", string.Empty, StringComparison.Ordinal)
            .TrimEnd('.');
        foreach (var (type, name) in s_documents)
        {
            message = message
                .Replace($"type '{type.FullName}'", name, StringComparison.Ordinal)
                .Replace(type.FullName!, name, StringComparison.Ordinal);
        }

        return message;
    }
}
