using System.Globalization;
using System.Text.Json;

namespace AutogradForDummies.Nn;

/// <summary>
/// Saves an <see cref="MLP"/> to a JSON file and loads it back: its architecture (inputs, layer sizes,
/// activations) and every parameter, so another program can rebuild the same network.
/// </summary>
/// <remarks>
/// <para>The file looks like this (numbers shortened):</para>
/// <code>
/// {
///   "format": "AutogradForDummies.MLP",
///   "version": 1,
///   "inputs": 2,
///   "layers": [
///     { "size": 16, "activation": "Relu", "neurons": [ { "weights": [0.37, -0.81], "bias": 0.02 }, ... ] },
///     ...
///   ]
/// }
/// </code>
/// <para>
/// <b>Exact.</b> Every number is written in the shortest form that reads back as the same double, so a loaded
/// model computes bit for bit what the saved one did. JSON has no NaN or infinity, so a model with a
/// non-finite parameter (a diverged training run) is refused on save instead of being written in a form
/// other programs could not read.
/// </para>
/// <para>
/// <b>Safe.</b> <see cref="Save(MLP, string)"/> writes a temporary file next to the target and then renames it
/// over the target, so a crash never leaves half a file, and an error names the target, never the temporary file. Loading checks the whole file (format, version, shape,
/// every number) before building or changing any model, and reports what is wrong with an
/// <see cref="InvalidDataException"/>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var model = new MLP(2, [16, 16, 1], seed: 42);
/// // ... train it ...
/// ModelFile.Save(model, "moons.json");
///
/// MLP copy = ModelFile.Load("moons.json");          // a new network with the same architecture and weights
/// ModelFile.LoadInto(model, "moons.json");          // or overwrite the parameters of an existing one
/// </code>
/// </example>
public static class ModelFile
{
    /// <summary>The value of the <c>"format"</c> property that marks a model file.</summary>
    public const string FormatName = "AutogradForDummies.MLP";

    /// <summary>The version of the file layout this library writes, and the newest it reads.</summary>
    public const int FormatVersion = 1;

    private const string StreamSource = "The model data";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    /// <summary>Saves <paramref name="model"/> to <paramref name="path"/>, replacing any existing file atomically.</summary>
    /// <param name="model">The network.</param>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank, names a folder or lies in a folder that does
    /// not exist, or a parameter is NaN or infinite (nothing is written then).</exception>
    /// <exception cref="IOException">The file could not be written (the message names <paramref name="path"/>); an
    /// existing file is left as it was.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public static void Save(MLP model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        CheckFinite(model);
        OutputFile.Write(path, nameof(path), stream => Write(model, stream));
    }

    /// <summary>Writes <paramref name="model"/> as JSON to <paramref name="stream"/> (which stays open).</summary>
    /// <param name="model">The network.</param>
    /// <param name="stream">A writable stream.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A parameter is NaN or infinite (nothing is written then).</exception>
    public static void Save(MLP model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream cannot be written to.", nameof(stream));
        }
        CheckFinite(model);
        Write(model, stream);
    }

    /// <summary>Builds a new network from a file written by <see cref="Save(MLP, string)"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>A network with the file's architecture and parameters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank or names a folder.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid model file; the message says why.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static MLP Load(string path)
    {
        using var stream = OpenRead(path);
        return Build(Read(stream, Quote(path)));
    }

    /// <summary>Builds a new network from JSON written by <see cref="Save(MLP, Stream)"/>.</summary>
    /// <param name="stream">A readable stream, read to its end (and left open).</param>
    /// <returns>A network with the architecture and parameters read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidDataException">The data is not a valid model; the message says why.</exception>
    public static MLP Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read from.", nameof(stream));
        }
        return Build(Read(stream, StreamSource));
    }

    /// <summary>Overwrites the parameters of <paramref name="model"/> with those in a file, which must describe
    /// exactly the same architecture. On any error the model is left exactly as it was.</summary>
    /// <param name="model">The network to update.</param>
    /// <param name="path">The file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank or names a folder.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid model file, or its architecture differs from the
    /// model's; the message says why.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static void LoadInto(MLP model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var stream = OpenRead(path);
        CopyInto(model, Read(stream, Quote(path)), Quote(path));
    }

    /// <summary>Overwrites the parameters of <paramref name="model"/> with JSON from a stream, which must describe
    /// exactly the same architecture. On any error the model is left exactly as it was.</summary>
    /// <param name="model">The network to update.</param>
    /// <param name="stream">A readable stream, read to its end (and left open).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidDataException">The data is not a valid model, or its architecture differs from the
    /// model's; the message says why.</exception>
    public static void LoadInto(MLP model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read from.", nameof(stream));
        }
        CopyInto(model, Read(stream, StreamSource), StreamSource);
    }

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

    private static void CheckFinite(MLP model)
    {
        foreach (var (name, parameter) in model.NamedParameters())
        {
            if (!double.IsFinite(parameter.Data))
            {
                throw new ArgumentException(
                    $"Parameter {name} is {parameter.Data.ToString(CultureInfo.InvariantCulture)}; a model with NaN or infinite "
                    + "parameters cannot be saved (JSON has no such numbers, and the training has probably diverged).",
                    nameof(model));
            }
        }
    }

    private static void Write(MLP model, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, WriterOptions);
        json.WriteStartObject();
        json.WriteString("format", FormatName);
        json.WriteNumber("version", FormatVersion);
        json.WriteNumber("inputs", model.InputCount);
        json.WriteStartArray("layers");
        foreach (var layer in model.Layers)
        {
            json.WriteStartObject();
            json.WriteNumber("size", layer.OutputCount);
            json.WriteString("activation", layer.Activation.ToString());
            json.WriteStartArray("neurons");
            foreach (var neuron in layer.Neurons)
            {
                json.WriteStartObject();
                json.WriteStartArray("weights");
                foreach (var w in neuron.Weights)
                {
                    json.WriteNumberValue(w.Data); // shortest text that parses back to the same double
                }

                json.WriteEndArray();
                json.WriteNumber("bias", neuron.Bias.Data);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Parses and checks a whole model file into plain arrays, without touching any model.
    /// <paramref name="source"/> names the file or stream at the start of error messages.</summary>
    private static ModelData Read(Stream stream, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} is not valid JSON (is it truncated?): {e.Message}", e);
        }

        using (document)
        {
            try
            {
                return Parse(document.RootElement);
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"{source} is not a valid model file: {e.Message}", e);
            }
        }
    }

    private static string Quote(string path) => $"'{path}'";

    /// <summary>Reads the model from the document; throws FormatException saying what is wrong and where.</summary>
    private static ModelData Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"the top level is a JSON {root.ValueKind}, not an object.");
        }

        string format = Property(root, "format", JsonValueKind.String, "the top level").GetString()!;
        if (format != FormatName)
        {
            throw new FormatException($"\"format\" is \"{format}\", not \"{FormatName}\".");
        }

        int version = Integer(root, "version", "the top level");
        if (version != FormatVersion)
        {
            throw new FormatException(version > FormatVersion
                ? $"it has format version {version}, written by a newer library; this one reads version {FormatVersion}."
                : $"\"version\" is {version}; the first version is 1.");
        }

        int inputs = PositiveInteger(root, "inputs", "the top level");
        var layersElement = Property(root, "layers", JsonValueKind.Array, "the top level");
        int layerCount = layersElement.GetArrayLength();
        if (layerCount == 0)
        {
            throw new FormatException("\"layers\" is empty; a network has at least one layer.");
        }

        var layers = new LayerData[layerCount];
        int fanIn = inputs;
        int i = 0;
        foreach (var layerElement in layersElement.EnumerateArray())
        {
            layers[i] = ParseLayer(layerElement, $"layers[{i}]", fanIn);
            fanIn = layers[i].Biases.Length;
            i++;
        }

        return new ModelData(inputs, layers);
    }

    private static LayerData ParseLayer(JsonElement element, string where, int fanIn)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where} is a JSON {element.ValueKind}, not an object.");
        }

        int size = PositiveInteger(element, "size", where);
        var activation = ParseActivation(Property(element, "activation", JsonValueKind.String, where).GetString()!, where);
        var neurons = Property(element, "neurons", JsonValueKind.Array, where);
        if (neurons.GetArrayLength() != size)
        {
            throw new FormatException($"{where} has size {size} but {neurons.GetArrayLength()} neurons.");
        }

        var weights = new double[size][];
        var biases = new double[size];
        int j = 0;
        foreach (var neuron in neurons.EnumerateArray())
        {
            string at = $"{where}.neurons[{j}]";
            if (neuron.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{at} is a JSON {neuron.ValueKind}, not an object.");
            }

            var w = Property(neuron, "weights", JsonValueKind.Array, at);
            if (w.GetArrayLength() != fanIn)
            {
                throw new FormatException($"{at} has {w.GetArrayLength()} weights, but the layer takes {fanIn} inputs.");
            }

            weights[j] = new double[fanIn];
            int k = 0;
            foreach (var number in w.EnumerateArray())
            {
                weights[j][k] = Number(number, $"{at}.weights[{k}]");
                k++;
            }

            biases[j] = Number(Property(neuron, "bias", JsonValueKind.Number, at), $"{at}.bias");
            j++;
        }

        return new LayerData(activation, weights, biases);
    }

    private static Activation ParseActivation(string name, string where) => name switch
    {
        nameof(Activation.Relu) => Activation.Relu,
        nameof(Activation.Tanh) => Activation.Tanh,
        nameof(Activation.Sigmoid) => Activation.Sigmoid,
        nameof(Activation.Linear) => Activation.Linear,
        _ => throw new FormatException(
            $"{where}.activation is \"{name}\"; expected \"Relu\", \"Tanh\", \"Sigmoid\" or \"Linear\"."),
    };

    private static JsonElement Property(JsonElement parent, string name, JsonValueKind kind, string where)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            throw new FormatException($"{where} has no \"{name}\" property.");
        }

        if (value.ValueKind != kind)
        {
            throw new FormatException($"\"{name}\" in {where} is a JSON {value.ValueKind}, not a {kind}.");
        }

        return value;
    }

    private static int Integer(JsonElement parent, string name, string where)
    {
        var value = Property(parent, name, JsonValueKind.Number, where);
        return value.TryGetInt32(out int result)
            ? result
            : throw new FormatException($"\"{name}\" in {where} is {value.GetRawText()}, not a whole number.");
    }

    private static int PositiveInteger(JsonElement parent, string name, string where)
    {
        int value = Integer(parent, name, where);
        return value > 0 ? value : throw new FormatException($"\"{name}\" in {where} is {value}; it must be at least 1.");
    }

    private static double Number(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            throw new FormatException($"{where} is a JSON {element.ValueKind}, not a number.");
        }

        return element.TryGetDouble(out double value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"{where} is {element.GetRawText()}, which is not a finite double.");
    }

    private static MLP Build(ModelData data)
    {
        var layers = new Layer[data.Layers.Length];
        var random = new Random(0); // the initial weights are overwritten right away
        int fanIn = data.Inputs;
        for (int i = 0; i < layers.Length; i++)
        {
            var layer = data.Layers[i];
            layers[i] = new Layer(fanIn, layer.Biases.Length, random, layer.Activation);
            fanIn = layer.Biases.Length;
        }

        var model = new MLP(layers);
        Assign(model, data);
        return model;
    }

    private static void CopyInto(MLP model, ModelData data, string source)
    {
        bool same = data.Inputs == model.InputCount && data.Layers.Length == model.Layers.Count;
        for (int i = 0; same && i < data.Layers.Length; i++)
        {
            same = data.Layers[i].Biases.Length == model.Layers[i].OutputCount
                && data.Layers[i].Activation == model.Layers[i].Activation;
        }

        if (!same)
        {
            throw new InvalidDataException(
                $"{source} holds a network of {Architecture(data)}, but the model is one of {Architecture(model)}; "
                + "nothing was changed.");
        }

        Assign(model, data);
    }

    /// <summary>Writes the numbers into a model whose architecture is known to match.</summary>
    private static void Assign(MLP model, ModelData data)
    {
        for (int i = 0; i < data.Layers.Length; i++)
        {
            var layer = data.Layers[i];
            var neurons = model.Layers[i].Neurons;
            for (int j = 0; j < neurons.Count; j++)
            {
                for (int k = 0; k < layer.Weights[j].Length; k++)
                {
                    neurons[j].Weights[k].Data = layer.Weights[j][k];
                }

                neurons[j].Bias.Data = layer.Biases[j];
            }
        }
    }

    private static string Architecture(ModelData data)
    {
        var sizes = new string[data.Layers.Length];
        for (int i = 0; i < sizes.Length; i++)
        {
            sizes[i] = $"{data.Layers[i].Biases.Length} {data.Layers[i].Activation}";
        }

        return $"{data.Inputs} inputs and layers [{string.Join(", ", sizes)}]";
    }

    private static string Architecture(MLP model)
    {
        var sizes = new string[model.Layers.Count];
        for (int i = 0; i < sizes.Length; i++)
        {
            sizes[i] = $"{model.Layers[i].OutputCount} {model.Layers[i].Activation}";
        }

        return $"{model.InputCount} inputs and layers [{string.Join(", ", sizes)}]";
    }

    private sealed record ModelData(int Inputs, LayerData[] Layers);

    private sealed record LayerData(Activation Activation, double[][] Weights, double[] Biases);
}
