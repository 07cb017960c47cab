#:project ../../../src/AutogradForDummies/AutogradForDummies.csproj

// Your turn, page 7: sweep the learning rate.
//
// How much does the learning rate matter? Train micrograd's moons network with plain SGD at one constant rate,
// for 100 steps, and repeat for rates from 0.01 to 10.
//   1. Write Train below: 100 steps of forward (the hinge loss plus Losses.L2(parameters, 1e-4), as on page 8),
//      ZeroGrad, Backward and Step, with new SGD(model.Parameters(), learningRate). Return the loss and the
//      accuracy (Metrics.Accuracy of the scores) of the last step's forward pass.
//   2. Run:  dotnet run docs/exercises/07-learning-rate-sweep.cs
//      The checker trains one fresh MLP(2, [16, 16, 1], seed: 1) per rate with your Train and prints the table.
//   3. Read the table and fill in bestRate (the highest accuracy; on a tie, the lower loss) and
//      smallestDivergingRate (the smallest rate whose final loss is larger than the loss it started from).
// A solution is in docs/exercises/solutions/07-learning-rate-sweep.cs; try first.

using AutogradForDummies;
using AutogradForDummies.Data;
using AutogradForDummies.Nn;
using AutogradForDummies.Optim;

Console.OutputEncoding = System.Text.Encoding.UTF8; // η prints correctly on every console

// ---- Your code: from here ----
static (double Loss, double Accuracy) Train(MLP model, Dataset data, double learningRate)
{
    var labels = data.SignedLabels();
    var sgd = new SGD(model.Parameters(), learningRate);
    double loss = 0, accuracy = 0;
    for (int step = 0; step < 100; step++)
    {
        var scores = new Scalar[data.Count];
        for (int i = 0; i < data.Count; i++)
        {
            scores[i] = model.Forward(data.Features[i])[0];
        }

        var total = Losses.Hinge(scores, labels) + Losses.L2(model.Parameters(), 1e-4);
        sgd.ZeroGrad();
        total.Backward();
        sgd.Step();
        loss = total.Data;
        accuracy = Metrics.Accuracy(scores, labels);
    }

    return (loss, accuracy);
}

double bestRate = 1;
double smallestDivergingRate = 10;
// ---- Your code: up to here ----

// ======================================= The checker: no need to change anything below this line.
var check = new Checker();
var data = Datasets.MakeMoons(100, noise: 0.1, seed: 2);
const double startLoss = 0.9627419699703168; // the loss of the untrained network

// The final loss and accuracy of each rate (the loss only roughly where training diverges).
var expected = new (double Rate, double Loss, double Accuracy)[]
{
    (0.01, 0.26322756413620463, 0.89),
    (0.03, 0.21395237995444852, 0.89),
    (0.1, 0.1292688717699682, 0.93),
    (0.3, 0.05409044305150222, 0.99),
    (1, 0.012747042788240306, 1),
    (3, 0.4893991084840613, 0.91),
    (10, 66129.26144782956, 0.5),
};

// Your Train, once per rate (NaN where it throws).
var results = expected.Select(e =>
    {
        try
        {
            return Train(new MLP(2, [16, 16, 1], seed: 1), data, e.Rate);
        }
        catch (NotImplementedException)
        {
            return (Loss: double.NaN, Accuracy: double.NaN);
        }
    }).ToList();

Console.WriteLine("    η   final loss  accuracy");
for (int i = 0; i < expected.Length; i++)
{
    Console.WriteLine($"{expected[i].Rate,5}  {results[i].Loss,11:0.####}  {results[i].Accuracy,8:P0}");
}

Console.WriteLine();
for (int i = 0; i < expected.Length; i++)
{
    var (rate, loss, accuracy) = expected[i];
    var mine = results[i];
    bool diverged = loss > startLoss * 10;
    check.That($"η = {rate}: loss {mine.Loss:0.####}, accuracy {mine.Accuracy:P0}",
        () => mine.Accuracy == accuracy && (diverged ? mine.Loss > startLoss * 10 : Math.Abs(mine.Loss - loss) <= 1e-6 * loss),
        "use the loss Losses.Hinge(scores, labels) + Losses.L2(model.Parameters(), 1e-4) with data.SignedLabels(), call ZeroGrad before Backward, and return the loss and accuracy of the 100th step's forward pass (computed before its Step).");
}

check.That($"bestRate = {bestRate}", () => bestRate == 1,
    "the highest accuracy in the table, and on a tie the lower final loss.");
check.That($"smallestDivergingRate = {smallestDivergingRate}", () => smallestDivergingRate == 10,
    $"the smallest rate whose final loss is above the starting loss {startLoss:0.####}.");
Console.WriteLine("""

    Too small a rate crawls (0.01 and 0.03 are still far from done after 100 steps), too large a one overshoots:
    at 3 the loss jumps around and many ReLUs die (page 5's exercise), at 10 it explodes. The best constant rate
    is the largest one that is still stable, which is why page 8 starts at 1.0 and decays to 0.1: large steps
    early, small ones to settle.
    """);
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
