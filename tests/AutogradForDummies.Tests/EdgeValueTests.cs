using System.Reflection;
using AutogradForDummies.Nn;
using AutogradForDummies.Tests.Docs;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests;

/// <summary>
/// The guide's page of edge values, row by row: each row's expression is built at its inputs and differentiated on
/// the dynamic path and on compiled graphs, which must agree to the bit, and must give the value and the gradients
/// the row states. None of them may throw. A row these tests cannot read, an expression they do not know, and an
/// operation or a loss without a row all fail, so the page and the library cannot drift apart.
/// </summary>
/// <remarks>
/// The page writes each number as the shortest decimal that reads back as the double the library gives. Zeros
/// (with their sign), infinities and NaN must match exactly; other numbers may differ from the page by two units in
/// the last place, which is as much as the exponential, logarithm and power functions of different platforms'
/// math libraries may differ.
/// </remarks>
public sealed class EdgeValueTests
{
    private const int Ulps = 2;

    private static readonly string[] s_operandNames = ["a", "b", "c"];

    // The page's expressions that are not the name of an operation's test row (OperationCase.Name), with their
    // operands in the order Build takes them. A row whose expression is such a name (a + b, a.Tanh()) is built by
    // that row, with operands a, b, c: a new operation needs no entry here.
    private static readonly Dictionary<string, Expression> s_expressions = new(StringComparer.Ordinal)
    {
        ["a.Pow(2)"] = new(["a"], s => s[0].Pow(2)),
        ["a.Pow(3)"] = new(["a"], s => s[0].Pow(3)),
        ["a.Pow(0.5)"] = new(["a"], s => s[0].Pow(0.5)),
        ["a.Pow(-1)"] = new(["a"], s => s[0].Pow(-1)),
        ["a.Pow(0)"] = new(["a"], s => s[0].Pow(0)),
        ["a.Pow(b)"] = new(["a", "b"], s => s[0].Pow(s[1])),
        ["a.Clamp(0, 1)"] = new(["a"], s => s[0].Clamp(0, 1)),
        ["a.LeakyRelu(0)"] = new(["a"], s => s[0].LeakyRelu(0)),
        ["Scalar.Dot([w1, w2], [x1, x2], b)"] = new(["w1", "w2", "x1", "x2", "b"], s => Scalar.Dot([s[0], s[1]], [s[2], s[3]], s[4])),
        ["Scalar.Sum([a, b, c])"] = new(["a", "b", "c"], s => Scalar.Sum(s)),
        ["Scalar.Mean([a, b])"] = new(["a", "b"], s => Scalar.Mean(s)),
        ["Scalar.LogSumExp([a, b])"] = new(["a", "b"], s => Scalar.LogSumExp(s)),
        ["Scalar.LogSumExp([a])"] = new(["a"], s => Scalar.LogSumExp(s)),
        ["Losses.Hinge([s], [1])"] = new(["s"], s => Losses.Hinge(s, [1.0])),
        ["Losses.Hinge([s, t], [-1, -1])"] = new(["s", "t"], s => Losses.Hinge(s, [-1.0, -1.0])),
        ["Losses.L2([p, q], 0.5)"] = new(["p", "q"], s => Losses.L2(s, 0.5)),
        ["Losses.MeanSquaredError([p, q], [0, 0])"] = new(["p", "q"], s => Losses.MeanSquaredError(s, [0.0, 0.0])),
        ["Losses.MeanSquaredError([p], [1e308])"] = new(["p"], s => Losses.MeanSquaredError(s, [1e308])),
        ["Losses.BinaryCrossEntropyWithLogits([z], [1])"] = new(["z"], s => Losses.BinaryCrossEntropyWithLogits(s, [1.0])),
        ["Losses.BinaryCrossEntropyWithLogits([z], [0])"] = new(["z"], s => Losses.BinaryCrossEntropyWithLogits(s, [0.0])),
        ["Losses.BinaryCrossEntropyWithLogits([z], [0.25])"] = new(["z"], s => Losses.BinaryCrossEntropyWithLogits(s, [0.25])),
        ["Losses.SoftmaxCrossEntropy([[a, b]], [0])"] = new(["a", "b"], s => Losses.SoftmaxCrossEntropy([s], [0])),
    };

    public static IEnumerable<TheoryDataRow<int>> Rows()
    {
        foreach (int line in EdgeValueTable.RowLines())
        {
            yield return new TheoryDataRow<int>(line)
            {
                TestDisplayName = $"{EdgeValueTable.Page} line {line}: {EdgeValueTable.Describe(line)}",
            };
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Every_row_holds_on_the_dynamic_and_the_compiled_path(int line)
    {
        var row = EdgeValueTable.Parse(line);
        var expression = Find(row.Expression);
        expression.Should().NotBeNull($"{row} needs its expression: an operation's test row of that name, or an entry in this test's list");
        row.Inputs.Select(i => i.Name).Should().Equal(expression!.Operands, $"{row} gives each operand, in order");
        row.Gradients.Select(g => g.Name).Should().Equal(expression.Operands, $"{row} gives each operand's gradient, in order");

        var leaves = row.Inputs.Select(i => new Scalar(i.Value, i.Name)).ToArray();
        Scalar? y = null;
        FluentActions.Invoking(() =>
        {
            y = expression.Build(leaves);
            y.Backward();
        }).Should().NotThrow($"IEEE numerics never throw ({row})");

        double value = y!.Data;
        double[] gradients = [.. leaves.Select(l => l.Grad)];
        ExpectNumber(value, row.Value, $"the value of {row}");
        for (int i = 0; i < leaves.Length; i++)
        {
            ExpectNumber(gradients[i], row.Gradients[i].Gradient, $"∂/∂{leaves[i].Label} of {row}");
        }

        foreach (var updates in Enum.GetValues<NodeUpdates>())
        {
            foreach (var leaf in leaves)
            {
                leaf.Grad = 0;
            }

            var graph = y.Compile(updates);
            double compiled = 0;
            FluentActions.Invoking(() =>
            {
                compiled = graph.Forward();
                graph.Backward();
            }).Should().NotThrow($"IEEE numerics never throw ({row}, compiled with {updates})");

            Bits(compiled).Should().Be(Bits(value), $"the compiled value ({updates}) of {row} is the dynamic one");
            leaves.Select(l => Bits(l.Grad)).Should().Equal(gradients.Select(Bits), $"the compiled gradients ({updates}) of {row} are the dynamic ones");
        }
    }

    [Fact]
    public void The_page_has_a_row_for_every_operation_and_every_loss()
    {
        var rows = EdgeValueTable.RowLines().Select(EdgeValueTable.Parse).ToList();

        var operations = rows
            .Where(r => !r.Expression.StartsWith("Losses.", StringComparison.Ordinal))
            .Select(r => Build(r).Code)
            .ToHashSet();
        Enum.GetValues<OpCode>().Where(code => code != OpCode.Leaf).Except(operations).Should().BeEmpty("every operation has rows");

        var losses = typeof(Losses).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name).Distinct();
        foreach (string loss in losses)
        {
            rows.Should().Contain(r => r.Expression.StartsWith($"Losses.{loss}(", StringComparison.Ordinal), $"Losses.{loss} has rows");
        }
    }

    [Fact]
    public void Every_expression_of_this_test_is_used_by_the_page()
    {
        var used = EdgeValueTable.RowLines().Select(line => EdgeValueTable.Parse(line).Expression).ToHashSet();

        s_expressions.Keys.Should().BeSubsetOf(used);
        s_expressions.Keys.Should().NotIntersectWith(OperationCase.All.Select(c => c.Name), "an operation's test row builds those");
    }

    [Fact]
    public void Every_row_says_why_with_one_of_the_four_kinds()
    {
        var kinds = EdgeValueTable.RowLines().Select(line => EdgeValueTable.Parse(line).Kind).ToHashSet();

        kinds.Should().BeEquivalentTo(EdgeValueTable.Kinds, "each kind of answer is shown at least once");
    }

    [Fact]
    public void The_page_writes_numbers_that_read_as_the_doubles_they_name()
    {
        Bits(EdgeValueTable.ParseNumber("−0")).Should().Be(Bits(-0.0));
        Bits(EdgeValueTable.ParseNumber("0")).Should().Be(Bits(0.0));
        EdgeValueTable.ParseNumber("5e−324").Should().Be(double.Epsilon);
        EdgeValueTable.ParseNumber("1.7976931348623157e308").Should().Be(double.MaxValue);
        EdgeValueTable.ParseNumber("−1e308").Should().Be(-1e308);
        EdgeValueTable.ParseNumber("+∞").Should().Be(double.PositiveInfinity);
        EdgeValueTable.ParseNumber("−∞").Should().Be(double.NegativeInfinity);
        double.IsNaN(EdgeValueTable.ParseNumber("NaN")).Should().BeTrue();

        foreach (string text in new[] { "ln 2", "1,5", "", "0x10", "1e308 (rounded)", "Infinity" })
        {
            FluentActions.Invoking(() => EdgeValueTable.ParseNumber(text)).Should().Throw<FormatException>($"'{text}' is not a number of the page");
        }
    }

    private static Scalar Build(EdgeValueRow row)
    {
        var expression = Find(row.Expression) ?? throw new InvalidOperationException($"{row}: no expression of that name");
        return expression.Build([.. row.Inputs.Select(i => new Scalar(i.Value))]);
    }

    // An expression of this test's list, or the operation's test row of that name with its operands named a, b, c.
    private static Expression? Find(string text)
    {
        if (s_expressions.TryGetValue(text, out var expression))
        {
            return expression;
        }

        var operation = OperationCase.All.FirstOrDefault(c => c.Name == text);
        return operation is null ? null : new Expression(s_operandNames[..operation.Operands], operation.Build);
    }

    private static void ExpectNumber(double actual, double expected, string what)
    {
        if (double.IsNaN(expected))
        {
            double.IsNaN(actual).Should().BeTrue($"{what} is NaN, but it is {actual:R}");
        }
        else if (expected == 0 || double.IsInfinity(expected))
        {
            Bits(actual).Should().Be(Bits(expected), $"{what} is {Show(expected)}, but it is {Show(actual)}");
        }
        else
        {
            double ulp = Math.Abs(expected) - Math.BitDecrement(Math.Abs(expected));
            bool close = double.IsNegative(actual) == double.IsNegative(expected) && Math.Abs(actual - expected) <= Ulps * ulp;
            close.Should().BeTrue($"{what} is {Show(expected)}, but it is {Show(actual)}");
        }
    }

    private static string Show(double value) =>
        value == 0 && double.IsNegative(value) ? "−0" : value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    /// <summary>An expression of the page: the names of its operands and how to build it from one leaf each.</summary>
    private sealed record Expression(string[] Operands, Func<Scalar[], Scalar> Build);
}
