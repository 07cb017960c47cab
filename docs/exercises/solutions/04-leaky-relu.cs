#:project ../../../src/AutogradForDummies/AutogradForDummies.csproj

// Your turn, page 4: build a new operation out of existing ones.
//
// Leaky ReLU lets a little of the negative side through, so that a unit that is off still passes some gradient:
//     leaky(a) = a          for a > 0
//     leaky(a) = slope · a  for a ≤ 0        (slope is small, such as 0.01 or 0.1)
// Its derivative is 1 for a > 0 and slope for a < 0; at the kink a = 0 take slope, as PyTorch does.
// Write LeakyRelu below with Scalar operations only (+, -, *, Relu(), ...), so that Backward() differentiates it
// for you. Then run
//     dotnet run docs/exercises/04-leaky-relu.cs
// The checker compares values and gradients with the formula, with central differences (page 1), at a = 0 with
// the convention above, and with the library's own a.LeakyRelu(slope); then it re-evaluates your graph with new
// inputs, as a compiled graph does (page 9).
// A solution is in docs/exercises/solutions/04-leaky-relu.cs; try first.

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // · prints correctly on every console

// ---- Your code: from here ----
static Scalar LeakyRelu(Scalar a, double slope) => (slope * a) + ((1 - slope) * a.Relu());
// ---- Your code: up to here ----

// ======================================= The checker: no need to change anything below this line.
var check = new Checker();
const double slope = 0.1;
double[] points = [-2.5, -1.0, -0.3, 0.4, 1.0, 3.0];

check.That("the values: a for a > 0, slope · a for a < 0", () => points.All(x => Math.Abs(LeakyRelu(x, slope).Data - (x > 0 ? x : slope * x)) < 1e-12),
    "for a > 0 the result is a itself; for a < 0 it is slope · a. relu(a) is a or 0: combine it with a.");
check.That("the gradients agree with central differences", () => points.All(x =>
    {
        var input = new Scalar(x);
        LeakyRelu(input, slope).Backward();
        const double h = 1e-6;
        double numeric = (LeakyRelu(x + h, slope).Data - LeakyRelu(x - h, slope).Data) / (2 * h);
        return Math.Abs(input.Grad - numeric) < 1e-6;
    }),
    "1 for a > 0 and slope for a < 0. If the values are right, make sure the result is computed from the Scalar a (not from a.Data), so that the gradient can flow back to it.");
check.That("the gradient at the kink a = 0 is slope", () =>
    {
        var zero = new Scalar(0.0);
        LeakyRelu(zero, slope).Backward();
        return Math.Abs(zero.Grad - slope) < 1e-12;
    },
    "relu'(0) is 0 (page 4). relu(a) - slope · relu(-a) has the right values but the gradient 0 at a = 0: the two kinks each contribute 0. Which combination of a and relu(a) leaves slope there?");
check.That("the graph gives the right values again when its input changes (a compiled graph, page 9)", () =>
    {
        var input = new Scalar(2.0);
        var graph = LeakyRelu(input, slope).Compile();
        input.Data = -2.0;
        return Math.Abs(graph.Forward() - (-0.2)) < 1e-12;
    },
    "an `if` on a.Data while building the graph is decided once and frozen into it. Build the function from operations that decide for themselves every time, such as Relu().");

check.That("the same values and gradients as the library's own LeakyRelu, at the kink too", () => points.Append(0.0).All(x =>
    {
        Scalar mine = new(x), theirs = new(x);
        var y1 = LeakyRelu(mine, slope);
        var y2 = theirs.LeakyRelu(slope);
        y1.Backward();
        y2.Backward();
        return Math.Abs(y1.Data - y2.Data) < 1e-12 && Math.Abs(mine.Grad - theirs.Grad) < 1e-12;
    }),
    "the library's rule is the formula above, with the gradient slope at a = 0.");
check.That("it is built from other operations, not the library's LeakyRelu", () =>
        !LeakyRelu(new Scalar(1.0), slope).TopologicalOrder().Any(node => node.Op.StartsWith("LeakyReLU", StringComparison.Ordinal)),
    "the point is to build it yourself: combine a, Relu() and the arithmetic operators.");

return check.Finish();

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
