#:project ../../../src/AutogradForDummies/AutogradForDummies.csproj

// Your turn, page 2: backpropagate by hand, then let Backward() check you.
//
// Part 1. The expression of Karpathy's lecture, with a = 2, b = -3, c = 10, f = -2:
//     e = a·b        d = e + c        L = d·f
// Part 2. A neuron with two inputs and a tanh:
//     x1 = 2, x2 = 0, w1 = -3, w2 = 1, b = the bias you choose
//     n = x1·w1 + x2·w2 + b        o = tanh(n)
//   Choose the bias so that 1 - o² = 0.5 (the local derivative of tanh is 1 - o², page 4), then fill in the
//   gradients.
// Work each gradient out on paper from the output back (page 2's walk): every node's grad is the grad of the
// node it feeds times the local derivative. Then write the numbers below and run
//     dotnet run docs/exercises/02-backprop-by-hand.cs
// The checker builds both graphs with Scalar, calls Backward() and compares: PASS, or FAIL with a hint. A solution
// is in docs/exercises/solutions/02-backprop-by-hand.cs; try first.

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ∂ and ² print correctly on every console

// ---- Your code: from here ----
// Part 1: ∂L/∂(each node).
double gradL = 1;
double gradD = -2;
double gradF = 4;
double gradE = -2;
double gradC = -2;
double gradA = 6;
double gradB = -4;

// Part 2: the bias, then ∂o/∂(each node).
double bias = 6.881373587019543; // n = atanh(1/√2) = 0.881373587019543, and x1·w1 + x2·w2 = -6
double gradO = 1;
double gradN = 0.5;
double gradBias = 0.5;
double gradX1W1 = 0.5; // the node x1·w1
double gradX2W2 = 0.5; // the node x2·w2
double gradX1 = -1.5;
double gradW1 = 1;
double gradX2 = 0.5;
double gradW2 = 0;
// ---- Your code: up to here ----

// ======================================= The checker: no need to change anything below this line.
var check = new Checker();

var a = new Scalar(2.0, "a");
var b = new Scalar(-3.0, "b");
var c = new Scalar(10.0, "c");
var f = new Scalar(-2.0, "f");
var e = (a * b).WithLabel("e");
var d = (e + c).WithLabel("d");
var loss = (d * f).WithLabel("L");
loss.Backward();
Console.WriteLine($"Part 1: L = {loss.Data}");
Compare(gradL, loss, "every backward pass starts with the output's own gradient: how much does L move when L moves?");
Compare(gradD, d, "L = d·f, so ∂L/∂d is the other factor.");
Compare(gradF, f, "L = d·f, so ∂L/∂f is the other factor, d = e + c = 4.");
Compare(gradE, e, "d = e + c passes its gradient through unchanged (∂d/∂e = 1).");
Compare(gradC, c, "d = e + c passes its gradient through unchanged (∂d/∂c = 1).");
Compare(gradA, a, "e = a·b: ∂e/∂a = b, times the gradient that arrived at e.");
Compare(gradB, b, "e = a·b: ∂e/∂b = a, times the gradient that arrived at e.");

var x1 = new Scalar(2.0, "x1");
var x2 = new Scalar(0.0, "x2");
var w1 = new Scalar(-3.0, "w1");
var w2 = new Scalar(1.0, "w2");
var bScalar = new Scalar(bias, "b");
var x1w1 = (x1 * w1).WithLabel("x1·w1");
var x2w2 = (x2 * w2).WithLabel("x2·w2");
var n = (x1w1 + x2w2 + bScalar).WithLabel("n");
var o = n.Tanh().WithLabel("o");
o.Backward();
Console.WriteLine($"Part 2: with b = {bias}, n = {n.Data}, o = {o.Data}, 1 - o² = {1 - (o.Data * o.Data)}");
check.That("the bias makes 1 - o² = 0.5", () => Math.Abs(1 - (o.Data * o.Data) - 0.5) < 1e-4,
    "1 - o² = 0.5 means o = 1/√2, so n = atanh(1/√2) = 0.8813735870195432 (Math.Atanh); n = x1·w1 + x2·w2 + b = -6 + 0 + b.");
Compare(gradO, o, "the output's own gradient.");
Compare(gradN, n, "o = tanh(n), and tanh's local derivative is 1 - o², which you made 0.5.");
Compare(gradBias, bScalar, "n is a sum: every term gets n's gradient unchanged.");
Compare(gradX1W1, x1w1, "n is a sum: every term gets n's gradient unchanged.");
Compare(gradX2W2, x2w2, "n is a sum: every term gets n's gradient unchanged.");
Compare(gradX1, x1, "x1·w1: the gradient of x1 is the other factor, w1, times the gradient of the product.");
Compare(gradW1, w1, "x1·w1: the gradient of w1 is the other factor, x1, times the gradient of the product.");
Compare(gradX2, x2, "x2·w2: the gradient of x2 is the other factor, w2, times the gradient of the product.");
Compare(gradW2, w2, "x2·w2: the gradient of w2 is the other factor, x2 = 0, times the gradient of the product. A weight whose input is 0 learns nothing from this example.");
return check.Finish();

void Compare(double yours, Scalar node, string hint) =>
    check.That($"∂/∂{node.Label} = {(double.IsNaN(yours) ? "?" : yours.ToString())}", () => Math.Abs(yours - node.Grad) < 1e-3, hint); // rounded answers are fine

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
