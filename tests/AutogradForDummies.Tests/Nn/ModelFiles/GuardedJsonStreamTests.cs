using System.Text;
using AutogradForDummies.Nn;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Nn.ModelFiles;

public sealed class GuardedJsonStreamTests
{
    private static GuardedJsonStream Guard(Stream inner, long maxItems = 1_000_000) => new(inner, new Budget(maxItems));

    private static GuardedJsonStream Guard(string json, long maxItems = 1_000_000) =>
        Guard(new MemoryStream(Encoding.UTF8.GetBytes(json)), maxItems);

    private static byte[] ReadAll(Stream stream, int chunk)
    {
        var output = new MemoryStream();
        var buffer = new byte[chunk];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public void Hands_on_every_byte_unchanged_however_the_reads_split_the_tokens(int chunk)
    {
        byte[] json = Encoding.UTF8.GetBytes("""{"format": "AutogradForDummies.MLP", "version": 1, "x": [1.5e-300, "s\u00e9", true, null, {"format": 2}]}""");
        using var guard = Guard(new MemoryStream(json));

        ReadAll(guard, chunk).Should().Equal(json);
        guard.IsMalformed.Should().BeFalse();
        guard.Format.Should().Be("AutogradForDummies.MLP", "only the top level's format counts");
        guard.Version.Should().Be(1);
    }

    [Theory]
    [InlineData("{\"a\": [1, 2")]
    [InlineData("{\"a\": tru")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{} {}")]
    [InlineData("{\"a\": 1,}")]
    public void Tells_when_the_bytes_are_not_complete_well_formed_JSON(string json)
    {
        using var guard = Guard(json);

        ReadAll(guard, 2);

        guard.IsMalformed.Should().BeTrue();
    }

    [Fact]
    public void Stops_reading_at_a_syntax_error_and_leaves_the_deserializer_to_report_it()
    {
        var inner = new GeneratedStream("{\"a\": trux", " ", 200_000_000);
        using var guard = Guard(inner);

        ReadAll(guard, 4096).Length.Should().Be(4096);

        guard.IsMalformed.Should().BeTrue();
        inner.BytesRead.Should().Be(4096);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(64)]
    public void Skips_a_byte_order_mark_as_the_deserializer_does(int chunk)
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"format": "f", "version": 7}""")];
        using var guard = Guard(new MemoryStream(json));

        ReadAll(guard, chunk).Should().Equal(json);

        guard.IsMalformed.Should().BeFalse();
        guard.Format.Should().Be("f");
        guard.Version.Should().Be(7);
    }

    [Fact]
    public void Counts_an_object_as_many_items_and_a_value_or_array_as_one()
    {
        string json = "{\"a\": [1, 2, 3], \"b\": {}}"; // 2 objects, 1 array, 3 numbers
        long items = (2 * ReadBudget.ObjectItems) + 1 + 3;

        FluentActions.Invoking(() => ReadAll(Guard(json, items), 4096)).Should().NotThrow();
        FluentActions.Invoking(() => ReadAll(Guard(json, items - 1), 4096)).Should().Throw<InvalidDataException>()
            .WithMessage("The test data holds more numbers and objects than a model file of a test can*");
    }

    [Fact]
    public void A_read_of_no_bytes_is_not_the_end_of_the_stream()
    {
        using var guard = Guard("{\"format\": \"f\"}");

        guard.Read([]).Should().Be(0);
        ReadAll(guard, 64).Length.Should().Be(15);

        guard.IsMalformed.Should().BeFalse();
        guard.Format.Should().Be("f");
    }

    [Fact]
    public void Leaves_the_inner_stream_open()
    {
        var inner = new MemoryStream(Encoding.UTF8.GetBytes("{}"));

        Guard(inner).Dispose();

        inner.CanRead.Should().BeTrue();
    }

    private sealed class Budget(long maxItems) : ReadBudget("The test data")
    {
        public override long MaxItems => maxItems;

        protected override string Subject => "a test";

        protected override string Outcome => string.Empty;
    }
}
