using System.Text.Json.Serialization;

namespace AutogradForDummies.Nn;

/// <summary>An MLP file as it is on disk: the architecture and every parameter (see <see cref="ModelFile"/>).</summary>
/// <param name="Format">Always <see cref="ModelFile.FormatName"/>.</param>
/// <param name="Version">The layout's version, <see cref="ModelFile.FormatVersion"/>.</param>
/// <param name="Inputs">The number of inputs of the network.</param>
/// <param name="Layers">The layers, first to last.</param>
internal sealed record MlpDocument(string Format, int Version, int Inputs, LayerDocument[] Layers);

/// <summary>One layer of an <see cref="MlpDocument"/>.</summary>
/// <param name="Size">The number of neurons, which must match <paramref name="Neurons"/>.</param>
/// <param name="Activation">The name of an <see cref="Nn.Activation"/> member.</param>
/// <param name="Neurons">The neurons.</param>
internal sealed record LayerDocument(int Size, string Activation, NeuronDocument[] Neurons);

/// <summary>One neuron of a <see cref="LayerDocument"/>: a weight per input of its layer, and a bias.</summary>
/// <param name="Weights">The weights.</param>
/// <param name="Bias">The bias.</param>
internal sealed record NeuronDocument(double[] Weights, double Bias);

/// <summary>A parameters file as it is on disk: any module's parameters by name (see
/// <see cref="ModelFile.SaveParameters(Module, string)"/>).</summary>
/// <param name="Format">Always <see cref="ModelFile.ParametersFormatName"/>.</param>
/// <param name="Version">The layout's version, <see cref="ModelFile.ParametersFormatVersion"/>.</param>
/// <param name="Parameters">The names and values, in the file's order, repeated names included.</param>
internal sealed record ParametersDocument(
    string Format,
    int Version,
    [property: JsonConverter(typeof(ParameterListConverter))] KeyValuePair<string, double>[] Parameters);

/// <summary>
/// The JSON serializer for model files, generated at compile time (no reflection, so trimming and native AOT keep
/// it working). It reads strictly: property names as written (camelCase, case-sensitive), no unknown properties,
/// no property given twice, no missing or null property, numbers only as JSON numbers, no comments or trailing
/// commas. Everything JSON's shape cannot say (the format name, the version, layer sizes against fan-ins, finite
/// numbers, names matching a module) is checked by <see cref="ModelFile"/> afterwards.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    WriteIndented = true)]
[JsonSerializable(typeof(MlpDocument))]
[JsonSerializable(typeof(ParametersDocument))]
internal sealed partial class ModelFileJson : JsonSerializerContext;
