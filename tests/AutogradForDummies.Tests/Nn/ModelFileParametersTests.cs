using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutogradForDummies.Nn;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Nn;

public sealed class ModelFileParametersTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("model-parameters-tests-");

    public void Dispose() => _folder.Dispose();

    private string PathOf(string name) => _folder.PathOf(name);

    private static byte[] Saved(Module module)
    {
        using var stream = new MemoryStream();
        ModelFile.SaveParameters(module, stream);
        return stream.ToArray();
    }

    private static MLP Trained()
    {
        var model = new MLP(2, [4, 1], seed: 8);
        var p = model.Parameters();
        p[0].Data = -0.0;
        p[1].Data = double.Epsilon;
        p[2].Data = 0.1 + 0.2;
        p[3].Data = -double.MaxValue;
        p[4].Data = 2.2250738585072014E-308;
        return model;
    }

    [Fact]
    public void Parameters_of_an_MLP_round_trip_bit_for_bit_into_another_of_the_same_shape()
    {
        var model = Trained();
        var other = new MLP(2, [4, 1], seed: 99);
        string path = PathOf("weights.json");

        ModelFile.SaveParameters(model, path);
        ModelFile.LoadParameters(other, path);

        ParameterBits.Of(other).Should().Equal(ParameterBits.Of(model));
        _folder.Info.GetFiles().Should().ContainSingle("the temporary file is gone");
    }

    [Fact]
    public void The_file_maps_each_dotted_name_to_its_value_in_the_modules_order()
    {
        var neuron = new Neuron(2, Activation.Tanh, seed: 3);

        using var document = JsonDocument.Parse(Saved(neuron));

        var root = document.RootElement;
        root.GetProperty("format").GetString().Should().Be("AutogradForDummies.Parameters").And.Be(ModelFile.ParametersFormatName);
        root.GetProperty("version").GetInt32().Should().Be(1).And.Be(ModelFile.ParametersFormatVersion);
        var parameters = root.GetProperty("parameters").EnumerateObject().ToList();
        parameters.Select(p => p.Name).Should().Equal(neuron.NamedParameters().Select(p => p.Key)).And.Equal("w.0", "w.1", "b");
        parameters.Select(p => p.Value.GetDouble()).Should().Equal(neuron.Parameters().Select(p => p.Data));
    }

    [Fact]
    public void Any_module_loads_by_name_whatever_the_order_of_the_file()
    {
        var layer = new Layer(3, 2, Activation.Sigmoid, seed: 4);
        var root = JsonNode.Parse(Saved(layer))!;
        var entries = root["parameters"]!.AsObject().Reverse().Select(p => (p.Key, Value: p.Value!.GetValue<double>())).ToList();
        var reversed = new JsonObject();
        foreach (var (key, value) in entries)
        {
            reversed[key] = value;
        }

        root["parameters"] = reversed;
        var other = new Layer(3, 2, Activation.Sigmoid, seed: 5);

        ModelFile.LoadParameters(other, new MemoryStream(Encoding.UTF8.GetBytes(root.ToJsonString())));

        ParameterBits.Of(other).Should().Equal(ParameterBits.Of(layer));
    }

    [Fact]
    public void A_module_of_your_own_saves_and_loads_including_a_parameter_it_lists_twice()
    {
        var module = new Tied(1.5, -2.0);
        var copy = new Tied(0, 0);

        ModelFile.LoadParameters(copy, new MemoryStream(Saved(module)));

        copy.Parameters().Select(p => p.Data).Should().Equal(1.5, 1.5, -2.0);
    }

    [Fact]
    public void Two_names_of_one_parameter_with_different_values_are_refused()
    {
        var module = new Tied(1.0, 2.0);
        string text = """{"format": "AutogradForDummies.Parameters", "version": 1, "parameters": {"encoder.w": 1, "decoder.w": 3, "decoder.b": 2}}""";

        FluentActions.Invoking(() => ModelFile.LoadParameters(module, new MemoryStream(Encoding.UTF8.GetBytes(text))))
            .Should().Throw<InvalidDataException>()
            .WithMessage("The model data gives \"encoder.w\" and \"decoder.w\", which are the same parameter of the module, different values; nothing was changed.");
        module.Parameters().Select(p => p.Data).Should().Equal(1.0, 1.0, 2.0);
    }

    [Fact]
    public void Missing_unknown_and_repeated_names_are_all_named_and_the_module_is_unchanged()
    {
        var model = new MLP(2, [3, 1], seed: 1);
        var before = ParameterBits.Of(model);
        string text = """
            {"format": "AutogradForDummies.Parameters", "version": 1, "parameters": {
              "layers.0.neurons.0.w.0": 1, "layers.0.neurons.0.w.0": 2, "layers.0.neurons.0.w.1": 1, "layers.0.neurons.0.b": 1,
              "layers.0.neurons.1.w.0": 1, "layers.0.neurons.1.w.1": 1, "layers.0.neurons.1.b": 1,
              "layers.0.neurons.2.w.0": 1, "layers.0.neurons.2.w.1": 1,
              "layers.1.neurons.0.w.0": 1, "layers.1.neurons.0.w.1": 1, "layers.1.neurons.0.w.2": 1, "layers.1.neurons.0.b": 1,
              "layers.1.neurons.0.w.3": 1, "layers.2.neurons.0.b": 0}}
            """;

        FluentActions.Invoking(() => ModelFile.LoadParameters(model, new MemoryStream(Encoding.UTF8.GetBytes(text))))
            .Should().Throw<InvalidDataException>()
            .WithMessage("The model data does not hold exactly the module's 13 parameters: it lacks the name \"layers.0.neurons.2.b\"; "
                + "it has the names \"layers.1.neurons.0.w.3\" and \"layers.2.neurons.0.b\", which the module does not; "
                + "it gives the name \"layers.0.neurons.0.w.0\" more than once. Nothing was changed.");
        ParameterBits.Of(model).Should().Equal(before);
    }

    [Fact]
    public void A_long_list_of_missing_names_is_shortened()
    {
        var model = new MLP(2, [3, 1], seed: 1);
        string text = """{"format": "AutogradForDummies.Parameters", "version": 1, "parameters": {}}""";

        FluentActions.Invoking(() => ModelFile.LoadParameters(model, new MemoryStream(Encoding.UTF8.GetBytes(text))))
            .Should().Throw<InvalidDataException>()
            .WithMessage("*it lacks the names \"layers.0.neurons.0.w.0\", \"layers.0.neurons.0.w.1\", \"layers.0.neurons.0.b\", "
                + "\"layers.0.neurons.1.w.0\", \"layers.0.neurons.1.w.1\" and 8 more. Nothing was changed.");
    }

    [Fact]
    public void A_module_that_repeats_a_name_can_be_neither_saved_nor_loaded()
    {
        var module = new Repeating();
        using var stream = new MemoryStream();

        FluentActions.Invoking(() => ModelFile.SaveParameters(module, stream)).Should().Throw<ArgumentException>()
            .WithParameterName("module").WithMessage("Repeating lists the name \"w\" more than once among its parameters*");
        FluentActions.Invoking(() => ModelFile.SaveParameters(module, PathOf("r.json"))).Should().Throw<ArgumentException>().WithParameterName("module");
        FluentActions.Invoking(() => ModelFile.LoadParameters(module, stream)).Should().Throw<ArgumentException>().WithParameterName("module");
        stream.Length.Should().Be(0);
        _folder.Info.GetFiles().Should().BeEmpty();
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_module_with_a_non_finite_parameter_is_refused_and_nothing_is_written(double bad)
    {
        var neuron = new Neuron(2, seed: 1);
        neuron.Parameters()[1].Data = bad;
        string path = PathOf("weights.json");
        File.WriteAllText(path, "previous");
        using var stream = new MemoryStream();

        FluentActions.Invoking(() => ModelFile.SaveParameters(neuron, path)).Should().Throw<ArgumentException>()
            .WithParameterName("module").WithMessage("Parameter w.1 is *cannot be saved*");
        FluentActions.Invoking(() => ModelFile.SaveParameters(neuron, stream)).Should().Throw<ArgumentException>().WithParameterName("module");

        File.ReadAllText(path).Should().Be("previous");
        stream.Length.Should().Be(0);
    }

    [Theory]
    [InlineData("\"b\": 1e999", "The model data is not a valid model file: parameter \"b\" is Infinity, not a finite number.")]
    [InlineData("\"b\": \"1\"", "The model data is not a valid model file: at parameters (line 1): Parameter \"b\" is a JSON String, not a number.")]
    [InlineData("\"b\": null", "The model data is not a valid model file: at parameters (line 1): Parameter \"b\" is a JSON Null, not a number.")]
    [InlineData("\"b\": [1]", "The model data is not a valid model file: at parameters (line 1): Parameter \"b\" is a JSON StartArray, not a number.")]
    public void A_value_that_is_not_a_finite_number_is_refused(string entry, string message)
    {
        var neuron = new Neuron(1, seed: 1);
        var before = ParameterBits.Of(neuron);
        string text = """{"format": "AutogradForDummies.Parameters", "version": 1, "parameters": {"w.0": 1, """ + entry + "}}";

        FluentActions.Invoking(() => ModelFile.LoadParameters(neuron, new MemoryStream(Encoding.UTF8.GetBytes(text))))
            .Should().Throw<InvalidDataException>().WithMessage(message);
        ParameterBits.Of(neuron).Should().Equal(before);
    }

    [Theory]
    [InlineData("""{"format": "AutogradForDummies.Parameters", "version": 1, "parameters": []}""", "*: at parameters (line 1): \"parameters\" is a JSON StartArray, not an object of names and numbers.")]
    [InlineData("""{"format": "AutogradForDummies.Parameters", "version": 3, "parameters": {}, "optimizer": {}}""", "*format version 3, written by a newer library; this one reads version 1.")]
    [InlineData("""{"format": "AutogradForDummies.Parameters", "version": 1}""", "*missing required properties including: 'parameters'.")]
    [InlineData("""{"format": "AutogradForDummies.Parameters", "version": 1, "parameters": {}, "parameters": {}}""", "*Duplicate property 'parameters'*")]
    public void A_malformed_parameters_file_is_refused_saying_why(string text, string message)
    {
        FluentActions.Invoking(() => ModelFile.LoadParameters(new Neuron(1, seed: 1), new MemoryStream(Encoding.UTF8.GetBytes(text))))
            .Should().Throw<InvalidDataException>().WithMessage(message);
    }

    [Fact]
    public void An_MLP_file_is_not_a_parameters_file_and_the_message_says_which_method_reads_it()
    {
        var model = new MLP(2, [3, 1], seed: 1);
        string path = PathOf("model.json");
        ModelFile.Save(model, path);

        FluentActions.Invoking(() => ModelFile.LoadParameters(model, path)).Should().Throw<InvalidDataException>()
            .WithMessage("'*model.json' is an MLP file (\"format\" is \"AutogradForDummies.MLP\"), not a parameters file; read it with ModelFile.Load or ModelFile.LoadInto.");
    }

    [Fact]
    public void Bad_arguments_and_paths_are_reported_naming_the_argument()
    {
        var neuron = new Neuron(2, seed: 1);
        using var readOnly = new MemoryStream(new byte[4], writable: false);

        FluentActions.Invoking(() => ModelFile.SaveParameters(null!, PathOf("a.json"))).Should().Throw<ArgumentNullException>().WithParameterName("module");
        FluentActions.Invoking(() => ModelFile.SaveParameters(neuron, (string)null!)).Should().Throw<ArgumentNullException>().WithParameterName("path");
        FluentActions.Invoking(() => ModelFile.SaveParameters(neuron, (Stream)null!)).Should().Throw<ArgumentNullException>().WithParameterName("stream");
        FluentActions.Invoking(() => ModelFile.SaveParameters(neuron, readOnly)).Should().Throw<ArgumentException>().WithParameterName("stream");
        FluentActions.Invoking(() => ModelFile.SaveParameters(neuron, _folder.FullName)).Should().Throw<ArgumentException>().WithParameterName("path");
        FluentActions.Invoking(() => ModelFile.LoadParameters(null!, PathOf("a.json"))).Should().Throw<ArgumentNullException>().WithParameterName("module");
        FluentActions.Invoking(() => ModelFile.LoadParameters(neuron, " ")).Should().Throw<ArgumentException>().WithParameterName("path");
        FluentActions.Invoking(() => ModelFile.LoadParameters(neuron, (Stream)null!)).Should().Throw<ArgumentNullException>().WithParameterName("stream");
        FluentActions.Invoking(() => ModelFile.LoadParameters(neuron, _folder.FullName))
            .Should().Throw<ArgumentException>().WithParameterName("path").WithMessage("*names a folder*");
        FluentActions.Invoking(() => ModelFile.LoadParameters(neuron, PathOf("missing.json"))).Should().Throw<FileNotFoundException>();
        _folder.Info.GetFileSystemInfos().Should().BeEmpty();
    }

    /// <summary>A module of a user's own that shares one weight between two names (tied weights).</summary>
    private sealed class Tied(double w, double b) : Module
    {
        private readonly Scalar _w = new(w);
        private readonly Scalar _b = new(b);

        protected override IEnumerable<KeyValuePair<string, Scalar>> ListNamedParameters() =>
            [new("encoder.w", _w), new("decoder.w", _w), new("decoder.b", _b)];
    }

    /// <summary>A module whose names collide, which no file can describe.</summary>
    private sealed class Repeating : Module
    {
        protected override IEnumerable<KeyValuePair<string, Scalar>> ListNamedParameters() =>
            [new("w", new Scalar(1)), new("w", new Scalar(2))];
    }
}
