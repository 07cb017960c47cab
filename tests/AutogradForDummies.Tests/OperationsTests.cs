using System.Text.RegularExpressions;
using AutogradForDummies.Tests.Docs;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests;

/// <summary>
/// Every <see cref="OpCode"/>, walked through everything that must know it: its rule, the test table, both paths
/// (dynamic and compiled, bit for bit), the drawing and the guide's table of local derivatives. A new operation that
/// misses any of them fails here.
/// </summary>
public sealed partial class OperationsTests
{
    // By name: the enum is internal to the library, and a test method's parameters are public.
    public static TheoryData<string> Codes => [.. Enum.GetValues<OpCode>().Where(code => code != OpCode.Leaf).Select(code => code.ToString())];

    [Fact]
    public void Every_rule_is_filed_under_its_own_code()
    {
        foreach (var code in Enum.GetValues<OpCode>())
        {
            var probe = new CodeOfRule();
            Operations.Visit<CodeOfRule, OpCode?>(code, probe).Should().Be(code == OpCode.Leaf ? null : code, $"{code}");
        }
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_operation_has_a_row_in_the_test_table(string operation)
    {
        var code = Enum.Parse<OpCode>(operation);
        OperationCase.All.Should().Contain(row => row.Code == code, "each operation is tested from its row in OperationCase.All");
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_operation_gives_the_same_bits_on_both_paths_at_every_point_of_its_rows(string operation)
    {
        var code = Enum.Parse<OpCode>(operation);
        foreach (var row in OperationCase.All.Where(r => r.Code == code))
        {
            foreach (double[] point in row.Points)
            {
                var leaves = Array.ConvertAll(point, v => new Scalar(v));
                var node = row.Build(leaves);
                node.Code.Should().Be(code, row.Name);
                var root = (node * node) + node; // an output gradient other than 1
                root.Backward();
                long[] dynamic = [.. leaves.Select(l => BitConverter.DoubleToInt64Bits(l.Grad))];
                long dynamicValue = BitConverter.DoubleToInt64Bits(node.Data);

                foreach (var leaf in leaves)
                {
                    leaf.Grad = 0;
                }

                var graph = root.Compile();
                graph.Forward();
                graph.Backward();

                BitConverter.DoubleToInt64Bits(node.Data).Should().Be(dynamicValue, $"{row.Name} at ({string.Join(", ", point)})");
                leaves.Select(l => BitConverter.DoubleToInt64Bits(l.Grad)).Should().Equal(dynamic, $"{row.Name} at ({string.Join(", ", point)})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_operation_is_drawn_as_an_operation_node_with_its_name(string operation)
    {
        var code = Enum.Parse<OpCode>(operation);
        var row = OperationCase.All.First(r => r.Code == code);
        var node = row.Build(Array.ConvertAll(row.Points[0], v => new Scalar(v)));

        string dot = node.ToDot();

        dot.Should().Contain($"shape=ellipse, fontsize=10, margin=\"0.05,0.02\", label=\"{row.Op}\"]");
        Regex.Count(dot, " -> n[0-9]+op").Should().Be(node.Parents.Count, "one edge per operand slot");
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_operation_has_a_row_in_the_guides_table_of_local_derivatives(string operation)
    {
        var code = Enum.Parse<OpCode>(operation);
        var opColumn = DerivativeTableOps();

        foreach (string docsOp in OperationCase.All.Where(r => r.Code == code).Select(r => r.DocsOp).Distinct())
        {
            opColumn.Should().Contain(docsOp, $"docs/04-local-derivatives.md needs a row for {code}");
        }
    }

    [Fact]
    public void The_guides_table_names_no_operation_the_library_lacks()
    {
        // A table entry is a row's general form (**c) or one of its examples (**3).
        DerivativeTableOps().Should().BeSubsetOf(OperationCase.All.Select(r => r.DocsOp).Concat(OperationCase.All.Select(r => r.Op)));
    }

    /// <summary>The backticked names in the Op column (the second) of the table of local derivatives.</summary>
    private static HashSet<string> DerivativeTableOps()
    {
        var ops = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Repository.FullPath("docs/04-local-derivatives.md")))
        {
            var cells = TableCells().Matches(line);
            if (!line.StartsWith('|') || cells.Count < 3 || line.StartsWith("|---", StringComparison.Ordinal) || line.StartsWith("| C#", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match name in Backticked().Matches(cells[1].Value))
            {
                ops.Add(name.Groups[1].Value);
            }
        }

        return ops;
    }

    [GeneratedRegex(@"(?<=\|)[^|]*(?=\|)")]
    private static partial Regex TableCells();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    /// <summary>The code each rule declares: what the visitor finds must be the code it was visited for.</summary>
    private readonly struct CodeOfRule : IOperationVisitor<OpCode?>
    {
        public OpCode? Leaf() => null;

        public OpCode? Unary<TRule>()
            where TRule : IUnaryRule => TRule.Code;

        public OpCode? Binary<TRule>()
            where TRule : IBinaryRule => TRule.Code;

        public OpCode? WithConstants<TRule>()
            where TRule : IConstantRule => TRule.Code;

        public OpCode? Dot() => OpCode.Dot;

        public OpCode? Sum() => OpCode.Sum;

        public OpCode? Mean() => OpCode.Mean;

        public OpCode? LogSumExp() => OpCode.LogSumExp;
    }
}
