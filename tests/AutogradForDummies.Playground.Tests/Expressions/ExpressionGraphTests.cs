using AutogradForDummies.Playground.Expressions;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Expressions;

public sealed class ExpressionGraphTests
{
    [Fact]
    public void Build_gives_the_readme_example_its_values_and_gradients()
    {
        var graph = ExpressionGraph.Build("a**3/5 + relu(b**2)", new Dictionary<string, double> { ["a"] = 1.5, ["b"] = -4 });

        graph.Root.Data.Should().Be(16.675);
        graph.Variables["a"].Grad.Should().BeApproximately(1.35, 1e-12);
        graph.Variables["b"].Grad.Should().Be(-8);
        graph.VariableNames.Should().Equal("a", "b");
    }

    [Fact]
    public void Build_computes_what_the_same_code_written_by_hand_computes()
    {
        var values = new Dictionary<string, double> { ["x"] = 0.7, ["y"] = -1.3 };
        var graph = ExpressionGraph.Build("(x**3/5 + relu(y**2)).tanh() * sigmoid(x*y) - log(abs(y)) + sqrt(x)/exp(y)", values);

        var x = new Scalar(0.7);
        var y = new Scalar(-1.3);
        var z = (((x.Pow(3) / 5) + y.Pow(2).Relu()).Tanh() * (x * y).Sigmoid()) - y.Abs().Log() + (x.Sqrt() / y.Exp());
        z.Backward();

        graph.Root.Data.Should().Be(z.Data);
        graph.Variables["x"].Grad.Should().Be(x.Grad);
        graph.Variables["y"].Grad.Should().Be(y.Grad);
    }

    [Fact]
    public void Build_knows_the_librarys_max_min_clamp_and_leaky_relu_with_their_constants()
    {
        var values = new Dictionary<string, double> { ["x"] = -2, ["y"] = 0.5 };
        var graph = ExpressionGraph.Build("max(x, y) * min(x, y) + x.clamp(-1, 1) + leakyrelu(x, 0.2) + leakyrelu(y)", values);

        var x = new Scalar(-2);
        var y = new Scalar(0.5);
        var z = (Scalar.Max(x, y) * Scalar.Min(x, y)) + x.Clamp(-1, 1) + x.LeakyRelu(0.2) + y.LeakyRelu();
        z.Backward();

        graph.Root.Data.Should().Be(z.Data);
        graph.Variables["x"].Grad.Should().Be(x.Grad);
        graph.Variables["y"].Grad.Should().Be(y.Grad);
        graph.Nodes.Should().Contain(n => n.Op == "LeakyReLU 0.2").And.Contain(n => n.Op.StartsWith("clamp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("clamp(x, y, 1)", 9, "Argument 2 of clamp must be a number")]
    [InlineData("leakyrelu(x, 2*y)", 13, "Argument 2 of leakyrelu must be a number")]
    [InlineData("clamp(x, 1, -1)", 0, "clamp: ")]
    public void Build_says_where_a_constant_argument_is_wrong(string text, int position, string message)
    {
        var act = () => ExpressionGraph.Build(text, new Dictionary<string, double>());

        var error = act.Should().Throw<ExpressionSyntaxException>().Which;
        error.Position.Should().Be(position);
        error.Message.Should().Contain(message);
    }

    [Fact]
    public void Build_uses_one_leaf_per_variable_so_that_its_gradient_accumulates()
    {
        var graph = ExpressionGraph.Build("x*x + x", new Dictionary<string, double> { ["x"] = 3 });

        graph.Nodes.Count(n => n.IsLeaf).Should().Be(1);
        graph.Variables["x"].Grad.Should().Be(7); // 2x + 1
    }

    [Fact]
    public void Build_makes_a_constant_exponent_a_power_node_with_the_base_as_only_parent()
    {
        var graph = ExpressionGraph.Build("x**-2 + x**y", new Dictionary<string, double> { ["x"] = 2, ["y"] = 3 });

        graph.Nodes.Should().Contain(n => n.Op == "**-2" && n.Parents.Count == 1);
        graph.Nodes.Should().Contain(n => n.Op == "**" && n.Parents.Count == 2);
    }

    [Fact]
    public void Build_labels_nodes_with_their_text_and_lists_them_in_the_order_of_ToDot()
    {
        var graph = ExpressionGraph.Build("(a*b + c) * f", new Dictionary<string, double>());

        graph.Nodes.Select(n => n.Label).Should().Contain(["a", "b", "a*b", "c", "(a*b + c)", "f", "(a*b + c) * f"]);
        graph.Nodes[^1].Should().BeSameAs(graph.Root);
        graph.Root.ToDot().Should().Contain($"n{graph.Nodes.Count - 1} [shape=record");
    }

    [Fact]
    public void Build_gives_unknown_variables_0_and_follows_IEEE_where_the_math_breaks()
    {
        var graph = ExpressionGraph.Build("log(x) + 1/x", new Dictionary<string, double>());

        graph.Nodes.Should().Contain(n => n.Label == "log(x)" && n.Data == double.NegativeInfinity);
        graph.Nodes.Should().Contain(n => n.Label == "1/x" && n.Data == double.PositiveInfinity);
        double.IsNaN(graph.Root.Data).Should().BeTrue(); // −∞ + ∞
    }

    [Fact]
    public void Build_refuses_too_many_variables_and_too_many_nodes_with_a_position()
    {
        var variables = () => ExpressionGraph.Build("a+b+c+d+e+f+g+h+i", new Dictionary<string, double>());
        variables.Should().Throw<ExpressionSyntaxException>().Which.Position.Should().Be(16);

        string huge = string.Join("+", Enumerable.Repeat("x*x", 70));
        var nodes = () => ExpressionGraph.Build(huge, new Dictionary<string, double>());
        nodes.Should().Throw<ExpressionSyntaxException>().WithMessage($"*more than {ExpressionGraph.MaxNodes} nodes*");
    }
}
