using AutogradForDummies.Playground.Expressions;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Expressions;

public sealed class ParserTests
{
    [Theory]
    [InlineData("a*b + c", "((a * b) + c)")]
    [InlineData("a - b - c", "((a - b) - c)")]
    [InlineData("a / b * c", "((a / b) * c)")]
    [InlineData("-x**2", "-(x ** 2)")]
    [InlineData("2**3**2", "(2 ** (3 ** 2))")]
    [InlineData("2 ** -1", "(2 ** -1)")]
    [InlineData("x^2", "(x ** 2)")]
    [InlineData("+x", "x")]
    [InlineData("(x**3/5 + relu(y**2)).tanh()", "tanh((((x ** 3) / 5) + relu((y ** 2))))")]
    [InlineData("x.pow(y).exp()", "exp(pow(x, y))")]
    [InlineData("sum(a, b, c)", "sum(a, b, c)")]
    [InlineData("max(a, min(b, c)) + x.clamp(-1, 1) + leakyrelu(y, 0.2)", "((max(a, min(b, c)) + clamp(x, -1, 1)) + leakyrelu(y, 0.2))")]
    [InlineData("1.5e-3 * .5", "(0.0015 * 0.5)")]
    [InlineData("a \u2212 b \u00d7 c", "(a - (b * c))")]
    public void Parse_builds_the_tree_with_the_usual_precedence(string text, string expected)
    {
        Show(Parser.Parse(text)).Should().Be(expected);
    }

    [Fact]
    public void Parse_records_the_span_of_every_node()
    {
        var tree = (BinaryNode)Parser.Parse("a*b + (c)");

        tree.Start.Should().Be(0);
        tree.End.Should().Be(9);
        tree.Left.Should().Match<ExpressionNode>(n => n.Start == 0 && n.End == 3);
        tree.Right.Should().Match<ExpressionNode>(n => n.Start == 6 && n.End == 9);
    }

    [Theory]
    [InlineData("a +", 3, "ends too early")]
    [InlineData("a + * b", 4, "found '*'")]
    [InlineData("(a + b", 6, "Expected ')' to close the '(' at column 1")]
    [InlineData("a + b)", 5, "has no matching '('")]
    [InlineData("2a", 1, "Expected an operator")]
    [InlineData("a $ b", 2, "Unexpected character '$'")]
    [InlineData("foo(a)", 0, "Unknown function 'foo'")]
    [InlineData("tanh", 0, "'tanh' is a function")]
    [InlineData("tanh(a, b)", 0, "tanh takes 1 argument")]
    [InlineData("a.tanh(b)", 1, "counting the value before the dot")]
    [InlineData("pow(a)", 0, "pow takes 2 arguments")]
    [InlineData("a.5", 1, "Expected an operator")]
    [InlineData("a.(b)", 2, "Expected a function name after '.'")]
    [InlineData("a.tanh", 6, "Expected '(' after .tanh")]
    [InlineData("1e+ 2", 0, "exponent with no digits")]
    [InlineData("   ", 0, "Type an expression")]
    [InlineData("sum()", 0, "sum takes at least 1 argument")]
    public void Parse_reports_what_is_wrong_and_where(string text, int position, string message)
    {
        var act = () => Parser.Parse(text);

        var error = act.Should().Throw<ExpressionSyntaxException>().Which;
        error.Position.Should().Be(position);
        error.Message.Should().Contain(message).And.EndWith($"(at column {position + 1})");
    }

    [Fact]
    public void Parse_refuses_nesting_deeper_than_the_limit_without_overflowing_the_stack()
    {
        string deep = new string('(', 5000) + "x" + new string(')', 5000);
        var tooLong = () => Parser.Parse(deep);
        tooLong.Should().Throw<ExpressionSyntaxException>().WithMessage("*at most 400*");

        string nested = new string('(', Parser.MaxDepth + 1) + "x" + new string(')', Parser.MaxDepth + 1);
        var tooDeep = () => Parser.Parse(nested);
        tooDeep.Should().Throw<ExpressionSyntaxException>().WithMessage("*deeper than 40*");

        string minus = new string('-', Parser.MaxDepth + 5) + "x";
        var tooManySigns = () => Parser.Parse(minus);
        tooManySigns.Should().Throw<ExpressionSyntaxException>().WithMessage("*deeper than 40*");
    }

    [Fact]
    public void Parse_never_fails_with_anything_but_a_syntax_error_on_random_input()
    {
        const string alphabet = "ab1.2e+-*/^(),. tanhreluxp\t\u00d7$";
        var random = new Random(7);
        for (int trial = 0; trial < 3000; trial++)
        {
            var chars = new char[random.Next(0, 30)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            string text = new(chars);
            try
            {
                Parser.Parse(text);
            }
            catch (ExpressionSyntaxException error)
            {
                error.Position.Should().BeInRange(0, text.Length, text);
            }
        }
    }

    private static string Show(ExpressionNode node) => node switch
    {
        NumberNode n => n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        VariableNode v => v.Name,
        NegateNode n => "-" + Show(n.Operand),
        BinaryNode b => $"({Show(b.Left)} {Symbol(b.Operator)} {Show(b.Right)})",
        CallNode c => $"{c.Function.Name}({string.Join(", ", c.Arguments.Select(Show))})",
        _ => "?",
    };

    private static string Symbol(TokenKind kind) => kind switch
    {
        TokenKind.Plus => "+",
        TokenKind.Minus => "-",
        TokenKind.Star => "*",
        TokenKind.Slash => "/",
        _ => "**",
    };
}
