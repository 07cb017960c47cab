using System.Text.Json;

namespace AutogradForDummies.Nn;

/// <summary>
/// A read-only view of a model file's stream that looks at every token on its way to the deserializer and refuses
/// (with <see cref="InvalidDataException"/>, thrown from <see cref="Read(Span{byte})"/>) a file that exceeds its
/// <see cref="ReadBudget"/>, before the deserializer has kept any of the excess. It also remembers the top-level
/// <c>"format"</c> and <c>"version"</c>, so that a file of another format or version is reported as such even when it
/// fails the deserializer first, and whether the bytes are well-formed JSON at all.
/// </summary>
/// <remarks>
/// The deserializer sees exactly the bytes this stream scanned, so both agree on what is JSON; where this stream's
/// reader finds a syntax error it stops scanning and lets the deserializer report it, with the line and position.
/// </remarks>
internal sealed class GuardedJsonStream : Stream
{
    private static readonly byte[] s_byteOrderMark = [0xEF, 0xBB, 0xBF];

    private readonly Stream _inner;
    private readonly ReadBudget _budget;
    private JsonReaderState _state;
    private byte[] _scan = new byte[4096]; // an incomplete token carried over from the last read, then the new bytes
    private int _carried;
    private long _bytes;
    private long _items;
    private bool _started;
    private bool _ended;
    private TopLevel _pending;

    /// <summary>Wraps <paramref name="inner"/>, which stays open when this stream is disposed.</summary>
    /// <param name="inner">A readable stream.</param>
    /// <param name="budget">What the file may hold.</param>
    public GuardedJsonStream(Stream inner, ReadBudget budget)
    {
        _inner = inner;
        _budget = budget;
    }

    private enum TopLevel
    {
        None,
        Format,
        Version,
    }

    /// <summary>Gets the top-level <c>"format"</c> string, if one was read.</summary>
    public string? Format { get; private set; }

    /// <summary>Gets the top-level <c>"version"</c> number, if one was read and is a whole number.</summary>
    public long? Version { get; private set; }

    /// <summary>Gets whether the bytes read are not well-formed JSON, or end before the JSON does.</summary>
    public bool IsMalformed { get; private set; }

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (_ended || IsMalformed || buffer.IsEmpty)
        {
            return 0; // after a syntax error the deserializer stops at it, in the bytes it already has
        }

        int read = _inner.Read(buffer);
        if (read == 0)
        {
            Finish();
            return 0;
        }

        _bytes += read;
        Scan(buffer[..read]);
        if (_bytes > _budget.MaxBytes)
        {
            throw _budget.TooLarge();
        }

        return read;
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Scan(ReadOnlySpan<byte> bytes)
    {
        int length = _carried + bytes.Length;
        if (_scan.Length < length)
        {
            Array.Resize(ref _scan, Math.Max(length, _scan.Length * 2));
        }

        bytes.CopyTo(_scan.AsSpan(_carried));
        var data = _scan.AsSpan(0, length);
        if (!_started)
        {
            if (length < s_byteOrderMark.Length && s_byteOrderMark.AsSpan().StartsWith(data))
            {
                _carried = length; // perhaps the start of a byte order mark, which the deserializer skips
                return;
            }

            _started = true;
            if (data.StartsWith(s_byteOrderMark))
            {
                data = data[s_byteOrderMark.Length..];
            }
        }

        var reader = new Utf8JsonReader(data, isFinalBlock: false, _state);
        try
        {
            while (reader.Read())
            {
                Observe(ref reader);
            }
        }
        catch (JsonException)
        {
            IsMalformed = true;
            return;
        }

        _state = reader.CurrentState;

        // What is left is an incomplete token, after whitespace that can be dropped (it separates tokens).
        var rest = data[(int)reader.BytesConsumed..].TrimStart(" \t\r\n"u8);
        if (rest.Length > _budget.MaxTokenBytes)
        {
            throw _budget.TooLong();
        }

        rest.CopyTo(_scan);
        _carried = rest.Length;
    }

    /// <summary>At the end of the stream: checks that the JSON is complete.</summary>
    private void Finish()
    {
        _ended = true;
        if (IsMalformed)
        {
            return;
        }

        var reader = new Utf8JsonReader(_scan.AsSpan(0, _carried), isFinalBlock: true, _state);
        try
        {
            while (reader.Read())
            {
                Observe(ref reader);
            }

            IsMalformed = reader.CurrentDepth != 0 || reader.TokenType == JsonTokenType.None;
        }
        catch (JsonException)
        {
            IsMalformed = true;
        }
    }

    private void Observe(ref Utf8JsonReader reader)
    {
        _budget.Observe(ref reader);
        var pending = _pending;
        _pending = TopLevel.None;
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                _pending = reader.ValueTextEquals("format"u8) ? TopLevel.Format
                    : reader.ValueTextEquals("version"u8) ? TopLevel.Version
                    : TopLevel.None;
                break;
            case JsonTokenType.StartObject:
                Count(ReadBudget.ObjectItems);
                break;
            case JsonTokenType.StartArray:
                Count(1);
                break;
            case JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                Count(1);

                if (pending == TopLevel.Format && reader.TokenType == JsonTokenType.String)
                {
                    Format ??= TryGetString(ref reader);
                }
                else if (pending == TopLevel.Version && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long version))
                {
                    Version ??= version;
                }

                break;
        }
    }

    private void Count(int items)
    {
        _items += items;
        if (_items > _budget.MaxItems)
        {
            throw _budget.TooManyItems();
        }
    }

    private static string? TryGetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null; // not valid UTF-8: the deserializer reports it
        }
    }
}
