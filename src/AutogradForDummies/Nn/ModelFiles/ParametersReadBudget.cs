using System.Text;

namespace AutogradForDummies.Nn;

/// <summary>The budget for a parameters file read into a module: its items are the top-level object, the format, the
/// version, the <c>"parameters"</c> object and a number per parameter, whose names may each be spelled with escapes
/// (six bytes for each byte of the name at the most).</summary>
internal sealed class ParametersReadBudget : ReadBudget
{
    private const int MaxBytesPerNameByte = 6; // "\u00e9" spells one character in six bytes

    private readonly int _parameters;
    private readonly long _nameBytes;
    private readonly int _maxTokenBytes;

    /// <summary>Creates the budget for a parameters file of <paramref name="module"/>.</summary>
    /// <param name="source">Names the file or stream at the start of messages.</param>
    /// <param name="module">The module the file is read into.</param>
    public ParametersReadBudget(string source, Module module)
        : base(source)
    {
        var named = module.NamedParameters();
        _parameters = named.Count;
        int longest = 0;
        foreach (var (name, _) in named)
        {
            int bytes = Encoding.UTF8.GetByteCount(name) * MaxBytesPerNameByte;
            _nameBytes += bytes;
            longest = Math.Max(longest, bytes);
        }

        _maxTokenBytes = Math.Max(base.MaxTokenBytes, longest + 2);
    }

    /// <inheritdoc/>
    public override long MaxItems => (2 * ObjectItems) + 2 + _parameters + Slack;

    /// <inheritdoc/>
    public override long MaxBytes => base.MaxBytes + _nameBytes;

    /// <inheritdoc/>
    public override int MaxTokenBytes => _maxTokenBytes;

    /// <inheritdoc/>
    protected override string Subject => $"the module's {_parameters} parameters";

    /// <inheritdoc/>
    protected override string Outcome => "; nothing was changed";
}
