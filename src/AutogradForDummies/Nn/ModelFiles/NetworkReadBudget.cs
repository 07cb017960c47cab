using System.Globalization;
using System.Text.Json;

namespace AutogradForDummies.Nn;

/// <summary>
/// The budget for an MLP file. Loading into a model, the model's architecture sets it. Loading without one, the
/// file's own declarations do, as they are read: <c>"inputs"</c>, and each layer's <c>"size"</c>, which
/// <see cref="ModelFile.Save(MLP, Stream)"/> writes before the neurons they account for. A file whose contents
/// outrun its declarations is refused there, before the deserializer keeps them; so is one that declares a network
/// of more than <see cref="MaxDeclaredItems"/> items.
/// </summary>
/// <remarks>
/// The items of a valid file: the top-level object, <c>"format"</c>, <c>"version"</c>, <c>"inputs"</c> and the
/// <c>"layers"</c> array; per layer its object, <c>"size"</c>, <c>"activation"</c> and <c>"neurons"</c> array; per
/// neuron its object, its <c>"weights"</c> array, a weight per input and <c>"bias"</c> (an object counting as
/// <see cref="ReadBudget.ObjectItems"/>).
/// </remarks>
internal sealed class NetworkReadBudget : ReadBudget
{
    /// <summary>The most items of a network <see cref="ModelFile.Load(Stream)"/> builds from a file, 2^22: up to about
    /// as many parameters (fewer in narrow layers, whose neurons count for more), which as Scalars take hundreds of
    /// megabytes. It bounds what a file costs that declares, item by item, a network that never ends (a weights array
    /// that goes on, millions of one-neuron layers): the deserializer keeps at most this many items, some 24 bytes
    /// each, before the file is refused. <see cref="ModelFile.LoadInto(MLP, Stream)"/> has no such bound, because the
    /// model says how large the file may be.</summary>
    public const long MaxDeclaredItems = 1 << 22;

    private const int SizesListed = 8;

    private const long FileItems = ObjectItems + 4;
    private const long LayerItems = ObjectItems + 3;
    private const long NeuronItems = ObjectItems + 2;

    private readonly MLP? _target;
    private readonly long _targetItems;
    private readonly List<int> _sizes = [];
    private long _declaredItems = FileItems;
    private int? _inputs;
    private Declaration _pending;

    /// <summary>Creates the budget for a file read into <paramref name="target"/>, or, if it is null, for a file
    /// read on its own.</summary>
    /// <param name="source">Names the file or stream at the start of messages.</param>
    /// <param name="target">The model the file must describe, or null.</param>
    public NetworkReadBudget(string source, MLP? target)
        : base(source)
    {
        _target = target;
        if (target is not null)
        {
            _targetItems = FileItems;
            foreach (var layer in target.Layers)
            {
                _targetItems += LayerItems + ((long)layer.OutputCount * (layer.InputCount + NeuronItems));
            }
        }
    }

    private enum Declaration
    {
        None,
        Inputs,
        Size,
    }

    /// <inheritdoc/>
    public override long MaxItems => (_target is null ? _declaredItems : _targetItems) + Slack;

    /// <inheritdoc/>
    protected override string Subject => _target is null
        ? $"the architecture it declares ({Declared()} so far)"
        : $"the model's architecture ({ModelFile.Architecture(_target)})";

    /// <inheritdoc/>
    protected override string Outcome => _target is null ? string.Empty : "; nothing was changed";

    /// <inheritdoc/>
    public override void Observe(ref Utf8JsonReader reader)
    {
        if (_target is not null)
        {
            return; // the model sets the budget; the file's declarations matter only without one
        }

        if (reader.TokenType == JsonTokenType.PropertyName)
        {
            // The top-level object's properties are at depth 1; those of a layer, an element of "layers", at depth 3.
            _pending = reader.CurrentDepth switch
            {
                1 when reader.ValueTextEquals("inputs"u8) => Declaration.Inputs,
                3 when reader.ValueTextEquals("size"u8) => Declaration.Size,
                _ => Declaration.None,
            };
            return;
        }

        var declaration = _pending;
        _pending = Declaration.None;
        if (declaration == Declaration.None || reader.TokenType != JsonTokenType.Number
            || !reader.TryGetInt32(out int count) || count < 1)
        {
            return; // not a declaration, or one the checks after reading will refuse
        }

        if (declaration == Declaration.Inputs)
        {
            _inputs ??= count;
            return;
        }

        int fanIn = _sizes.Count == 0 ? _inputs ?? 0 : _sizes[^1];
        _sizes.Add(count);
        _declaredItems += LayerItems + ((long)count * (fanIn + NeuronItems));
        if (_declaredItems > MaxDeclaredItems)
        {
            throw new InvalidDataException(
                $"{Source} declares a network larger than ModelFile.Load builds from a file (up to about "
                + $"{MaxDeclaredItems.ToString("N0", CultureInfo.InvariantCulture)} parameters; it declares {Declared()} so far); "
                + "load it into a network of that architecture with ModelFile.LoadInto.");
        }
    }

    /// <summary>The architecture declared so far, for messages, with at most <see cref="SizesListed"/> layer sizes.</summary>
    private string Declared()
    {
        string inputs = _inputs is { } count ? count.ToString(CultureInfo.InvariantCulture) : "no";
        string sizes = string.Join(", ", _sizes.Take(SizesListed));
        if (_sizes.Count > SizesListed)
        {
            sizes += $", ... ({_sizes.Count.ToString("N0", CultureInfo.InvariantCulture)} layers)";
        }

        return $"{inputs} inputs and layers [{sizes}]";
    }
}
