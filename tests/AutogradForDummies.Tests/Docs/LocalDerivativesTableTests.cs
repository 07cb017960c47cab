using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Docs;

/// <summary>
/// Page 4's table has one row per operation of the library, and its Op column is what <see cref="Scalar.Op"/>
/// shows for that operation. So a new operation without a row, or a renamed one, fails here.
/// </summary>
public sealed class LocalDerivativesTableTests
{
    private const string Page = "docs/04-local-derivatives.md";

    [Fact]
    public void Every_operation_has_one_row_whose_op_column_is_the_libraries_op_name()
    {
        var rows = TableOpNames();
        var expected = Enum.GetValues<OpCode>().Where(code => code != OpCode.Leaf).Select(OpName).ToList();

        rows.Should().OnlyHaveUniqueItems("each operation has one row");
        rows.Should().BeEquivalentTo(expected, $"the Op column of {Page}'s table should list every operation, as Scalar.Op names it");
    }

    // The Op column's first code span of each row of the table under "## The table".
    private static List<string> TableOpNames()
    {
        var lines = File.ReadAllText(Repository.FullPath(Page)).ReplaceLineEndings("\n").Split('\n');
        int start = Array.IndexOf(lines, "## The table");
        start.Should().BePositive($"{Page} has a section '## The table'");
        var names = new List<string>();
        for (int i = start + 1; i < lines.Length && !lines[i].StartsWith('#'); i++)
        {
            if (!lines[i].StartsWith("| `", StringComparison.Ordinal))
            {
                continue; // prose, the header row or the separator
            }

            string opColumn = lines[i].Split('|')[2];
            int open = opColumn.IndexOf('`', StringComparison.Ordinal);
            int close = opColumn.IndexOf('`', open + 1);
            names.Add(opColumn[(open + 1)..close]);
        }

        return names;
    }

    // What Scalar.Op shows for a node of this operation (with `**c`, `LeakyReLU s` and `clamp lo..hi` for the
    // operations that show a constant).
    private static string OpName(OpCode code)
    {
        Scalar a = new(0.5), b = new(2.0);
        var node = code switch
        {
            OpCode.Add => a + b,
            OpCode.Subtract => a - b,
            OpCode.Multiply => a * b,
            OpCode.Divide => a / b,
            OpCode.Negate => -a,
            OpCode.Pow => a.Pow(b),
            OpCode.Max => Scalar.Max(a, b),
            OpCode.Min => Scalar.Min(a, b),
            OpCode.PowConstant => a.Pow(3),
            OpCode.LeakyRelu => a.LeakyRelu(0.1),
            OpCode.Clamp => a.Clamp(0, 1),
            OpCode.Relu => a.Relu(),
            OpCode.Tanh => a.Tanh(),
            OpCode.Sigmoid => a.Sigmoid(),
            OpCode.Exp => a.Exp(),
            OpCode.Log => a.Log(),
            OpCode.Abs => a.Abs(),
            OpCode.Sqrt => a.Sqrt(),
            OpCode.Softplus => a.Softplus(),
            OpCode.Dot => Scalar.Dot([a], [b]),
            OpCode.Sum => Scalar.Sum([a, b]),
            OpCode.Mean => Scalar.Mean([a, b]),
            OpCode.LogSumExp => Scalar.LogSumExp([a, b]),
            _ => throw new InvalidOperationException($"The operation {code} is new: add a line here that builds one, and a row to {Page}'s table."),
        };

        node.Code.Should().Be(code, "the test builds a node of the operation it names");

        // An operation with a constant shows it in its Op; the table writes the constant's name instead.
        var (shown, inTable) = code switch
        {
            OpCode.PowConstant => ("**3", "**c"),
            OpCode.LeakyRelu => ("LeakyReLU 0.1", "LeakyReLU s"),
            OpCode.Clamp => ("clamp 0..1", "clamp lo..hi"),
            _ => (node.Op, node.Op),
        };
        node.Op.Should().Be(shown);
        return inTable;
    }
}
