namespace AutogradForDummies.Tests.Docs;

/// <summary>One row of a table of edge values: an expression at an input, and what the library gives there.</summary>
/// <param name="Line">The row's line on the page, from 1.</param>
/// <param name="Expression">The C# expression, such as <c>a.Sqrt()</c>.</param>
/// <param name="Inputs">The value of each operand of the expression, by name.</param>
/// <param name="Value">The value of the expression.</param>
/// <param name="Gradients">The gradient of each operand after <c>Backward()</c> on the expression, by name.</param>
/// <param name="Kind">The kind of reason: math, limit, convention or IEEE.</param>
internal sealed record EdgeValueRow(
    int Line,
    string Expression,
    IReadOnlyList<(string Name, double Value)> Inputs,
    double Value,
    IReadOnlyList<(string Name, double Gradient)> Gradients,
    string Kind)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{EdgeValueTable.Page} line {Line}: {Expression} at {string.Join(", ", Inputs.Select(i => $"{i.Name} = {i.Value:R}"))}";
}
