namespace AutogradForDummies.Nn;

/// <summary>
/// Saves models to JSON files and loads them back. An <see cref="MLP"/> file holds the architecture (inputs, layer
/// sizes, activations) and every parameter, so another program can rebuild the same network
/// (<see cref="Save(MLP, string)"/>, <see cref="Load(string)"/>, <see cref="LoadInto(MLP, string)"/>). A parameters file
/// holds the parameters of any <see cref="Module"/> by name, like PyTorch's <c>state_dict</c>, for a module the
/// program builds itself (<see cref="SaveParameters(Module, string)"/>, <see cref="LoadParameters(Module, string)"/>).
/// </summary>
/// <remarks>
/// <para>An MLP file looks like this (numbers shortened):</para>
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
/// <para>and a parameters file like this, with the names of <see cref="Module.NamedParameters"/>:</para>
/// <code>
/// {
///   "format": "AutogradForDummies.Parameters",
///   "version": 1,
///   "parameters": { "layers.0.neurons.0.w.0": 0.37, "layers.0.neurons.0.w.1": -0.81, "layers.0.neurons.0.b": 0.02, ... }
/// }
/// </code>
/// <para>
/// <b>Exact.</b> Every number is written in the shortest form that reads back as the same double (negative zero and
/// subnormals included), so a loaded model computes bit for bit what the saved one did. JSON has no NaN or infinity,
/// so a model with a non-finite parameter (a diverged training run) is refused on save instead of being written in a
/// form other programs could not read.
/// </para>
/// <para>
/// <b>Safe.</b> Saving to a path writes a temporary file next to the target and then renames it over the target, so a
/// crash never leaves half a file. Loading reads the whole file and checks all of it (JSON syntax, no unknown, missing,
/// repeated or null properties, format, version, shapes, every number finite) before building or changing any model;
/// whatever is wrong is reported as an <see cref="InvalidDataException"/> that says what and where, and the model is
/// left exactly as it was.
/// </para>
/// <para>
/// <b>Bounded.</b> A file is refused as soon as it holds more than a file of its model can: loading into a model, the
/// model says how large the file may be; loading an MLP file on its own, the sizes the file declares do, as they are
/// read (<see cref="Save(MLP, Stream)"/> writes each size before the numbers it counts, and a file may run at most a
/// few thousand numbers ahead of its declarations). So a damaged or hostile file costs about as much memory and time
/// as a valid file of that model, however large it is. <see cref="Load(Stream)"/> builds networks of up to about
/// four million parameters (2^22, fewer if the layers are very narrow); <see cref="LoadInto(MLP, Stream)"/> has no such
/// limit.
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
///
/// ModelFile.SaveParameters(model, "weights.json");  // any Module, by parameter name
/// ModelFile.LoadParameters(model, "weights.json");
/// </code>
/// </example>
public static partial class ModelFile
{
    /// <summary>Gets the value of the <c>"format"</c> property that marks an MLP file: <c>"AutogradForDummies.MLP"</c>.</summary>
    /// <remarks>A property rather than a constant: a constant is copied into the calling assembly when it is compiled, so
    /// a program would go on reporting the value of the library it was built against after the library is updated.</remarks>
    public static string FormatName => "AutogradForDummies.MLP";

    /// <summary>Gets the version of the MLP file layout this library writes, and the newest it reads: 1.</summary>
    /// <remarks>A property rather than a constant, so that it always reports the library actually running (see
    /// <see cref="FormatName"/>).</remarks>
    public static int FormatVersion => 1;

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
        CheckFinite(model, nameof(model));
        var document = ToDocument(model);
        OutputFile.Write(path, nameof(path), stream => Serialize(stream, document, ModelFileJson.Default.MlpDocument));
    }

    /// <summary>Writes <paramref name="model"/> as JSON to <paramref name="stream"/> (which stays open).</summary>
    /// <param name="model">The network.</param>
    /// <param name="stream">A writable stream.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be written to, or a parameter is NaN or
    /// infinite (nothing is written then).</exception>
    public static void Save(MLP model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckWritable(stream);
        CheckFinite(model, nameof(model));
        Serialize(stream, ToDocument(model), ModelFileJson.Default.MlpDocument);
    }

    /// <summary>Builds a new network from a file written by <see cref="Save(MLP, string)"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>A network with the file's architecture and parameters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank or names a folder.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid MLP file; the message says why.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static MLP Load(string path)
    {
        using var stream = OpenRead(path);
        return Build(ReadNetwork(stream, Quote(path), target: null));
    }

    /// <summary>Builds a new network from JSON written by <see cref="Save(MLP, Stream)"/>.</summary>
    /// <param name="stream">A readable stream, read to its end (and left open).</param>
    /// <returns>A network with the architecture and parameters read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read from.</exception>
    /// <exception cref="InvalidDataException">The data is not a valid MLP file; the message says why.</exception>
    public static MLP Load(Stream stream)
    {
        CheckReadable(stream);
        return Build(ReadNetwork(stream, StreamSource, target: null));
    }

    /// <summary>Overwrites the parameters of <paramref name="model"/> with those in a file, which must describe
    /// exactly the same architecture. On any error the model is left exactly as it was.</summary>
    /// <param name="model">The network to update.</param>
    /// <param name="path">The file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank or names a folder.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid MLP file, or its architecture differs from the
    /// model's; the message says why.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static void LoadInto(MLP model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var stream = OpenRead(path);
        string source = Quote(path);
        CopyInto(model, ReadNetwork(stream, source, model), source);
    }

    /// <summary>Overwrites the parameters of <paramref name="model"/> with JSON from a stream, which must describe
    /// exactly the same architecture. On any error the model is left exactly as it was.</summary>
    /// <param name="model">The network to update.</param>
    /// <param name="stream">A readable stream, read to its end (and left open).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read from.</exception>
    /// <exception cref="InvalidDataException">The data is not a valid MLP file, or its architecture differs from the
    /// model's; the message says why.</exception>
    public static void LoadInto(MLP model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckReadable(stream);
        CopyInto(model, ReadNetwork(stream, StreamSource, model), StreamSource);
    }

    /// <summary>Describes a network's architecture for messages: "2 inputs and layers [16 Relu, 1 Linear]".</summary>
    internal static string Architecture(MLP model) =>
        $"{model.InputCount} inputs and layers [{string.Join(", ", model.Layers.Select(l => $"{l.OutputCount} {l.Activation}"))}]";

    private static MlpDocument ToDocument(MLP model) => new(
        FormatName,
        FormatVersion,
        model.InputCount,
        [.. model.Layers.Select(layer => new LayerDocument(
            layer.OutputCount,
            layer.Activation.ToString(),
            [.. layer.Neurons.Select(n => new NeuronDocument([.. n.Weights.Select(w => w.Data)], n.Bias.Data))]))]);

    /// <summary>Reads and checks a whole MLP file without touching any model; <paramref name="target"/>, if given,
    /// bounds how much is read.</summary>
    private static Network ReadNetwork(Stream stream, string source, MLP? target)
    {
        var document = Read(stream, new NetworkReadBudget(source, target), ModelFileJson.Default.MlpDocument, FormatName, FormatVersion);
        CheckHeader(source, document.Format, document.Version, FormatName, FormatVersion);
        return new Network(document, CheckNetwork(document, source));
    }

    /// <summary>The checks JSON's shape cannot make: sizes, fan-ins, activation names and finite numbers.</summary>
    /// <returns>The layers' activations.</returns>
    private static Activation[] CheckNetwork(MlpDocument document, string source)
    {
        if (document.Inputs < 1)
        {
            throw Invalid(source, $"\"inputs\" is {document.Inputs}; it must be at least 1.");
        }

        if (document.Layers.Length == 0)
        {
            throw Invalid(source, "\"layers\" is empty; a network has at least one layer.");
        }

        var activations = new Activation[document.Layers.Length];
        int fanIn = document.Inputs;
        for (int i = 0; i < document.Layers.Length; i++)
        {
            var layer = document.Layers[i];
            string where = $"layers[{i}]";
            if (layer.Size < 1)
            {
                throw Invalid(source, $"{where}.size is {layer.Size}; it must be at least 1.");
            }

            activations[i] = ParseActivation(layer.Activation, where, source);
            if (layer.Neurons.Length != layer.Size)
            {
                throw Invalid(source, $"{where} has size {layer.Size} but {layer.Neurons.Length} neurons.");
            }

            for (int j = 0; j < layer.Neurons.Length; j++)
            {
                var neuron = layer.Neurons[j];
                string at = $"{where}.neurons[{j}]";
                if (neuron.Weights.Length != fanIn)
                {
                    throw Invalid(source, $"{at} has {neuron.Weights.Length} weights, but the layer takes {fanIn} inputs.");
                }

                for (int k = 0; k < fanIn; k++)
                {
                    CheckFinite(neuron.Weights[k], $"{at}.weights[{k}]", source);
                }

                CheckFinite(neuron.Bias, $"{at}.bias", source);
            }

            fanIn = layer.Size;
        }

        return activations;
    }

    /// <summary>Finds the activation by its name, exactly as <see cref="Enum.ToString()"/> writes it.</summary>
    private static Activation ParseActivation(string name, string where, string source)
    {
        foreach (var activation in Enum.GetValues<Activation>())
        {
            if (string.Equals(activation.ToString(), name, StringComparison.Ordinal))
            {
                return activation;
            }
        }

        var names = Enum.GetNames<Activation>().Select(n => $"\"{n}\"").ToArray();
        throw Invalid(source, $"{where}.activation is \"{name}\"; expected {string.Join(", ", names[..^1])} or {names[^1]}.");
    }

    private static MLP Build(Network network)
    {
        var document = network.Document;
        var layers = new Layer[document.Layers.Length];
        var random = new Random(0); // the initial weights are overwritten right away
        int fanIn = document.Inputs;
        for (int i = 0; i < layers.Length; i++)
        {
            layers[i] = new Layer(fanIn, document.Layers[i].Size, random, network.Activations[i]);
            fanIn = document.Layers[i].Size;
        }

        var model = new MLP(layers);
        Assign(model, document);
        return model;
    }

    private static void CopyInto(MLP model, Network network, string source)
    {
        var document = network.Document;
        bool same = document.Inputs == model.InputCount && document.Layers.Length == model.Layers.Count;
        for (int i = 0; same && i < document.Layers.Length; i++)
        {
            same = document.Layers[i].Size == model.Layers[i].OutputCount && network.Activations[i] == model.Layers[i].Activation;
        }

        if (!same)
        {
            string architecture = $"{document.Inputs} inputs and layers "
                + $"[{string.Join(", ", document.Layers.Select((l, i) => $"{l.Size} {network.Activations[i]}"))}]";
            throw new InvalidDataException(
                $"{source} holds a network of {architecture}, but the model is one of {Architecture(model)}; nothing was changed.");
        }

        Assign(model, document);
    }

    /// <summary>Writes the numbers into a model whose architecture is known to match.</summary>
    private static void Assign(MLP model, MlpDocument document)
    {
        for (int i = 0; i < document.Layers.Length; i++)
        {
            var neurons = model.Layers[i].Neurons;
            for (int j = 0; j < neurons.Count; j++)
            {
                var neuron = document.Layers[i].Neurons[j];
                for (int k = 0; k < neuron.Weights.Length; k++)
                {
                    neurons[j].Weights[k].Data = neuron.Weights[k];
                }

                neurons[j].Bias.Data = neuron.Bias;
            }
        }
    }

    /// <summary>An MLP file that passed every check, with its layers' activations.</summary>
    private sealed record Network(MlpDocument Document, Activation[] Activations);
}
