using AutogradForDummies.Playground.Backprop;
using AutogradForDummies.Playground.Expressions;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Backprop;

public sealed class BackwardStepperTests
{
    public static TheoryData<string> Expressions() =>
    [
        "a**3/5 + relu(b**2)",
        "(a*b + c) * f",
        "(x**3/5 + relu(y**2)).tanh()",
        "x*x + x",
        "sigmoid(w*x + bias)",
        "a - b / c + -a",
        "pow(a, b) + exp(c) * log(a) + abs(b) + sqrt(a) + softplus(c)",
        "sum(a, b, a*b) + logsumexp(a, b, c)",
        "x**0 + x**-1.5 + y**2",
        "max(a, b) * min(a, c) + a.clamp(-1, 1) + leakyrelu(b, 0.2) + max(a, a)",
    ];

    [Theory]
    [MemberData(nameof(Expressions))]
    public void The_last_state_is_what_Backward_computes(string expression)
    {
        var values = new Dictionary<string, double>
        {
            ["a"] = 1.5, ["b"] = -4, ["c"] = 0.3, ["f"] = -2, ["x"] = 0.5, ["y"] = -1.5, ["w"] = 2, ["bias"] = -1,
        };
        var graph = ExpressionGraph.Build(expression, values);
        var expected = graph.Nodes.Select(n => n.Grad).ToArray();

        var stepper = new BackwardStepper(graph.Root);

        stepper.Steps.Should().HaveCount(graph.Nodes.Count + 1);
        stepper.GradientsAfter(0).Should().OnlyContain(g => g == 0);
        var last = stepper.GradientsAfter(stepper.Steps.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            last[i].Should().BeApproximately(expected[i], 1e-12 * Math.Max(1, Math.Abs(expected[i])), graph.Nodes[i].Label);
        }
    }

    [Fact]
    public void Steps_follow_reverse_topological_order_after_the_seed()
    {
        var graph = ExpressionGraph.Build("(a*b + c) * f", new Dictionary<string, double> { ["a"] = 2, ["b"] = -3, ["c"] = 10, ["f"] = -2 });
        var stepper = new BackwardStepper(graph.Root);

        stepper.Steps[0].Kind.Should().Be(BackwardStepKind.Seed);
        stepper.Steps.Skip(1).Select(s => s.NodeIndex).Should().Equal(Enumerable.Range(0, graph.Nodes.Count).Reverse());
        stepper.GradientsAfter(1)[graph.Nodes.Count - 1].Should().Be(1);
    }

    [Fact]
    public void A_product_step_states_its_rule_in_words_and_numbers()
    {
        var graph = ExpressionGraph.Build("a*b", new Dictionary<string, double> { ["a"] = 2, ["b"] = -3 });
        var stepper = new BackwardStepper(graph.Root);

        var step = stepper.Steps[1];

        step.Kind.Should().Be(BackwardStepKind.Rule);
        step.Summary.Should().Contain("A product passes each factor its gradient times the other factor.");
        step.Contributions.Select(c => c.Rule).Should().Equal("d(a*b)/d(a) = b", "d(a*b)/d(b) = a");
        step.Contributions.Select(c => (c.Local, c.Upstream, c.After)).Should().Equal((-3.0, 1.0, -3.0), (2.0, 1.0, 2.0));
    }

    [Fact]
    public void A_reused_node_is_marked_where_its_gradient_accumulates()
    {
        var graph = ExpressionGraph.Build("x*x + x", new Dictionary<string, double> { ["x"] = 3 });
        var stepper = new BackwardStepper(graph.Root);

        var contributions = stepper.Steps.SelectMany(s => s.Contributions)
            .Where(c => ReferenceEquals(stepper.Nodes[c.ParentIndex], graph.Variables["x"]))
            .ToList();

        contributions.Should().HaveCount(3);
        contributions.Select(c => c.Accumulates).Should().Equal(false, true, true);
        contributions.Select(c => c.After).Should().Equal(1, 4, 7);
    }

    [Fact]
    public void A_node_with_a_zero_gradient_is_skipped_as_Backward_skips_it()
    {
        // relu(a) − 1 = −1, so the outer ReLU passes 0 back to it, and it has nothing to pass on.
        var graph = ExpressionGraph.Build("relu(relu(a) - 1) * b", new Dictionary<string, double> { ["a"] = -1, ["b"] = 2 });
        var stepper = new BackwardStepper(graph.Root);

        stepper.Steps.Should().Contain(s => s.Kind == BackwardStepKind.Skipped && s.Summary.StartsWith("(relu(a) - 1).grad is 0", StringComparison.Ordinal));
        stepper.Steps.Should().Contain(s => s.Kind == BackwardStepKind.Leaf && s.Summary.StartsWith("a is a leaf", StringComparison.Ordinal));
    }

    [Fact]
    public void The_new_operations_explain_their_rules()
    {
        var graph = ExpressionGraph.Build("max(a, b) + leakyrelu(b, 0.2) + a.clamp(-1, 1)", new Dictionary<string, double> { ["a"] = 2, ["b"] = -3 });
        var stepper = new BackwardStepper(graph.Root);

        var rules = stepper.Steps.SelectMany(s => s.Contributions).Select(c => c.Rule).ToList();

        rules.Should().Contain("d(max(a, b))/d(a) = 1 if a > b, ½ on a tie, else 0");
        rules.Should().Contain("d(leakyrelu(b, 0.2))/d(b) = 1 if b > 0, else 0.2");
        rules.Should().Contain("d(a.clamp(-1, 1))/d(a) = 1 if a is within -1..1, else 0");
        stepper.Steps.Select(s => s.Summary).Should().Contain(s => s.Contains("Leaky ReLU lets the gradient through", StringComparison.Ordinal));
    }

    [Fact]
    public void GradientsAfter_refuses_a_step_outside_the_run()
    {
        var stepper = new BackwardStepper(new Scalar(1) * 2);

        var before = () => stepper.GradientsAfter(-1);
        var after = () => stepper.GradientsAfter(stepper.Steps.Count + 1);

        before.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("done");
        after.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("done");
    }
}
