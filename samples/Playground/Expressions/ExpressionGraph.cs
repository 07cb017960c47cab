namespace AutogradForDummies.Playground.Expressions;

/// <summary>
/// The library graph of an expression: every variable one leaf (however often it is used), every operation one
/// <see cref="Scalar"/> labelled with the text it was read from, and the gradients of one <see cref="Scalar.Backward"/>.
/// </summary>
public sealed class ExpressionGraph
{
    /// <summary>The most variables an expression may have (each gets a slider).</summary>
    public const int MaxVariables = 8;

    /// <summary>The most nodes a graph may have, so that its drawing stays readable and quick.</summary>
    public const int MaxNodes = 120;

    /// <summary>The longest label a node gets; longer source text is cut with an ellipsis.</summary>
    public const int MaxLabelLength = 24;

    private readonly string _text;
    private readonly IReadOnlyDictionary<string, double> _values;
    private readonly double _missing;
    private readonly Dictionary<string, Scalar> _variables = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private int _nodeCount;

    private ExpressionGraph(string text, IReadOnlyDictionary<string, double> values, double missing)
    {
        _text = text;
        _values = values;
        _missing = missing;
    }

    /// <summary>Gets the expression's text.</summary>
    public string Text => _text;

    /// <summary>Gets the output node; its <see cref="Scalar.Backward"/> has run.</summary>
    public Scalar Root { get; private set; } = null!;

    /// <summary>Gets the variables' names in the order they first appear.</summary>
    public IReadOnlyList<string> VariableNames => _names;

    /// <summary>Gets the leaf of each variable.</summary>
    public IReadOnlyDictionary<string, Scalar> Variables => _variables;

    /// <summary>Gets every node, parents before children (<see cref="Scalar.TopologicalOrder"/>): node k is
    /// <c>n{k}</c> in <see cref="Scalar.ToDot"/>.</summary>
    public IReadOnlyList<Scalar> Nodes { get; private set; } = [];

    /// <summary>Parses <paramref name="text"/>, builds its graph with the given variable values
    /// (<paramref name="missing"/> for a variable that has none) and runs <see cref="Scalar.Backward"/> on it.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="values">Values of the variables by name.</param>
    /// <param name="missing">The value of a variable that <paramref name="values"/> does not name.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ExpressionSyntaxException">The expression cannot be read or is too large.</exception>
    public static ExpressionGraph Build(string text, IReadOnlyDictionary<string, double> values, double missing = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        var tree = Parser.Parse(text);
        var graph = new ExpressionGraph(text, values, missing);
        graph.Root = graph.Emit(tree);
        graph.Nodes = graph.Root.TopologicalOrder();
        graph.Root.Backward();
        return graph;
    }

    private Scalar Emit(ExpressionNode node)
    {
        if (++_nodeCount > MaxNodes)
        {
            throw new ExpressionSyntaxException(
                $"The graph would have more than {MaxNodes} nodes, too many to draw readably; shorten the expression",
                node.Start,
                node.End - node.Start);
        }

        return node switch
        {
            NumberNode n => new Scalar(n.Value, Label(n)),
            VariableNode v => Variable(v),
            NegateNode n => Named((-Emit(n.Operand)), n),
            BinaryNode { Operator: TokenKind.Power, Right: var exponent } b when ConstantOf(exponent) is double c =>
                Named(Emit(b.Left).Pow(c), b),
            BinaryNode b => Named(Binary(b.Operator, Emit(b.Left), Emit(b.Right)), b),
            CallNode call => Named(Call(call), call),
            _ => throw new ExpressionSyntaxException("This part of the expression cannot be evaluated", node.Start),
        };
    }

    private Scalar Call(CallNode call)
    {
        var function = call.Function;
        var operands = new List<Scalar>();
        var constants = new List<double>();
        for (int i = 0; i < call.Arguments.Count; i++)
        {
            var argument = call.Arguments[i];
            if (i < function.ConstantsFrom)
            {
                operands.Add(Emit(argument));
            }
            else if (ConstantOf(argument) is double k)
            {
                constants.Add(k);
            }
            else
            {
                throw new ExpressionSyntaxException(
                    $"Argument {i + 1} of {function.Name} must be a number, such as 0.1: write {function.Usage}",
                    argument.Start,
                    argument.End - argument.Start);
            }
        }

        try
        {
            return function.Apply(operands, constants);
        }
        catch (ArgumentException e)
        {
            // The library refuses constants it cannot use (a clamp whose bounds are the wrong way round, say).
            string reason = e.Message.Split(" (Parameter", 2)[0].TrimEnd('.');
            throw new ExpressionSyntaxException($"{function.Name}: {reason}", call.Start, call.End - call.Start);
        }
    }

    private Scalar Variable(VariableNode v)
    {
        if (_variables.TryGetValue(v.Name, out var leaf))
        {
            return leaf;
        }

        if (_names.Count == MaxVariables)
        {
            throw new ExpressionSyntaxException(
                $"'{v.Name}' would be variable number {MaxVariables + 1}; the playground has sliders for at most {MaxVariables}",
                v.Start,
                v.End - v.Start);
        }

        leaf = new Scalar(_values.TryGetValue(v.Name, out double value) ? value : _missing, v.Name);
        _variables.Add(v.Name, leaf);
        _names.Add(v.Name);
        return leaf;
    }

    // A constant exponent (a number, or minus a number) makes a**c, whose only parent is the base.
    private static double? ConstantOf(ExpressionNode exponent) => exponent switch
    {
        NumberNode n => n.Value,
        NegateNode { Operand: NumberNode n } => -n.Value,
        _ => null,
    };

    private static Scalar Binary(TokenKind op, Scalar left, Scalar right) => op switch
    {
        TokenKind.Plus => left + right,
        TokenKind.Minus => left - right,
        TokenKind.Star => left * right,
        TokenKind.Slash => left / right,
        _ => left.Pow(right),
    };

    private Scalar Named(Scalar scalar, ExpressionNode node) => scalar.WithLabel(Label(node));

    private string Label(ExpressionNode node)
    {
        string text = string.Join(' ', _text[node.Start..node.End].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= MaxLabelLength ? text : string.Concat(text.AsSpan(0, MaxLabelLength - 1), "…");
    }
}
