using System.Text;
using AutogradForDummies.Nn;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Nn;

/// <summary>
/// Damaged files, as disks, networks and editors damage them: every truncation and every single-bit flip of a real
/// file, invalid UTF-8, a file read a byte at a time. Whatever the damage, the outcome is a loaded model or an
/// <see cref="InvalidDataException"/> with the model untouched: never another exception, never a half-updated model.
/// </summary>
public sealed class ModelFileDamageTests
{
    private static byte[] MlpFile(MLP model)
    {
        using var stream = new MemoryStream();
        ModelFile.Save(model, stream);
        return stream.ToArray();
    }

    private static byte[] ParametersFile(Module module)
    {
        using var stream = new MemoryStream();
        ModelFile.SaveParameters(module, stream);
        return stream.ToArray();
    }

    /// <summary>Loads <paramref name="bytes"/> every way into <paramref name="model"/>; each attempt either succeeds or
    /// throws <see cref="InvalidDataException"/> leaving the model as it was.</summary>
    /// <returns>Whether <see cref="ModelFile.LoadInto(MLP, Stream)"/> refused the bytes.</returns>
    private static bool LoadsOrRefusesCleanly(byte[] bytes, MLP model, string because)
    {
        bool refused = false;
        var before = ParameterBits.Of(model);
        try
        {
            ModelFile.LoadInto(model, new MemoryStream(bytes));
            model.Parameters().Should().OnlyContain(p => double.IsFinite(p.Data), because);
        }
        catch (InvalidDataException)
        {
            ParameterBits.Of(model).Should().Equal(before, because);
            refused = true;
        }

        try
        {
            ModelFile.Load(new MemoryStream(bytes)).Parameters().Should().OnlyContain(p => double.IsFinite(p.Data), because);
        }
        catch (InvalidDataException)
        {
        }

        before = ParameterBits.Of(model);
        try
        {
            ModelFile.LoadParameters(model, new MemoryStream(bytes));
        }
        catch (InvalidDataException)
        {
            ParameterBits.Of(model).Should().Equal(before, because);
        }

        return refused;
    }

    [Fact]
    public void Every_single_bit_flip_of_an_MLP_file_loads_or_is_refused_cleanly()
    {
        var model = new MLP(2, [2, 1], seed: 1);
        model.Parameters()[0].Data = -0.0;
        model.Parameters()[1].Data = double.Epsilon;
        byte[] bytes = MlpFile(model);
        var target = new MLP(2, [2, 1], seed: 2);
        int refused = 0;

        for (int offset = 0; offset < bytes.Length; offset++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                byte[] damaged = (byte[])bytes.Clone();
                damaged[offset] ^= (byte)(1 << bit);
                if (LoadsOrRefusesCleanly(damaged, target, $"bit {bit} of byte {offset} flipped"))
                {
                    refused++;
                }
            }
        }

        refused.Should().BeGreaterThan(bytes.Length * 6, "most flips break the file and are noticed");
    }

    [Fact]
    public void Every_single_bit_flip_of_a_parameters_file_loads_or_is_refused_cleanly()
    {
        var layer = new Layer(2, 2, Activation.Tanh, seed: 1);
        byte[] bytes = ParametersFile(layer);
        var target = new Layer(2, 2, Activation.Tanh, seed: 2);

        for (int offset = 0; offset < bytes.Length; offset++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                byte[] damaged = (byte[])bytes.Clone();
                damaged[offset] ^= (byte)(1 << bit);
                var before = ParameterBits.Of(target);
                try
                {
                    ModelFile.LoadParameters(target, new MemoryStream(damaged));
                    target.Parameters().Should().OnlyContain(p => double.IsFinite(p.Data));
                }
                catch (InvalidDataException)
                {
                    ParameterBits.Of(target).Should().Equal(before, $"bit {bit} of byte {offset} flipped");
                }
            }
        }
    }

    [Fact]
    public void Every_truncation_of_a_parameters_file_is_refused_and_leaves_the_module_unchanged()
    {
        var layer = new Layer(2, 2, Activation.Tanh, seed: 1);
        byte[] bytes = ParametersFile(layer);
        var target = new Layer(2, 2, Activation.Tanh, seed: 2);
        var before = ParameterBits.Of(target);

        for (int length = 0; length < bytes.Length; length++)
        {
            FluentActions.Invoking(() => ModelFile.LoadParameters(target, new MemoryStream(bytes, 0, length)))
                .Should().Throw<InvalidDataException>($"{length} of {bytes.Length} bytes are not a parameters file");
        }

        ParameterBits.Of(target).Should().Equal(before);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC3 })] // the first byte of a two-byte sequence, alone
    [InlineData(new byte[] { 0xC0, 0xAF })] // an overlong '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a UTF-16 surrogate, encoded
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // beyond U+10FFFF
    public void Invalid_UTF_8_inside_any_string_is_refused(byte[] invalid)
    {
        var model = new MLP(2, [2, 1], seed: 1);
        byte[] mlp = MlpFile(model);
        byte[] parameters = ParametersFile(model);
        var places = new (byte[] File, string After)[]
        {
            (mlp, "\"AutogradForDummies."), // in the format's value
            (mlp, "\"Re"), // in an activation's name
            (mlp, "\"wei"), // in a property name
            (parameters, "\"layers.0.neu"), // in a parameter's name
        };

        foreach (var (file, after) in places)
        {
            byte[] damaged = Insert(file, after, invalid);
            var before = ParameterBits.Of(model);
            FluentActions.Invoking(() => ModelFile.LoadInto(model, new MemoryStream(damaged))).Should().Throw<InvalidDataException>(after);
            FluentActions.Invoking(() => ModelFile.Load(new MemoryStream(damaged))).Should().Throw<InvalidDataException>(after);
            FluentActions.Invoking(() => ModelFile.LoadParameters(model, new MemoryStream(damaged))).Should().Throw<InvalidDataException>(after);
            ParameterBits.Of(model).Should().Equal(before);
        }
    }

    [Fact]
    public void Invalid_UTF_8_in_a_value_is_reported_as_such()
    {
        byte[] damaged = Insert(MlpFile(new MLP(2, [2, 1], seed: 1)), "\"Re", [0xFF]);

        FluentActions.Invoking(() => ModelFile.Load(new MemoryStream(damaged))).Should().Throw<InvalidDataException>()
            .WithMessage("The model data is not a valid model file: layers[0].activation is not valid UTF-8 text (line *).");
    }

    [Theory]
    [InlineData("\"layers\":", "\"layers\":\"\n\",")] // a raw line break inside a string
    [InlineData("\"layers\":", "\"layers\":[1,],")] // a trailing comma
    [InlineData("\"layers\":", "\"layers\":NaN,")] // a number JSON does not have
    [InlineData("\"layers\":", "\"layers\":0x10,")]
    [InlineData("\"layers\":", "\"layers\":01,")]
    public void Whatever_JSON_does_not_allow_is_refused_as_invalid_JSON(string find, string replacement)
    {
        string text = Encoding.UTF8.GetString(MlpFile(new MLP(2, [2, 1], seed: 1))).Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("\n", string.Empty, StringComparison.Ordinal);
        int at = text.IndexOf(find, StringComparison.Ordinal);
        string damaged = text[..at] + replacement + text[(at + find.Length)..];

        FluentActions.Invoking(() => ModelFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(damaged))))
            .Should().Throw<InvalidDataException>().WithMessage("The model data is not valid JSON*");
    }

    [Fact]
    public void A_file_that_arrives_a_byte_at_a_time_loads_exactly_as_a_whole_one()
    {
        var model = new MLP(3, [5, 4, 2], seed: 3);
        model.Parameters()[7].Data = -0.0;
        model.Parameters()[8].Data = double.Epsilon;
        byte[] mlp = [0xEF, 0xBB, 0xBF, .. MlpFile(model)]; // with a byte order mark, as some editors save it
        byte[] parameters = ParametersFile(model);

        var loaded = ModelFile.Load(new TrickleStream(mlp));
        var copy = new MLP(3, [5, 4, 2], seed: 9);
        ModelFile.LoadParameters(copy, new TrickleStream(parameters));

        ParameterBits.Of(loaded).Should().Equal(ParameterBits.Of(model));
        ParameterBits.Of(copy).Should().Equal(ParameterBits.Of(model));
    }

    [Fact]
    public void Random_bytes_of_every_length_are_refused()
    {
        var random = new Random(7);
        var model = new MLP(2, [2, 1], seed: 1);
        for (int length = 0; length < 300; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            LoadsOrRefusesCleanly(bytes, model, $"{length} random bytes").Should().BeTrue();
        }
    }

    private static byte[] Insert(byte[] file, string after, byte[] bytes)
    {
        int at = Encoding.UTF8.GetString(file).IndexOf(after, StringComparison.Ordinal) + after.Length;
        return [.. file[..at], .. bytes, .. file[at..]];
    }

    /// <summary>Hands out its bytes one at a time, so that every token straddles reads.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(1, buffer.Length)]);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(1, count));
    }
}
