using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests;

/// <summary>
/// Backward on thousands of randomly composed expressions, checked node by node against central
/// differences of an independent plain-double evaluation.
/// </summary>
public sealed class ScalarGradientCheckTests
{
    private const int ExpressionCount = 5000;

    [Fact]
    public void Forward_values_of_random_expressions_match_the_definitions()
    {
        for (int seed = 0; seed < ExpressionCount; seed++)
        {
            var expression = RandomExpression.ForSeed(seed);
            var nodes = expression.Build();
            double[] reference = expression.Evaluate(expression.LeafValues);

            for (int i = 0; i < nodes.Length; i++)
            {
                nodes[i].Data.Should().BeApproximately(
                    reference[i], 1e-12 * Math.Max(1, Math.Abs(reference[i])), $"node {i} of expression {seed}");
            }
        }
    }

    [Fact]
    public void Gradients_of_every_node_of_random_expressions_that_reuse_nodes_match_central_differences()
    {
        int checkedCount = 0;
        int straddled = 0;
        for (int seed = 0; seed < ExpressionCount; seed++)
        {
            var expression = RandomExpression.ForSeed(seed);
            var nodes = expression.Build();
            nodes[^1].Backward();
            double[] at = expression.Evaluate(expression.LeafValues);

            // Nudging node k and watching the root gives d(root)/d(node k), for leaves and interior nodes alike.
            for (int k = 0; k < nodes.Length; k++)
            {
                double h = FiniteDifference.StepFor(at[k]);
                double[] plus = expression.Evaluate(expression.LeafValues, k, h);
                double[] minus = expression.Evaluate(expression.LeafValues, k, -h);
                double[] halfPlus = expression.Evaluate(expression.LeafValues, k, h / 2);
                double[] halfMinus = expression.Evaluate(expression.LeafValues, k, -h / 2);
                if (!expression.SameBranches(at, plus) || !expression.SameBranches(at, minus))
                {
                    straddled++; // the difference quotient crosses a kink: no derivative to compare
                    continue;
                }

                double numeric = FiniteDifference.Extrapolate(
                    (plus[^1] - minus[^1]) / (plus[k] - minus[k]),
                    (halfPlus[^1] - halfMinus[^1]) / (halfPlus[k] - halfMinus[k]));
                FiniteDifference.ShouldAgree(nodes[k].Grad, numeric, $"of node {k} of expression {seed}");
                checkedCount++;
            }
        }

        checkedCount.Should().BeGreaterThan(5 * ExpressionCount);
        straddled.Should().BeLessThan(checkedCount / 1000, "operands are kept away from kinks");
    }

    [Fact]
    public void Random_expressions_cover_every_operation_and_reuse_nodes()
    {
        var seen = new HashSet<OpCode>();
        int reusing = 0;
        for (int seed = 0; seed < ExpressionCount; seed++)
        {
            var expression = RandomExpression.ForSeed(seed);
            foreach (var code in Enum.GetValues<OpCode>())
            {
                if (expression.Contains(code))
                {
                    seen.Add(code);
                }
            }

            if (UsesANodeTwice(expression.Build()[^1]))
            {
                reusing++;
            }
        }

        seen.Order().Should().Equal(Enum.GetValues<OpCode>().Where(code => code != OpCode.Leaf));
        reusing.Should().BeGreaterThan(ExpressionCount / 2);
    }

    // True when some node is an operand more than once in the graph (two slots or two consumers).
    private static bool UsesANodeTwice(Scalar root)
    {
        var seen = new HashSet<Scalar>(ReferenceEqualityComparer.Instance);
        var expanded = new HashSet<Scalar>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<Scalar>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!expanded.Add(node))
            {
                continue;
            }

            foreach (var parent in node.Parents)
            {
                if (!seen.Add(parent))
                {
                    return true;
                }

                stack.Push(parent);
            }
        }

        return false;
    }
}
