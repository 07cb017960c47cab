#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

// Your turn, page 6: build the softmax cross-entropy out of Exp, Sum and Log.
//
// For logits z₁ … z_K and the correct class c, the loss is
//     CE = -ln softmax(z)_c = ln Σⱼ e^(zⱼ) - z_c
// Write CrossEntropy below with Scalar operations: Exp(), Scalar.Sum(...), Log(), + and -. (Not Scalar.LogSumExp
// or Losses: the point is to build it yourself.) Make it stable: with logits such as (1000, 999, 990), e^1000
// overflows to infinity. Page 6 shows the trick. Then run
//     dotnet run docs/exercises/06-softmax-cross-entropy.cs
// The checker compares your loss and its gradients with the library's Losses.SoftmaxCrossEntropy and with central
// differences, on random logits and on huge ones. A solution is in
// docs/exercises/solutions/06-softmax-cross-entropy.cs; try first.

using AutogradForDummies;
using AutogradForDummies.Nn;

Console.OutputEncoding = System.Text.Encoding.UTF8; // Σ and ∂ print correctly on every console

// ---- Your code: from here ----
static Scalar CrossEntropy(IReadOnlyList<Scalar> logits, int correct)
{
    throw new NotImplementedException();
}
// ---- Your code: up to here ----

// ======================================= The checker: no need to change anything below this line.
var check = new Checker();
var random = new Random(6);
var cases = Enumerable.Range(0, 20)
    .Select(i => (Logits: Enumerable.Range(0, 2 + (i % 4)).Select(_ => (random.NextDouble() * 6) - 3).ToArray(), Correct: i % 2))
    .ToList();

check.That("it is built from exp, sum and log nodes", () =>
    {
        var ops = CrossEntropy([new(1.0), new(2.0), new(0.5)], 0).TopologicalOrder().Select(node => node.Op).ToHashSet();
        return ops.Contains("exp") && ops.Contains("log") && !ops.Contains("logsumexp");
    },
    "use z.Exp() for every logit, Scalar.Sum(...) of those, and .Log() of the sum (not Scalar.LogSumExp, which does it all in one node).");
check.That("the loss equals Losses.SoftmaxCrossEntropy on 20 random cases", () => cases.All(c =>
        Math.Abs(CrossEntropy(Leaves(c.Logits), c.Correct).Data - Library(c.Logits, c.Correct).Loss) < 1e-12),
    "CE = ln(Σⱼ e^(zⱼ)) - z_c, where c is the correct class.");
check.That("the gradients equal the library's: softmax(z) - one-hot(c)", () => cases.All(c =>
    {
        var z = Leaves(c.Logits);
        CrossEntropy(z, c.Correct).Backward();
        var expected = Library(c.Logits, c.Correct).Gradients;
        return z.Select((zj, j) => Math.Abs(zj.Grad - expected[j]) < 1e-12).All(ok => ok);
    }),
    "if the values are right, check that the loss is computed from the logits themselves (Scalars), not from their .Data, so that gradients can flow back.");
check.That("the gradients agree with central differences", () => cases.All(c =>
    {
        var z = Leaves(c.Logits);
        CrossEntropy(z, c.Correct).Backward();
        const double h = 1e-6;
        return Enumerable.Range(0, z.Length).All(j =>
        {
            double Nudged(double delta) => CrossEntropy(Leaves(c.Logits.Select((x, k) => k == j ? x + delta : x).ToArray()), c.Correct).Data;
            return Math.Abs(((Nudged(h) - Nudged(-h)) / (2 * h)) - z[j].Grad) < 1e-6;
        });
    }),
    "each ∂CE/∂zⱼ is e^(zⱼ) / Σₖ e^(zₖ), minus 1 for the correct class.");
double huge = double.NaN;
check.That("the logits (1000, 999, 990) give the finite loss 0.313295", () => Math.Abs((huge = CrossEntropy(Leaves([1000, 999, 990]), 0).Data) - 0.31329538) < 1e-6,
    () => $"you got {huge}: e^1000 is infinity in a double. Subtract the largest logit m from every logit before Exp() and add m back after Log(): ln Σ e^(zⱼ) = m + ln Σ e^(zⱼ - m).");
return check.Finish();

static Scalar[] Leaves(double[] values) => values.Select(v => new Scalar(v)).ToArray();

static (double Loss, double[] Gradients) Library(double[] logits, int correct)
{
    var z = Leaves(logits);
    var loss = Losses.SoftmaxCrossEntropy([z], [correct]);
    loss.Backward();
    return (loss.Data, z.Select(zj => zj.Grad).ToArray());
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
