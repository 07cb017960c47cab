using System.Reflection;
using AutogradForDummies.Playground.Backprop;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Backprop;

/// <summary>
/// The step-through explains every operation the library has: a node of each kind gets its own sentence and a
/// formula for each parent, never the fallback. The list of kinds is checked against the library's static
/// operation methods, so a new operation fails here until the page can explain it.
/// </summary>
public sealed class RuleTextTests
{
    private const string FallbackWords = "It applies its local derivative.";

    private static readonly Scalar s_a = new(0.7, "a");
    private static readonly Scalar s_b = new(-1.2, "b");

    // One node per way the library builds an operation, keyed by the static method that builds it (operators by
    // their symbol).
    private static readonly Dictionary<string, Func<Scalar>> s_nodes = new(StringComparer.Ordinal)
    {
        ["+"] = () => s_a + s_b,
        ["-"] = () => s_a - s_b,
        ["*"] = () => s_a * s_b,
        ["/"] = () => s_a / s_b,
        ["neg"] = () => -s_a,
        [nameof(Scalar.Pow)] = () => Scalar.Pow(s_a, s_b),
        ["Pow(double)"] = () => Scalar.Pow(s_a, 3),
        [nameof(Scalar.Abs)] = () => Scalar.Abs(s_a),
        [nameof(Scalar.Clamp)] = () => Scalar.Clamp(s_a, -1, 1),
        [nameof(Scalar.Dot)] = () => Scalar.Dot([s_a, s_b], [s_b, s_a], s_a),
        [nameof(Scalar.Exp)] = () => Scalar.Exp(s_a),
        [nameof(Scalar.LeakyRelu)] = () => Scalar.LeakyRelu(s_a, 0.2),
        [nameof(Scalar.Log)] = () => Scalar.Log(s_a),
        [nameof(Scalar.LogSumExp)] = () => Scalar.LogSumExp([s_a, s_b]),
        [nameof(Scalar.Max)] = () => Scalar.Max(s_a, s_b),
        [nameof(Scalar.Mean)] = () => Scalar.Mean([s_a, s_b]),
        [nameof(Scalar.Min)] = () => Scalar.Min(s_a, s_b),
        [nameof(Scalar.Relu)] = () => Scalar.Relu(s_a),
        [nameof(Scalar.Sigmoid)] = () => Scalar.Sigmoid(s_a),
        [nameof(Scalar.Softplus)] = () => Scalar.Softplus(s_a),
        [nameof(Scalar.Sqrt)] = () => Scalar.Sqrt(s_a),
        [nameof(Scalar.Sum)] = () => Scalar.Sum([s_a, s_b]),
        [nameof(Scalar.Tanh)] = () => Scalar.Tanh(s_a),
    };

    public static TheoryData<string> Kinds() => [.. s_nodes.Keys];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_operation_has_its_rule_in_words_and_a_formula_for_each_parent(string kind)
    {
        var node = s_nodes[kind]();

        RuleText.Words(node).Should().NotBe(FallbackWords, $"the step-through explains {node.Op} in its own words");
        for (int k = 0; k < node.Parents.Count; k++)
        {
            string formula = RuleText.Formula(node, k, n => n.Label ?? n.Op);
            formula.Should().NotEndWith("= ?", $"the step-through gives {node.Op}'s derivative for parent {k}");
            formula.Should().StartWith("d(", "a formula reads d(y)/d(x) = ...");
        }
    }

    [Fact]
    public void The_list_holds_every_static_operation_of_the_library()
    {
        var operations = typeof(Scalar).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(Scalar) && !m.IsSpecialName && m.Name != nameof(Scalar.FromDouble))
            .Select(m => m.Name)
            .Distinct();

        s_nodes.Keys.Should().Contain(operations, "a new operation needs a node here, and words and a formula in RuleText");
    }

    [Fact]
    public void A_node_of_an_unknown_kind_gets_the_fallback_this_test_looks_for()
    {
        var leaf = new Scalar(1, "x");

        RuleText.Words(leaf).Should().Be(FallbackWords);
    }
}
