namespace AutogradForDummies.Playground.Expressions;

/// <summary>A node of a parsed expression, with the span of the text it was read from.</summary>
/// <param name="Start">The index of its first character.</param>
/// <param name="End">The index just past its last character.</param>
internal abstract record ExpressionNode(int Start, int End);

/// <summary>A number literal.</summary>
internal sealed record NumberNode(double Value, int Start, int End) : ExpressionNode(Start, End);

/// <summary>A named variable; every use of one name is the same leaf of the graph.</summary>
internal sealed record VariableNode(string Name, int Start, int End) : ExpressionNode(Start, End);

/// <summary>Unary minus.</summary>
internal sealed record NegateNode(ExpressionNode Operand, int Start, int End) : ExpressionNode(Start, End);

/// <summary>A binary operator: + − * / **.</summary>
internal sealed record BinaryNode(TokenKind Operator, ExpressionNode Left, ExpressionNode Right, int Start, int End)
    : ExpressionNode(Start, End);

/// <summary>A function applied to arguments, written <c>f(x)</c> or <c>x.f()</c>.</summary>
internal sealed record CallNode(ExpressionFunction Function, IReadOnlyList<ExpressionNode> Arguments, int Start, int End)
    : ExpressionNode(Start, End);
