using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutogradForDummies.Nn;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Nn;

public sealed class ModelFileTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("model-file-tests-");

    public void Dispose() => _folder.Dispose();

    private string PathOf(string name) => _folder.PathOf(name);

    private static MLP Trained()
    {
        var model = new MLP(2, [16, 16, 1], seed: 8);
        var p = model.Parameters();

        // Numbers that are hard to print exactly: negative zero, subnormals, extremes, long decimals.
        p[0].Data = -0.0;
        p[1].Data = double.Epsilon;
        p[2].Data = 0.1 + 0.2;
        p[3].Data = -1e-300;
        p[4].Data = double.MaxValue;
        p[5].Data = Math.PI;
        p[6].Data = 1.0 / 3;
        p[7].Data = -2.2250738585072014E-308;
        return model;
    }

    [Fact]
    public void A_leaky_relu_network_round_trips_with_its_activation()
    {
        var model = new MLP(2, [5, 1], Activation.LeakyRelu, seed: 3);
        using var stream = new MemoryStream();

        ModelFile.Save(model, stream);
        stream.Position = 0;
        var loaded = ModelFile.Load(stream);

        loaded.Layers[0].Activation.Should().Be(Activation.LeakyRelu);
        loaded.Predict([0.3, -1.2]).Should().Equal(model.Predict([0.3, -1.2]));
        System.Text.Encoding.UTF8.GetString(stream.ToArray()).Should().Contain("\"LeakyRelu\"");
    }

    [Fact]
    public void Save_then_load_reproduces_every_parameter_and_output_bit_for_bit()
    {
        var model = Trained();
        string path = PathOf("model.json");

        ModelFile.Save(model, path);
        var loaded = ModelFile.Load(path);

        ParameterBits.Of(loaded).Should().Equal(ParameterBits.Of(model));
        loaded.ToString().Should().Be(model.ToString());
        loaded.LayerSizes.Should().Equal(16, 16, 1);
        double[][] inputs = [[0.5, -0.25], [1e-3, 2.0], [-1.5, 0.75]];
        model.Parameters()[4].Data = 0.5; // keep the outputs finite for the comparison
        loaded.Parameters()[4].Data = 0.5;
        foreach (var x in inputs)
        {
            BitConverter.DoubleToInt64Bits(loaded.Forward(x)[0].Data)
                .Should().Be(BitConverter.DoubleToInt64Bits(model.Forward(x)[0].Data));
        }
    }

    [Fact]
    public void LoadInto_overwrites_a_network_of_the_same_architecture()
    {
        var model = Trained();
        var other = new MLP(2, [16, 16, 1], seed: 99);
        string path = PathOf("model.json");
        ModelFile.Save(model, path);

        ModelFile.LoadInto(other, path);

        ParameterBits.Of(other).Should().Equal(ParameterBits.Of(model));
    }

    [Fact]
    public void Every_activation_of_every_layer_round_trips()
    {
        var random = new Random(3);
        var model = new MLP([new Layer(3, 4, random, Activation.Tanh), new Layer(4, 2, random, Activation.Sigmoid), new Layer(2, 2, random, Activation.Relu)]);
        using var stream = new MemoryStream();

        ModelFile.Save(model, stream);
        stream.Position = 0;
        var loaded = ModelFile.Load(stream);

        loaded.ToString().Should().Be("MLP of [Layer of [TanhNeuron(3), TanhNeuron(3), TanhNeuron(3), TanhNeuron(3)], "
            + "Layer of [SigmoidNeuron(4), SigmoidNeuron(4)], Layer of [ReLUNeuron(2), ReLUNeuron(2)]]");
        ParameterBits.Of(loaded).Should().Equal(ParameterBits.Of(model));
    }

    /// <summary>A file written by version 0.1 of the library, byte for byte.</summary>
    private const string Version01File = """
        {
          "format": "AutogradForDummies.MLP",
          "version": 1,
          "inputs": 2,
          "layers": [
            {
              "size": 2,
              "activation": "Tanh",
              "neurons": [
                {
                  "weights": [
                    -0,
                    5E-324
                  ],
                  "bias": 0.30000000000000004
                },
                {
                  "weights": [
                    -2.2250738585072014E-308,
                    1.7976931348623157E+308
                  ],
                  "bias": -0.3333333333333333
                }
              ]
            },
            {
              "size": 1,
              "activation": "Linear",
              "neurons": [
                {
                  "weights": [
                    1E-300,
                    3.141592653589793
                  ],
                  "bias": -1.7976931348623157E+308
                }
              ]
            }
          ]
        }
        """;

    private static readonly double[] s_version01Parameters =
        [-0.0, double.Epsilon, 0.1 + 0.2, -2.2250738585072014E-308, double.MaxValue, -1.0 / 3, 1e-300, Math.PI, -double.MaxValue];

    [Fact]
    public void A_file_written_by_version_0_1_loads_unchanged_and_is_written_again_byte_for_byte()
    {
        string path = PathOf("v0.1.json");
        File.WriteAllText(path, Version01File);

        var loaded = ModelFile.Load(path);

        loaded.ToString().Should().Be("MLP of [Layer of [TanhNeuron(2), TanhNeuron(2)], Layer of [LinearNeuron(2)]]");
        ParameterBits.Of(loaded).Should().Equal(s_version01Parameters.Select(BitConverter.DoubleToInt64Bits));
        using var stream = new MemoryStream();
        ModelFile.Save(loaded, stream);
        Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n").Should().Be(Version01File.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Every_member_of_Activation_is_written_and_read_by_its_name()
    {
        foreach (var activation in Enum.GetValues<Activation>())
        {
            var model = new MLP([new Layer(2, 2, new Random(1), activation), new Layer(2, 1, new Random(2), activation)]);
            using var stream = new MemoryStream();
            ModelFile.Save(model, stream);

            using var document = JsonDocument.Parse(stream.ToArray());
            document.RootElement.GetProperty("layers")[0].GetProperty("activation").GetString().Should().Be(activation.ToString());
            stream.Position = 0;
            var loaded = ModelFile.Load(stream);
            loaded.Layers.Select(l => l.Activation).Should().Equal(activation, activation);
            ParameterBits.Of(loaded).Should().Equal(ParameterBits.Of(model));
        }
    }

    [Theory]
    [InlineData("relu")]
    [InlineData("RELU")]
    [InlineData("0")]
    [InlineData("Relu, Tanh")]
    [InlineData(" Relu")]
    public void An_activation_is_read_only_by_its_exact_name(string name)
    {
        string text = Version01File.Replace("\"Tanh\"", $"\"{name}\"", StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        FluentActions.Invoking(() => ModelFile.Load(stream)).Should().Throw<InvalidDataException>()
            .WithMessage($"The model data is not a valid model file: layers[0].activation is \"{name}\"; expected \"Relu\", \"Tanh\", *");
    }

    [Fact]
    public void The_format_name_and_version_are_properties_that_say_what_the_library_writes()
    {
        ModelFile.FormatName.Should().Be("AutogradForDummies.MLP");
        ModelFile.FormatVersion.Should().Be(1);
        typeof(ModelFile).GetFields().Should().BeEmpty("a public constant would be compiled into the callers");
    }

    [Fact]
    public void The_file_records_a_format_marker_a_version_and_the_architecture()
    {
        string path = PathOf("model.json");
        ModelFile.Save(new MLP(2, [3, 1], seed: 1), path);

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        root.GetProperty("format").GetString().Should().Be("AutogradForDummies.MLP").And.Be(ModelFile.FormatName);
        root.GetProperty("version").GetInt32().Should().Be(1).And.Be(ModelFile.FormatVersion);
        root.GetProperty("inputs").GetInt32().Should().Be(2);
        var layers = root.GetProperty("layers");
        layers.GetArrayLength().Should().Be(2);
        layers[0].GetProperty("size").GetInt32().Should().Be(3);
        layers[0].GetProperty("activation").GetString().Should().Be("Relu");
        layers[1].GetProperty("activation").GetString().Should().Be("Linear");
        layers[1].GetProperty("neurons")[0].GetProperty("weights").GetArrayLength().Should().Be(3);
    }

    [Fact]
    public void Saving_replaces_an_existing_file_and_leaves_no_temporary_file()
    {
        string path = PathOf("model.json");
        File.WriteAllText(path, "old contents");

        ModelFile.Save(new MLP(2, [3, 1], seed: 1), path);

        File.ReadAllText(path).Should().StartWith("{");
        _folder.Info.GetFiles().Should().ContainSingle().Which.Name.Should().Be("model.json");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_model_with_a_non_finite_parameter_is_refused_and_nothing_is_written(double bad)
    {
        var model = new MLP(2, [3, 1], seed: 1);
        model.Parameters()[5].Data = bad;
        string path = PathOf("model.json");
        File.WriteAllText(path, "previous model");

        FluentActions.Invoking(() => ModelFile.Save(model, path))
            .Should().Throw<ArgumentException>().WithParameterName("model").WithMessage("Parameter layers.0.neurons.1.b is *cannot be saved*");
        FluentActions.Invoking(() => ModelFile.Save(model, PathOf("other.json"))).Should().Throw<ArgumentException>();
        using var stream = new MemoryStream();
        FluentActions.Invoking(() => ModelFile.Save(model, stream)).Should().Throw<ArgumentException>();

        File.ReadAllText(path).Should().Be("previous model");
        _folder.Info.GetFiles().Should().ContainSingle();
        stream.Length.Should().Be(0);
    }

    [Fact]
    public void Saving_over_a_folder_is_refused_naming_the_argument_and_changes_nothing()
    {
        string path = PathOf("model.json");
        ModelFile.Save(new MLP(2, [3, 1], seed: 1), path);
        string before = File.ReadAllText(path);
        Directory.CreateDirectory(PathOf("taken.json"));

        FluentActions.Invoking(() => ModelFile.Save(new MLP(2, [3, 1], seed: 2), PathOf("taken.json")))
            .Should().Throw<ArgumentException>().WithParameterName("path").WithMessage("'*taken.json' names a folder*");

        _folder.Info.GetFiles().Should().ContainSingle().Which.Name.Should().Be("model.json");
        _folder.Info.GetDirectories().Should().ContainSingle().Which.GetFileSystemInfos().Should().BeEmpty();
        File.ReadAllText(path).Should().Be(before);
    }

    [Fact]
    public void A_failed_write_names_the_callers_path_never_the_temporary_file_and_leaves_nothing_behind()
    {
        string path = PathOf(new string('m', 300) + ".json"); // no file system takes a name this long

        var thrown = FluentActions.Invoking(() => ModelFile.Save(new MLP(2, [3, 1], seed: 1), path))
            .Should().Throw<IOException>().Which;

        thrown.Message.Should().StartWith($"Could not write '{path}': ").And.NotContain(".tmp");
        _folder.Info.GetFileSystemInfos().Should().BeEmpty();
    }

    [Fact]
    public void A_file_of_another_architecture_is_rejected_and_the_model_is_unchanged()
    {
        string path = PathOf("small.json");
        ModelFile.Save(new MLP(2, [8, 1], seed: 1), path);
        var model = new MLP(2, [16, 16, 1], seed: 2);
        var before = ParameterBits.Of(model);

        FluentActions.Invoking(() => ModelFile.LoadInto(model, path)).Should().Throw<InvalidDataException>()
            .WithMessage("*holds a network of 2 inputs and layers [8 Relu, 1 Linear], but the model is one of 2 inputs and layers [16 Relu, 16 Relu, 1 Linear]*");
        ParameterBits.Of(model).Should().Equal(before);

        var tanh = new MLP(2, [8, 1], seed: 1, hiddenActivation: Activation.Tanh);
        var tanhBefore = ParameterBits.Of(tanh);
        FluentActions.Invoking(() => ModelFile.LoadInto(tanh, path)).Should().Throw<InvalidDataException>().WithMessage("*8 Relu*8 Tanh*");
        ParameterBits.Of(tanh).Should().Equal(tanhBefore);

        var threeInputs = new MLP(3, [8, 1], seed: 1);
        FluentActions.Invoking(() => ModelFile.LoadInto(threeInputs, path)).Should().Throw<InvalidDataException>().WithMessage("*2 inputs*3 inputs*");
    }

    [Fact]
    public void Every_truncation_of_a_file_is_rejected_and_leaves_the_model_unchanged()
    {
        using var full = new MemoryStream();
        ModelFile.Save(new MLP(2, [3, 1], seed: 1), full);
        byte[] bytes = full.ToArray();
        var model = new MLP(2, [3, 1], seed: 5);
        var before = ParameterBits.Of(model);

        for (int length = 0; length < bytes.Length; length++)
        {
            if (bytes[length..].All(b => char.IsWhiteSpace((char)b)))
            {
                continue; // only trailing whitespace is cut: still the whole file
            }

            using var truncated = new MemoryStream(bytes, 0, length);
            FluentActions.Invoking(() => ModelFile.LoadInto(model, truncated)).Should().Throw<InvalidDataException>($"{length} bytes are not a model");
            truncated.Position = 0;
            FluentActions.Invoking(() => ModelFile.Load(truncated)).Should().Throw<InvalidDataException>($"{length} bytes are not a model");
        }

        ParameterBits.Of(model).Should().Equal(before);
        string path = PathOf("truncated.json");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        FluentActions.Invoking(() => ModelFile.Load(path)).Should().Throw<InvalidDataException>().WithMessage("'*truncated.json' is not valid JSON*");
    }

    [Theory]
    [InlineData("", "*not valid JSON*")]
    [InlineData("hello", "*not valid JSON*")]
    [InlineData("{\"format\": ", "*not valid JSON*")]
    [InlineData("{} {}", "*not valid JSON*")]
    [InlineData("{\"format\": \"AutogradForDummies.MLP\", /* note */ \"version\": 1}", "*not valid JSON*")]
    [InlineData("[]", "*: the top level is not an object (line 1).")]
    [InlineData("null", "*: the top level is JSON null, not an object.")]
    [InlineData("{}", "*: at the top level (line 1): *missing required properties including: 'format', 'version', 'inputs', 'layers'.")]
    [InlineData("{\"format\": \"something else\", \"version\": 1}", "*: \"format\" is \"something else\", not \"AutogradForDummies.MLP\".")]
    [InlineData("{\"format\": \"AutogradForDummies.MLP\", \"version\": 2}", "*format version 2, written by a newer library; this one reads version 1.")]
    [InlineData("{\"format\": \"AutogradForDummies.MLP\", \"version\": 2, \"inputs\": 2, \"layers\": [], \"biases\": true}", "*format version 2, written by a newer library*")]
    [InlineData("{\"format\": \"AutogradForDummies.MLP\", \"version\": 0}", "*\"version\" is 0; the first version is 1.")]
    [InlineData("{\"format\": \"AutogradForDummies.MLP\", \"version\": \"1\"}", "*: version is not a whole number from -2147483648 to 2147483647 (line 1).")]
    [InlineData("{\"format\": \"AutogradForDummies.MLP\", \"version\": 1, \"inputs\": 0, \"layers\": []}", "*: \"inputs\" is 0; it must be at least 1.")]
    [InlineData("{\"format\": \"AutogradForDummies.MLP\", \"version\": 1, \"inputs\": 1.5, \"layers\": []}", "*: inputs is not a whole number*")]
    [InlineData("{\"format\": \"AutogradForDummies.MLP\", \"version\": 1, \"inputs\": 4294967297, \"layers\": []}", "*: inputs is not a whole number*")]
    [InlineData("{\"format\": \"AutogradForDummies.MLP\", \"version\": 1, \"inputs\": 2, \"layers\": []}", "*: \"layers\" is empty; a network has at least one layer.")]
    [InlineData("{\"format\": \"AutogradForDummies.MLP\", \"version\": 1, \"inputs\": 2, \"layers\": null}", "*: at layers (line 1): *'Layers' on the top-level object doesn't allow null values.")]
    [InlineData("{\"format\": \"AutogradForDummies.MLP\", \"version\": 1, \"inputs\": 2, \"layers\": {}}", "*: layers is not an array (line 1).")]
    [InlineData("{\"format\": \"AutogradForDummies.MLP\", \"version\": 1, \"inputs\": 2, \"layers\": [], \"extra\": 1}", "*: at extra (line 1): The JSON property 'extra' could not be mapped to any .NET member contained in the top-level object.")]
    [InlineData("{\"Format\": \"AutogradForDummies.MLP\"}", "*: at Format (line 1): The JSON property 'Format' could not be mapped*")]
    [InlineData("{\"format\": \"AutogradForDummies.MLP\", \"format\": \"AutogradForDummies.MLP\"}", "*: at format (line 1): Duplicate property 'format' encountered during deserialization of the top-level object.")]
    [InlineData("{\"format\": \"AutogradForDummies.Parameters\", \"version\": 1, \"parameters\": {}}", "The model data is a parameters file (\"format\" is \"AutogradForDummies.Parameters\"), not an MLP file; read it with ModelFile.LoadParameters.")]
    public void Garbage_is_rejected_with_a_message_saying_what_is_wrong(string text, string message)
    {
        var model = new MLP(2, [3, 1], seed: 1);
        var before = ParameterBits.Of(model);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        FluentActions.Invoking(() => ModelFile.LoadInto(model, stream)).Should().Throw<InvalidDataException>().WithMessage(message);
        ParameterBits.Of(model).Should().Equal(before);
    }

    [Fact]
    public void Random_bytes_are_rejected()
    {
        var bytes = new byte[500];
        new Random(1).NextBytes(bytes);
        string path = PathOf("noise.bin");
        File.WriteAllBytes(path, bytes);

        FluentActions.Invoking(() => ModelFile.Load(path)).Should().Throw<InvalidDataException>();
    }

    [Theory]
    [InlineData("size", "layers[1] has size 1 but 2 neurons.")]
    [InlineData("zero", "layers[1].size is 0; it must be at least 1.")]
    [InlineData("activation", "layers[1].activation is \"Softplus\"; expected \"Relu\", \"Tanh\", \"Sigmoid\", \"Linear\" or \"LeakyRelu\".")]
    [InlineData("weights", "layers[1].neurons[0] has 2 weights, but the layer takes 3 inputs.")]
    [InlineData("string", "layers[1].neurons[0].weights[1] is not a number (line *).")]
    [InlineData("null", "layers[1].neurons[0].weights[1] is not a number (line *).")]
    [InlineData("huge", "layers[1].neurons[0].weights[2] is Infinity, not a finite number.")]
    [InlineData("-huge", "layers[1].neurons[0].bias is -Infinity, not a finite number.")]
    [InlineData("bias", "at layers[1].neurons[0] (line *): JSON deserialization for a neuron was missing required properties including: 'bias'.")]
    [InlineData("twice", "at layers[1].neurons[0].bias (line *): Duplicate property 'bias' encountered during deserialization of a neuron.")]
    [InlineData("unknown", "at layers[1].neurons[0].gain (line *): The JSON property 'gain' could not be mapped to any .NET member contained in a neuron.")]
    public void A_bad_value_deep_in_the_last_layer_is_found_before_anything_is_changed(string defect, string message)
    {
        var model = new MLP(2, [3, 1], seed: 1);
        using var stream = new MemoryStream();
        ModelFile.Save(model, stream);
        var root = JsonNode.Parse(stream.ToArray())!;
        var last = root["layers"]![1]!;
        var neuron = last["neurons"]![0]!;
        string? raw = null;
        switch (defect)
        {
            case "size": last["neurons"]!.AsArray().Add(neuron.DeepClone()); break;
            case "zero": last["size"] = 0; break;
            case "activation": last["activation"] = "Softplus"; break;
            case "weights": neuron["weights"]!.AsArray().RemoveAt(2); break;
            case "string": neuron["weights"]![1] = "0.5"; break;
            case "null": neuron["weights"]![1] = null; break;
            case "huge": neuron["weights"]![2] = JsonNode.Parse("1e999"); break;
            case "-huge": neuron["bias"] = JsonNode.Parse("-1e400"); break;
            case "bias": neuron.AsObject().Remove("bias"); break;
            case "unknown": neuron["gain"] = 1.0; break;
            default:
                string json = root.ToJsonString();
                raw = json.Insert(json.LastIndexOf("\"bias\":", StringComparison.Ordinal), "\"bias\":1,");
                break;
        }

        var target = new MLP(2, [3, 1], seed: 7);
        var before = ParameterBits.Of(target);
        using var edited = new MemoryStream(Encoding.UTF8.GetBytes(raw ?? root.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));

        FluentActions.Invoking(() => ModelFile.LoadInto(target, edited)).Should().Throw<InvalidDataException>()
            .WithMessage("The model data is not a valid model file: " + message);
        ParameterBits.Of(target).Should().Equal(before);
    }

    [Fact]
    public void Bad_arguments_and_missing_files_are_reported()
    {
        var model = new MLP(2, [3, 1]);

        FluentActions.Invoking(() => ModelFile.Save(null!, PathOf("a.json"))).Should().Throw<ArgumentNullException>().WithParameterName("model");
        FluentActions.Invoking(() => ModelFile.Save(model, " ")).Should().Throw<ArgumentException>().WithParameterName("path");
        FluentActions.Invoking(() => ModelFile.Save(model, (Stream)null!)).Should().Throw<ArgumentNullException>().WithParameterName("stream");
        FluentActions.Invoking(() => ModelFile.Load((string)null!)).Should().Throw<ArgumentException>().WithParameterName("path");
        FluentActions.Invoking(() => ModelFile.LoadInto(null!, PathOf("a.json"))).Should().Throw<ArgumentNullException>().WithParameterName("model");
        FluentActions.Invoking(() => ModelFile.Load(PathOf("missing.json"))).Should().Throw<FileNotFoundException>();
        FluentActions.Invoking(() => ModelFile.LoadInto(model, PathOf("missing.json"))).Should().Throw<FileNotFoundException>();
        FluentActions.Invoking(() => ModelFile.Load(Path.Combine(PathOf("no-such-directory"), "a.json")))
            .Should().Throw<FileNotFoundException>().WithMessage("*a.json*folder does not exist*");
        FluentActions.Invoking(() => ModelFile.Load(_folder.FullName))
            .Should().Throw<ArgumentException>().WithParameterName("path").WithMessage("*names a folder*");
        FluentActions.Invoking(() => ModelFile.LoadInto(model, _folder.FullName))
            .Should().Throw<ArgumentException>().WithParameterName("path").WithMessage("*names a folder*");
        FluentActions.Invoking(() => ModelFile.LoadInto(model, (string)null!)).Should().Throw<ArgumentNullException>().WithParameterName("path");
        FluentActions.Invoking(() => ModelFile.Save(model, _folder.FullName))
            .Should().Throw<ArgumentException>().WithParameterName("path").WithMessage("*names a folder*");
        FluentActions.Invoking(() => ModelFile.Save(model, Path.Combine(PathOf("no-such-directory"), "a.json")))
            .Should().Throw<ArgumentException>().WithParameterName("path").WithMessage("*folder*does not exist*");
        FluentActions.Invoking(() => ModelFile.Save(model, _folder.FullName + Path.DirectorySeparatorChar))
            .Should().Throw<ArgumentException>().WithParameterName("path").WithMessage("*names a folder*");
        _folder.Info.GetFiles().Should().BeEmpty("nothing is written for a bad path");
    }

    [Fact]
    public void Streams_that_cannot_be_written_or_read_are_rejected_naming_the_stream()
    {
        var model = new MLP(2, [3, 1], seed: 1);
        using var readOnly = new MemoryStream(new byte[16], writable: false);
        using var writeOnly = new WriteOnlyStream();

        FluentActions.Invoking(() => ModelFile.Save(model, readOnly)).Should().Throw<ArgumentException>().WithParameterName("stream");
        FluentActions.Invoking(() => ModelFile.Load(writeOnly)).Should().Throw<ArgumentException>().WithParameterName("stream");
        FluentActions.Invoking(() => ModelFile.LoadInto(model, writeOnly)).Should().Throw<ArgumentException>().WithParameterName("stream");
    }

    private sealed class WriteOnlyStream : MemoryStream
    {
        public override bool CanRead => false;
    }
}
