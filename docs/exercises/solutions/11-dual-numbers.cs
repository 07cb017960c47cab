#:project ../../../src/AutogradForDummies/AutogradForDummies.csproj

// Your turn, page 11: forward mode in 30 lines.
//
// A dual number a + a′ε (with ε² = 0) carries a value and its derivative through every operation at once
// (page 11). Further down is the struct Dual with its + and * already written. Write the rest: -, /, Exp, Log,
// Tanh and Pow (a constant exponent), each with the rule of page 4 for the derivative part. Then run
//     dotnet run docs/exercises/11-dual-numbers.cs
// The checker tries each operation, then differentiates three functions in forward mode (seeding the input's
// derivative with 1) and compares with Backward() on the same functions written with Scalar. A solution is in
// docs/exercises/solutions/11-dual-numbers.cs; try first.

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ′ and ε print correctly on every console

// ======================================= The checker. Your part is the struct Dual further down.
var check = new Checker();
CheckOne("p - q", (p, q) => p - q, (p, q) => p - q, "(a + a′ε) − (b + b′ε) = (a − b) + (a′ − b′)ε.");
CheckOne("p / q", (p, q) => p / q, (p, q) => p / q, "the quotient rule: (a/b)′ = (a′b − ab′) / b².");
CheckOne("Exp(p)", (p, _) => Dual.Exp(p), (p, _) => p.Exp(), "(eᵃ)′ = eᵃ · a′: the chain rule, the outer derivative times the inner one.");
CheckOne("Log(p)", (p, _) => Dual.Log(p), (p, _) => p.Log(), "(ln a)′ = a′ / a.");
CheckOne("Tanh(p)", (p, _) => Dual.Tanh(p), (p, _) => p.Tanh(), "(tanh a)′ = (1 − tanh² a) · a′.");
CheckOne("Pow(p, 3)", (p, _) => Dual.Pow(p, 3), (p, _) => p.Pow(3), "(aⁿ)′ = n · aⁿ⁻¹ · a′.");
CheckOne("Pow(p, -0.5)", (p, _) => Dual.Pow(p, -0.5), (p, _) => p.Pow(-0.5), "(aⁿ)′ = n · aⁿ⁻¹ · a′, for any constant n.");

var functions = new (string Name, Func<Dual, Dual> Forward, Func<Scalar, Scalar> Reverse)[]
{
    ("tanh(x·x − 1) / (x + 3)", x => Dual.Tanh((x * x) - new Dual(1, 0)) / (x + new Dual(3, 0)), x => ((x * x) - 1).Tanh() / (x + 3)),
    ("ln(1 + e^x) · x³", x => Dual.Log(new Dual(1, 0) + Dual.Exp(x)) * Dual.Pow(x, 3), x => (1 + x.Exp()).Log() * x.Pow(3)),
    ("e^(−x²/2) − x / 4", x => Dual.Exp(new Dual(-0.5, 0) * x * x) - (x / new Dual(4, 0)), x => (-0.5 * x * x).Exp() - (x / 4)),
};
foreach (var (name, forwardMode, reverseMode) in functions)
{
    check.That($"d/dx of {name}, forward mode against Backward(), at 9 points", () => Points.All(at =>
        {
            var dual = forwardMode(new Dual(at, 1)); // seed: dx/dx = 1
            var x = new Scalar(at);
            var y = reverseMode(x);
            y.Backward();
            return Close(dual.Value, y.Data) && Close(dual.Derivative, x.Grad);
        }),
        "fix the single operations above first; each rule is the derivative of the operation times the derivatives coming in.");
}

return check.Finish();

void CheckOne(string name, Func<Dual, Dual, Dual> dual, Func<Scalar, Scalar, Scalar> scalar, string hint)
{
    check.That($"{name}: value and derivative", () => Points.Where(at => at > 0).All(at =>
        {
            // p depends on x as 2x + 1, q as x² + 1, so both derivatives matter.
            var p = new Dual((2 * at) + 1, 2);
            var q = new Dual((at * at) + 1, 2 * at);
            var result = dual(p, q);
            var x = new Scalar(at);
            var y = scalar((2 * x) + 1, (x * x) + 1);
            y.Backward();
            return Close(result.Value, y.Data) && Close(result.Derivative, x.Grad);
        }),
        hint);
}

static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b));

// ======================================= Your part: the missing operations of this struct.
readonly record struct Dual(double Value, double Derivative)
{
    public static Dual operator +(Dual p, Dual q) => new(p.Value + q.Value, p.Derivative + q.Derivative);

    public static Dual operator *(Dual p, Dual q) => new(p.Value * q.Value, (p.Derivative * q.Value) + (p.Value * q.Derivative));

    // ---- Your code: from here ----
    public static Dual operator -(Dual p, Dual q) => new(p.Value - q.Value, p.Derivative - q.Derivative);

    public static Dual operator /(Dual p, Dual q) =>
        new(p.Value / q.Value, ((p.Derivative * q.Value) - (p.Value * q.Derivative)) / (q.Value * q.Value));

    public static Dual Exp(Dual p) => new(Math.Exp(p.Value), Math.Exp(p.Value) * p.Derivative);

    public static Dual Log(Dual p) => new(Math.Log(p.Value), p.Derivative / p.Value);

    public static Dual Tanh(Dual p)
    {
        double t = Math.Tanh(p.Value);
        return new(t, (1 - (t * t)) * p.Derivative);
    }

    public static Dual Pow(Dual p, double n) => new(Math.Pow(p.Value, n), n * Math.Pow(p.Value, n - 1) * p.Derivative);
    // ---- Your code: up to here ----
}

/// <summary>The points the checks differentiate at.</summary>
static class Points
{
    private static readonly double[] s_all = [-2.0, -1.3, -0.6, -0.1, 0.4, 0.9, 1.5, 2.2, 3.0];

    public static bool All(Func<double, bool> check) => s_all.All(check);

    public static IEnumerable<double> Where(Func<double, bool> keep) => s_all.Where(keep);
}

/// <summary>Prints PASS or FAIL, with a hint, for each check, and sums them up.</summary>
sealed class Checker
{
    private int _passed;
    private int _failed;

    public void That(string what, Func<bool> passes, string hint) => That(what, passes, () => hint);

    // The hint is made after the check has run, so it can say what your code returned.
    public void That(string what, Func<bool> passes, Func<string> hint)
    {
        string? problem = null;
        bool ok;
        try
        {
            ok = passes();
        }
        catch (NotImplementedException)
        {
            ok = false;
            problem = "not written yet";
        }
        catch (Exception e)
        {
            ok = false;
            problem = $"{e.GetType().Name}: {e.Message}";
        }

        if (ok)
        {
            _passed++;
            Console.WriteLine($"PASS  {what}");
            return;
        }

        _failed++;
        Console.WriteLine($"FAIL  {what}{(problem is null ? string.Empty : $" ({problem})")}");
        Console.WriteLine($"      hint: {hint()}");
    }

    public int Finish()
    {
        Console.WriteLine(_failed == 0
            ? $"All {_passed} checks pass. Well done!"
            : $"{_failed} of {_passed + _failed} checks fail. Fix the first FAIL and run again.");
        return _failed == 0 ? 0 : 1;
    }
}
