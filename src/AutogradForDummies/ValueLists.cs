namespace AutogradForDummies;

/// <summary>
/// A read-only run of numbers that the fused rules in <see cref="Rules"/> can read: the values of Scalars on the
/// dynamic path, or slots of a compiled graph's value array. Being generic over it lets one routine serve both
/// paths, and the JIT compiles a separate, fully inlined copy for each kind.
/// </summary>
internal interface IValueList
{
    int Count { get; }

    double this[int index] { get; }
}

/// <summary>Gradients that a fused rule adds into by position: the gradients of Scalars, or slots of a compiled
/// graph's gradient array.</summary>
internal interface IGradientList
{
    void Add(int index, double value);
}

/// <summary>The <see cref="Scalar.Data"/> of each Scalar in an array.</summary>
internal readonly struct DataOf(Scalar[] nodes) : IValueList
{
    public int Count => nodes.Length;

    public double this[int index] => nodes[index].Data;
}

/// <summary>Values picked out of a compiled graph's value array by index: <c>values[indices[i]]</c>.</summary>
internal readonly ref struct ValuesAt(ReadOnlySpan<double> values, ReadOnlySpan<int> indices) : IValueList
{
    private readonly ReadOnlySpan<double> _values = values;
    private readonly ReadOnlySpan<int> _indices = indices;

    public int Count => _indices.Length;

    public double this[int index] => _values[_indices[index]];
}

/// <summary>A run of consecutive slots of a compiled graph's value array.</summary>
internal readonly ref struct ValuesIn(ReadOnlySpan<double> values) : IValueList
{
    private readonly ReadOnlySpan<double> _values = values;

    public int Count => _values.Length;

    public double this[int index] => _values[index];
}

/// <summary>Gradient slots picked out of a compiled graph's gradient array by index.</summary>
internal readonly ref struct GradientsAt(Span<double> gradients, ReadOnlySpan<int> indices) : IGradientList
{
    private readonly Span<double> _gradients = gradients;
    private readonly ReadOnlySpan<int> _indices = indices;

    public void Add(int index, double value) => _gradients[_indices[index]] += value;
}

/// <summary>A run of consecutive slots of a compiled graph's gradient array.</summary>
internal readonly ref struct GradientsIn(Span<double> gradients) : IGradientList
{
    private readonly Span<double> _gradients = gradients;

    public void Add(int index, double value) => _gradients[index] += value;
}
