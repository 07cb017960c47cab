using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutogradForDummies.Nn;

/// <summary>
/// Reads and writes the <c>"parameters"</c> object of a parameters file, <c>{ "name": number, ... }</c>, as a list
/// of pairs in the file's order. A list rather than a dictionary, so that a name given twice reaches
/// <see cref="ModelFile"/>, which names it in its message (the serializer's own duplicate check cannot say which).
/// </summary>
internal sealed class ParameterListConverter : JsonConverter<KeyValuePair<string, double>[]>
{
    /// <inheritdoc/>
    public override KeyValuePair<string, double>[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"\"parameters\" is a JSON {reader.TokenType}, not an object of names and numbers.");
        }

        var pairs = new List<KeyValuePair<string, double>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out double value))
            {
                throw new JsonException($"Parameter \"{name}\" is a JSON {reader.TokenType}, not a number.");
            }

            pairs.Add(new(name, value));
        }

        return [.. pairs];
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, KeyValuePair<string, double>[] value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, number) in value)
        {
            writer.WriteNumber(name, number); // the shortest text that reads back as the same double
        }

        writer.WriteEndObject();
    }
}
