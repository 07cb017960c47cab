using System.Text;

namespace AutogradForDummies.Tests.Nn.ModelFiles;

/// <summary>
/// A large file that is never held in memory: <c>head</c>, then <c>unit</c> over and over until the stream is
/// <c>length</c> bytes long, then <c>tail</c>. Counts how many bytes were read from it.
/// </summary>
internal sealed class GeneratedStream : Stream
{
    private readonly byte[] _head;
    private readonly byte[] _unit;
    private readonly byte[] _tail;
    private readonly long _bodyEnd;
    private long _position;

    public GeneratedStream(string head, string unit, long length, string tail = "")
    {
        _head = Encoding.UTF8.GetBytes(head);
        _unit = Encoding.UTF8.GetBytes(unit);
        _tail = Encoding.UTF8.GetBytes(tail);
        _bodyEnd = length - _tail.Length;
        Length = length;
    }

    /// <summary>Gets how many bytes have been read.</summary>
    public long BytesRead => _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int written = 0;
        while (written < buffer.Length && _position < Length)
        {
            buffer[written++] = _position < _head.Length ? _head[_position]
                : _position < _bodyEnd ? _unit[(_position - _head.Length) % _unit.Length]
                : _tail[_position - _bodyEnd];
            _position++;
        }

        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
