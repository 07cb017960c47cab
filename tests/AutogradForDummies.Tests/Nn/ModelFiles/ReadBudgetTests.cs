using AutogradForDummies.Nn;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Nn.ModelFiles;

/// <summary>
/// Files far larger than any model of their shape, 200 MB each, generated as they are read: each is refused after
/// reading a small part of it, allocating little. (Memory is measured with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/>; time is not asserted, but the bytes read bound it.)
/// </summary>
public sealed class ReadBudgetTests
{
    private const long Huge = 200_000_000;
    private const long MaxAllocated = 4_000_000;
    private const long MaxRead = 2_000_000;

    private const string Head = """{"format": "AutogradForDummies.MLP", "version": 1, "inputs": 2, "layers": [""";

    private static readonly MLP s_small = new(2, [3, 1], seed: 1);

    static ReadBudgetTests()
    {
        // The first use of the serializer builds its metadata; measure what reading costs, not that.
        using var stream = new MemoryStream();
        ModelFile.Save(s_small, stream);
        stream.Position = 0;
        ModelFile.Load(stream);
        ModelFile.LoadParameters(s_small, new MemoryStream(ParametersOf(s_small)));
    }

    private static byte[] ParametersOf(Module module)
    {
        using var stream = new MemoryStream();
        ModelFile.SaveParameters(module, stream);
        return stream.ToArray();
    }

    /// <summary>Runs <paramref name="load"/> on the stream, which must refuse it; returns the message.</summary>
    private static string RefusedCheaply(GeneratedStream stream, Action<Stream> load)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var thrown = FluentActions.Invoking(() => load(stream)).Should().Throw<InvalidDataException>().Which;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThan(MaxAllocated, "refusing the file allocates little");
        stream.BytesRead.Should().BeLessThan(MaxRead, "the file is refused long before its end");
        return thrown.Message;
    }

    private static GeneratedStream HugeWeights() => new(
        Head + """{"size": 3, "activation": "Relu", "neurons": [{"weights": [""", "0,", Huge, "0], \"bias\": 0}]}]}");

    [Fact]
    public void Load_refuses_numbers_beyond_what_the_declared_layers_hold()
    {
        string message = RefusedCheaply(HugeWeights(), s => ModelFile.Load(s));

        message.Should().Be("The model data holds more numbers and objects than a model file of the architecture it declares "
            + "(2 inputs and layers [3] so far) can: it is damaged or holds another model.");
    }

    [Fact]
    public void Load_refuses_short_numbers_as_early_as_long_ones()
    {
        var longNumbers = new GeneratedStream(
            Head + """{"size": 3, "activation": "Relu", "neurons": [{"weights": [""", "-2.2250738585072014E-308, ", Huge);

        RefusedCheaply(longNumbers, s => ModelFile.Load(s)).Should().Contain("holds more numbers and objects");
    }

    [Fact]
    public void LoadInto_refuses_a_file_larger_than_any_file_of_the_model()
    {
        var model = new MLP(2, [3, 1], seed: 2);
        var before = model.Parameters().Select(p => p.Data).ToArray();

        string message = RefusedCheaply(HugeWeights(), s => ModelFile.LoadInto(model, s));

        message.Should().Be("The model data holds more numbers and objects than a model file of the model's architecture "
            + "(2 inputs and layers [3 Relu, 1 Linear]) can: it is damaged or holds another model; nothing was changed.");
        model.Parameters().Select(p => p.Data).Should().Equal(before);
    }

    [Fact]
    public void LoadInto_refuses_a_whole_file_of_a_much_larger_network_early()
    {
        // A valid file for 2 inputs and layers [100000, 1], written out as it is read: far more than [3, 1] can hold.
        var neuron = """{"weights": [0.5, -0.25], "bias": 0.125}, """;
        var file = new GeneratedStream(Head + """{"size": 100000, "activation": "Relu", "neurons": [""", neuron, Huge);

        RefusedCheaply(file, s => ModelFile.LoadInto(s_small, s)).Should().Contain("the model's architecture");
    }

    [Fact]
    public void Load_refuses_a_network_declared_too_large_to_build_before_reading_its_numbers()
    {
        var file = new GeneratedStream(
            """{"format": "AutogradForDummies.MLP", "version": 1, "inputs": 2000000000, "layers": [{"size": 2000000000, "activation": "Relu", "neurons": [{"weights": [""",
            "0,", Huge);

        string message = RefusedCheaply(file, s => ModelFile.Load(s));

        message.Should().Be("The model data declares a network larger than ModelFile.Load builds from a file (up to about "
            + "4,194,304 parameters; it declares 2000000000 inputs and layers [2000000000] so far); load it into a "
            + "network of that architecture with ModelFile.LoadInto.");
    }

    [Fact]
    public void Load_stops_a_network_of_endless_one_neuron_layers_at_its_bound()
    {
        var layer = """{"size": 1, "activation": "Relu", "neurons": [{"weights": [0], "bias": 0}]}, """;
        var file = new GeneratedStream(Head.Replace("\"inputs\": 2", "\"inputs\": 1", StringComparison.Ordinal), layer, Huge);

        long before = GC.GetAllocatedBytesForCurrentThread();
        FluentActions.Invoking(() => ModelFile.Load(file)).Should().Throw<InvalidDataException>()
            .WithMessage("The model data declares a network larger than ModelFile.Load builds from a file (up to about 4,194,304 "
                + "parameters; it declares 1 inputs and layers [1, 1, 1, 1, 1, 1, 1, 1, ... (*,* layers)] so far); load it *");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Every layer is valid, so only the bound on what Load builds stops it: 2^22 items, each kept by the
        // deserializer in some 24 bytes at the most.
        allocated.Should().BeLessThan(NetworkReadBudget.MaxDeclaredItems * 24);
        file.BytesRead.Should().BeLessThan(NetworkReadBudget.MaxDeclaredItems * 3);
    }

    [Fact]
    public void A_single_huge_string_is_refused_before_it_is_kept()
    {
        var file = new GeneratedStream("""{"format": "AutogradForDummies.""", "MLP", Huge);

        RefusedCheaply(file, s => ModelFile.Load(s)).Should().Be(
            "The model data holds a single value of more than 1,024 bytes, longer than any in a model file: it is damaged.");
    }

    [Fact]
    public void A_single_huge_number_is_refused_before_it_is_kept()
    {
        var file = new GeneratedStream(Head + """{"size": 1""", "0", Huge);

        RefusedCheaply(file, s => ModelFile.LoadInto(s_small, s)).Should().Contain("a single value of more than 1,024 bytes");
    }

    [Fact]
    public void Whitespace_without_end_is_refused_by_size()
    {
        var file = new GeneratedStream(Head, "        \r\n", Huge);

        RefusedCheaply(file, s => ModelFile.Load(s)).Should().StartWith(
            "The model data is larger than a model file of the architecture it declares (2 inputs and layers [] so far) can be (");
    }

    [Fact]
    public void A_huge_object_of_unknown_parameters_is_refused_by_LoadParameters()
    {
        var module = new Layer(2, 3, seed: 1);
        var before = module.Parameters().Select(p => p.Data).ToArray();
        var file = new GeneratedStream(
            """{"format": "AutogradForDummies.Parameters", "version": 1, "parameters": {""", "\"x\": 1, ", Huge);

        RefusedCheaply(file, s => ModelFile.LoadParameters(module, s)).Should().Be(
            "The model data holds more numbers and objects than a model file of the module's 9 parameters can: it is "
            + "damaged or holds another model; nothing was changed.");
        module.Parameters().Select(p => p.Data).Should().Equal(before);
    }

    [Fact]
    public void A_huge_parameter_name_is_refused_by_LoadParameters()
    {
        var file = new GeneratedStream(
            """{"format": "AutogradForDummies.Parameters", "version": 1, "parameters": {"w""", "w", Huge);

        RefusedCheaply(file, s => ModelFile.LoadParameters(new Neuron(2, seed: 1), s)).Should().Contain("a single value of more than");
    }

    [Fact]
    public void The_bounds_let_a_generously_spaced_hand_edited_file_through()
    {
        // Every number on its own line, deeply indented with CRLF line ends, spelled with all of its digits.
        string text = """{"format": "AutogradForDummies.MLP", "version": 1, "inputs": 2, "layers": [""" + string.Join(", ",
            Enumerable.Range(0, 2).Select(i => $$"""{"size": 64, "activation": "Relu", "neurons": [{{string.Join(", ",
                Enumerable.Repeat($$"""{"weights": [{{string.Join(",", Enumerable.Repeat("\r\n" + new string(' ', 40) + "0.10000000000000000555111512312578270211815834045410156250", i == 0 ? 2 : 64))}}], "bias": 0}""", 64))}}]}""")) + "]}";

        var loaded = ModelFile.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));

        loaded.LayerSizes.Should().Equal(64, 64);
        loaded.Parameters()[0].Data.Should().Be(0.1);
    }
}
