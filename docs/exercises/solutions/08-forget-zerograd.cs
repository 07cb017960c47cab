#:project ../../../src/AutogradForDummies/AutogradForDummies.csproj

// Your turn, page 8: forget ZeroGrad(), and explain what happens.
//
// Page 8's training loop calls optimizer.ZeroGrad() before loss.Backward() on every step. What if it did not?
//   1. Write MyZeroGrad below: what ZeroGrad does to a list of parameters.
//   2. Run:  dotnet run docs/exercises/08-forget-zerograd.cs
//      The checker trains page 8's network twice, once with your MyZeroGrad before every Backward() and once
//      without it, and prints the loss and the accuracy side by side.
//   3. Answer the two questions below with a letter, from what you see and from page 3 ("fresh gradients
//      inside, accumulating leaves").
// A solution is in docs/exercises/solutions/08-forget-zerograd.cs; try first.

using AutogradForDummies;
using AutogradForDummies.Data;
using AutogradForDummies.Nn;
using AutogradForDummies.Optim;

Console.OutputEncoding = System.Text.Encoding.UTF8; // the table's characters print correctly on every console

// ---- Your code: from here ----
static void MyZeroGrad(IReadOnlyList<Scalar> parameters)
{
    foreach (var p in parameters)
    {
        p.Grad = 0;
    }
}

// Question 1. Without ZeroGrad, which gradient does step k of SGD use for a parameter?
//   A: the gradient of step k, as with ZeroGrad: Backward() starts every gradient from 0.
//   B: the sum of the gradients of steps 0, 1, ..., k: the parameters are leaves, and leaves accumulate.
//   C: the average of the gradients of steps 0, 1, ..., k.
char answer1 = 'B';

// Question 2. Why do the loss and the accuracy go wrong after a few steps?
//   A: they do not: the sum points the same way as the current gradient, so training only gets faster.
//   B: the gradients cancel out, so the parameters stop moving.
//   C: the old gradients, taken at parameters that have long moved, keep pushing in their old directions, and
//      their sum grows step after step: like momentum that never forgets, the steps get too large and overshoot.
char answer2 = 'C';
// ---- Your code: up to here ----

// ======================================= The checker: no need to change anything below this line.
var check = new Checker();
var data = Datasets.MakeMoons(100, noise: 0.1, seed: 2);
var labels = data.SignedLabels();

check.That("MyZeroGrad sets every gradient to 0", () =>
    {
        Scalar[] ps = [new(1.0), new(2.0)];
        ps[0].Grad = 3;
        ps[1].Grad = -4;
        MyZeroGrad(ps);
        return ps.All(p => p.Grad == 0);
    },
    "loop over the parameters and set each one's Grad to 0.");

bool written = true;
try
{
    MyZeroGrad([]);
}
catch (NotImplementedException)
{
    written = false; // no need to train twice to find that out
}

if (written)
{
    var withZeroGrad = Train(model => MyZeroGrad(model.Parameters()));
    var reference = Train(model => model.ZeroGrad());
    var without = Train(_ => { });
    check.That("training with MyZeroGrad gives exactly the losses of the library's ZeroGrad", () => withZeroGrad.SequenceEqual(reference),
        "MyZeroGrad must reset the gradient of every parameter, and change nothing else.");

    Console.WriteLine();
    Console.WriteLine("step   with ZeroGrad       without ZeroGrad");
    foreach (int step in new[] { 0, 5, 10, 20, 40, 60, 80, 99 })
    {
        Console.WriteLine($"{step,4}   loss {withZeroGrad[step].Loss,7:F4} {withZeroGrad[step].Accuracy,5:P0}   loss {without[step].Loss,7:F4} {without[step].Accuracy,5:P0}");
    }

    Console.WriteLine();
}
else
{
    check.That("training with MyZeroGrad gives exactly the losses of the library's ZeroGrad", () => false,
        "write MyZeroGrad first; then this run trains the network with and without it and prints both.");
}

check.That($"question 1: {answer1}", () => answer1 == 'B',
    "page 3: Backward() starts intermediate gradients from 0 on every call, but leaves (inputs and parameters) keep what they had and add the new gradient to it.");
check.That($"question 2: {answer2}", () => answer2 == 'C',
    "look at the table: the loss first falls as usual, then the steps overshoot. Step k moves each parameter by η times the sum of k + 1 gradients, most of them computed where the parameters no longer are.");
return check.Finish();

// Trains page 8's MLP(2, [16, 16, 1], seed: 1) for 100 steps of SGD with page 8's schedule, calling zero before
// every Backward(); returns the loss and the accuracy of every step.
List<(double Loss, double Accuracy)> Train(Action<MLP> zero)
{
    var model = new MLP(2, [16, 16, 1], seed: 1);
    var sgd = new SGD(model.Parameters(), LearningRateSchedule.Linear(1.0, 0.1, 100));
    var history = new List<(double Loss, double Accuracy)>();
    for (int step = 0; step < 100; step++)
    {
        var scores = data.Features.Select(point => model.Forward(point)[0]).ToArray();
        var loss = Losses.Hinge(scores, labels) + Losses.L2(model.Parameters(), 1e-4);
        zero(model);
        loss.Backward();
        sgd.Step();
        history.Add((loss.Data, Metrics.Accuracy(scores, labels)));
    }

    return history;
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
