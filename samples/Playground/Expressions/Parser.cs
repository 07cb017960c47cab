namespace AutogradForDummies.Playground.Expressions;

/// <summary>
/// Reads an expression such as <c>(x**3/5 + relu(y**2)).tanh()</c> into a tree, by recursive descent:
/// <c>+ −</c> bind loosest, then <c>* /</c>, then unary minus, then <c>**</c> (right to left, so <c>-x**2</c> is
/// <c>-(x**2)</c> and <c>2**3**2</c> is <c>2**9</c>, as in Python), then calls and method calls.
/// </summary>
internal sealed class Parser
{
    /// <summary>The longest expression accepted, in characters.</summary>
    public const int MaxLength = 400;

    /// <summary>The deepest nesting accepted (brackets, calls, operators).</summary>
    public const int MaxDepth = 40;

    private readonly List<Token> _tokens;
    private int _next;
    private int _depth;

    private Parser(List<Token> tokens) => _tokens = tokens;

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="ExpressionSyntaxException">The text is not a valid expression; the exception says where.</exception>
    public static ExpressionNode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new ExpressionSyntaxException(
                $"The expression is {text.Length} characters long; the playground reads at most {MaxLength}", MaxLength);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ExpressionSyntaxException("Type an expression, such as a*b + c", 0);
        }

        var parser = new Parser(Lexer.Tokenize(text));
        var root = parser.ParseSum();
        var end = parser.Peek;
        if (end.Kind != TokenKind.End)
        {
            throw end.Kind == TokenKind.CloseParen
                ? new ExpressionSyntaxException("This ')' has no matching '('", end.Position)
                : new ExpressionSyntaxException(
                    $"Expected an operator (+ - * / **) or the end of the expression, but found {end.Describe()}",
                    end.Position,
                    end.Text.Length);
        }

        return root;
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private ExpressionNode ParseSum() => ParseLeftToRight(ParseProduct, TokenKind.Plus, TokenKind.Minus);

    private ExpressionNode ParseProduct() => ParseLeftToRight(ParseUnary, TokenKind.Star, TokenKind.Slash);

    // operand (op operand)*, grouped from the left: a - b - c is (a - b) - c.
    private ExpressionNode ParseLeftToRight(Func<ExpressionNode> operand, TokenKind first, TokenKind second)
    {
        var left = operand();
        while (Peek.Kind == first || Peek.Kind == second)
        {
            var op = Take();
            var right = operand();
            left = new BinaryNode(op.Kind, left, right, left.Start, right.End);
        }

        return left;
    }

    private ExpressionNode ParseUnary()
    {
        Enter();
        try
        {
            if (Peek.Kind is TokenKind.Minus or TokenKind.Plus)
            {
                var sign = Take();
                var operand = ParseUnary();
                return sign.Kind == TokenKind.Plus ? operand with { Start = sign.Position } : new NegateNode(operand, sign.Position, operand.End);
            }

            return ParsePower();
        }
        finally
        {
            _depth--;
        }
    }

    private ExpressionNode ParsePower()
    {
        var b = ParsePostfix();
        if (Peek.Kind != TokenKind.Power)
        {
            return b;
        }

        Take();
        var exponent = ParseUnary(); // right-associative; allows 2 ** -1
        return new BinaryNode(TokenKind.Power, b, exponent, b.Start, exponent.End);
    }

    private ExpressionNode ParsePostfix()
    {
        var node = ParsePrimary();
        while (Peek.Kind == TokenKind.Dot)
        {
            var dot = Take();
            var name = Peek;
            if (name.Kind != TokenKind.Identifier)
            {
                throw new ExpressionSyntaxException(
                    $"Expected a function name after '.', such as .tanh(), but found {name.Describe()}", name.Position);
            }

            Take();
            var function = LookUp(name);
            var open = Peek;
            if (open.Kind != TokenKind.OpenParen)
            {
                throw new ExpressionSyntaxException($"Expected '(' after .{name.Text}", open.Position);
            }

            Take();
            var arguments = new List<ExpressionNode> { node };
            int end = ParseArguments(arguments, function, name, dot.Position);
            node = new CallNode(function, arguments, node.Start, end);
        }

        return node;
    }

    private ExpressionNode ParsePrimary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Take();
                return new NumberNode(token.Value, token.Position, token.End);

            case TokenKind.Identifier:
                Take();
                if (Peek.Kind == TokenKind.OpenParen)
                {
                    var function = LookUp(token);
                    Take();
                    var arguments = new List<ExpressionNode>();
                    int end = ParseArguments(arguments, function, token, token.Position);
                    return new CallNode(function, arguments, token.Position, end);
                }

                if (ExpressionFunction.All.ContainsKey(token.Text))
                {
                    throw new ExpressionSyntaxException(
                        $"'{token.Text}' is a function: write {ExpressionFunction.All[token.Text].Usage}", token.Position, token.Text.Length);
                }

                return new VariableNode(token.Text, token.Position, token.End);

            case TokenKind.OpenParen:
                Take();
                Enter();
                var inner = ParseSum();
                _depth--;
                var close = Peek;
                if (close.Kind != TokenKind.CloseParen)
                {
                    throw new ExpressionSyntaxException(
                        $"Expected ')' to close the '(' at column {token.Position + 1}, but found {close.Describe()}", close.Position);
                }

                Take();
                return inner with { Start = token.Position, End = close.End };

            case TokenKind.End:
                throw new ExpressionSyntaxException("The expression ends too early: expected a number, a name or '('", token.Position);

            default:
                throw new ExpressionSyntaxException(
                    $"Expected a number, a name or '(', but found {token.Describe()}", token.Position, token.Text.Length);
        }
    }

    // Reads arguments up to and including ')'. `arguments` may already hold the receiver of a method call.
    private int ParseArguments(List<ExpressionNode> arguments, ExpressionFunction function, Token name, int errorPosition)
    {
        int given = arguments.Count;
        if (Peek.Kind != TokenKind.CloseParen)
        {
            Enter();
            arguments.Add(ParseSum());
            while (Peek.Kind == TokenKind.Comma)
            {
                Take();
                arguments.Add(ParseSum());
            }

            _depth--;
        }

        var close = Peek;
        if (close.Kind != TokenKind.CloseParen)
        {
            throw new ExpressionSyntaxException(
                $"Expected ',' or ')' in the arguments of {name.Text}, but found {close.Describe()}", close.Position);
        }

        Take();
        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            string expected = function.MinArguments == function.MaxArguments
                ? $"{function.MinArguments}"
                : function.MaxArguments == int.MaxValue ? $"at least {function.MinArguments}" : $"{function.MinArguments} to {function.MaxArguments}";
            string receiver = given > 0 ? " (counting the value before the dot)" : string.Empty;
            throw new ExpressionSyntaxException(
                $"{name.Text} takes {expected} argument{(function.MaxArguments == 1 ? string.Empty : "s")}{receiver} but got {arguments.Count}: write {function.Usage}",
                errorPosition,
                close.End - errorPosition);
        }

        return close.End;
    }

    private static ExpressionFunction LookUp(Token name) =>
        ExpressionFunction.All.TryGetValue(name.Text, out var function)
            ? function
            : throw new ExpressionSyntaxException(
                $"Unknown function '{name.Text}'; the functions are {string.Join(", ", ExpressionFunction.All.Keys)}",
                name.Position,
                name.Text.Length);

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new ExpressionSyntaxException($"The expression nests deeper than {MaxDepth} levels", Peek.Position);
        }
    }
}
