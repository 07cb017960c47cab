using System.Globalization;

namespace AutogradForDummies.Playground.Backprop;

/// <summary>The backward rule of each operation, in words and in symbols with the operands' names.</summary>
internal static class RuleText
{
    /// <summary>One sentence on what the operation's backward rule does.</summary>
    public static string Words(Scalar node) => node.Op switch
    {
        "+" => "A sum passes its gradient unchanged to both terms.",
        "-" => "A difference passes its gradient to the first operand and minus its gradient to the second.",
        "*" => "A product passes each factor its gradient times the other factor.",
        "/" => "A quotient passes the dividend its gradient over the divisor, and the divisor minus the quotient over the divisor, times its gradient.",
        "neg" => "A negation passes on minus its gradient.",
        "**" => "A power passes the base b·a^(b−1) and the exponent a^b·ln a, each times its gradient.",
        "ReLU" => "ReLU lets the gradient through where its input is positive and blocks it elsewhere.",
        "tanh" => "tanh's slope is 1 − tanh², read off its own output.",
        "sigmoid" => "The sigmoid's slope is σ·(1 − σ), read off its own output.",
        "exp" => "The exponential is its own derivative.",
        "log" => "The logarithm's slope is one over its input.",
        "abs" => "The absolute value passes on the sign of its input (0 at 0).",
        "sqrt" => "The square root's slope is 1/(2√a), read off its own output.",
        "softplus" => "Softplus's slope is the sigmoid of its input.",
        "sum" => "A sum passes its gradient unchanged to every term.",
        "logsumexp" => "Log-sum-exp passes each term its softmax weight times its gradient.",
        "dot" => "A dot product passes each weight its input, each input its weight, and the bias 1, times its gradient.",
        "mean" => "A mean passes every term its gradient divided by the number of terms.",
        "max" => "max passes its gradient to the larger operand and nothing to the other; on a tie each gets half.",
        "min" => "min passes its gradient to the smaller operand and nothing to the other; on a tie each gets half.",
        var op when op.StartsWith("**", StringComparison.Ordinal) => "The power rule: bring the exponent down and lower it by one.",
        var op when op.StartsWith("LeakyReLU", StringComparison.Ordinal) => "Leaky ReLU lets the gradient through where its input is positive and passes a small share of it elsewhere.",
        var op when op.StartsWith("clamp", StringComparison.Ordinal) => "clamp lets the gradient through where its input is inside the bounds and blocks it outside.",
        _ => "It applies its local derivative.",
    };

    /// <summary>The rule for parent <paramref name="k"/>, such as <c>d(a*b)/da = b</c>.</summary>
    /// <param name="node">The node.</param>
    /// <param name="k">The parent's position in <see cref="Scalar.Parents"/>.</param>
    /// <param name="name">Names a node (its label, or its id when it has none).</param>
    public static string Formula(Scalar node, int k, Func<Scalar, string> name)
    {
        var p = node.Parents;
        string y = name(node);
        string a = Operand(name(p[0]));
        string b = p.Count > 1 ? Operand(name(p[1])) : string.Empty;
        string target = name(p[k]);
        string derivative = node.Op switch
        {
            "+" => "1",
            "-" => k == 0 ? "1" : "−1",
            "*" => k == 0 ? b : a,
            "/" => k == 0 ? $"1/{b}" : $"−{a}/{b}²",
            "neg" => "−1",
            "**" => k == 0 ? $"{b}·{a}^({b}−1)" : $"{a}^{b}·ln {a}",
            "ReLU" => $"1 if {a} > 0, else 0",
            "tanh" => $"1 − tanh²({a})",
            "sigmoid" => $"σ({a})·(1 − σ({a}))",
            "exp" => $"e^{a}",
            "log" => $"1/{a}",
            "abs" => $"sign({a})",
            "sqrt" => $"1/(2√{a})",
            "softplus" => $"σ({a})",
            "sum" => "1",
            "logsumexp" => $"e^({Operand(target)} − {Operand(y)})",
            "dot" => DotFormula(node, k, name),
            "mean" => "1/" + Number(p.Count),
            "max" => k == 0 ? $"1 if {a} > {b}, ½ on a tie, else 0" : $"1 if {b} > {a}, ½ on a tie, else 0",
            "min" => k == 0 ? $"1 if {a} < {b}, ½ on a tie, else 0" : $"1 if {b} < {a}, ½ on a tie, else 0",
            var op when op.StartsWith("**", StringComparison.Ordinal) => PowerRule(Constant(op, 2), a),
            var op when op.StartsWith("LeakyReLU ", StringComparison.Ordinal) => $"1 if {a} > 0, else {op["LeakyReLU ".Length..]}",
            var op when op.StartsWith("clamp ", StringComparison.Ordinal) => $"1 if {a} is within {op["clamp ".Length..]}, else 0",
            _ => "?",
        };
        return $"d({y})/d({target}) = {derivative}";
    }

    // The constant in an operation's name, such as the 3 of **3.
    private static double Constant(string op, int start) =>
        double.Parse(op.AsSpan(start), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string PowerRule(double c, string a)
    {
        string lowered = Number(c - 1);
        return $"{Number(c)}·{a}^{(c - 1 < 0 ? $"({lowered})" : lowered)}";
    }

    private static string DotFormula(Scalar node, int k, Func<Scalar, string> name)
    {
        var p = node.Parents;
        int n = p.Count / 2;
        return k < n ? Operand(name(p[n + k])) : k < 2 * n ? Operand(name(p[k - n])) : "1";
    }

    /// <summary>Formats a number for the rule texts: up to 6 significant digits, invariant culture.</summary>
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>The gradient of a node in the texts: <c>a.grad</c>, <c>(a*b).grad</c>.</summary>
    public static string Grad(string name) => Operand(name) + ".grad";

    // Names that are not a single identifier or number get brackets, so that a/b² never reads wrongly.
    private static string Operand(string name) =>
        name.All(c => char.IsLetterOrDigit(c) || c is '_' or '.') ? name : $"({name})";
}
