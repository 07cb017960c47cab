#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

// Your turn, page 5: count the dead ReLUs.
//
// A hidden ReLU unit is off for a point when its output is 0 there (its weighted sum is ≤ 0): it then passes no
// gradient back for that point. That is normal. A unit that is off for EVERY point of the data set is dead: it
// passes no gradient back at all, so the loss can no longer change its weights, and it stays dead.
// Write CountDeadRelus below: the number of hidden units of the model (all layers but the last, linear one)
// whose output is 0 for every point of the data. Then run
//     dotnet run docs/exercises/05-dead-relus.cs
// The checker counts them in a freshly initialized MLP(2, [16, 16, 1]) and again after 100 steps of training
// with constant learning rates from 0.3 to 3. A solution is in docs/exercises/solutions/05-dead-relus.cs; try
// first.

using AutogradForDummies;
using AutogradForDummies.Data;
using AutogradForDummies.Nn;
using AutogradForDummies.Optim;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ≤ prints correctly on every console

// ---- Your code: from here ----
static int CountDeadRelus(MLP model, Dataset data)
{
    throw new NotImplementedException();
}
// ---- Your code: up to here ----

// ======================================= The checker: no need to change anything below this line.
var check = new Checker();
var data = Datasets.MakeMoons(100, noise: 0.1, seed: 2);

check.That("a model whose units are all on has no dead unit", () => CountDeadRelus(AllOn(), data) == 0,
    "count only the hidden units that are 0 for every point; a unit that is on for one point is alive.");
check.That("a model whose second hidden layer is all off has 16 dead units", () => CountDeadRelus(SecondLayerOff(), data) == 16,
    "look at every hidden layer, not only the first: model.Layers[l].Forward(x) gives one layer's outputs, which are the next layer's inputs. The last layer is linear and has no ReLU.");

var fresh = new MLP(2, [16, 16, 1], seed: 1);
int atStart = -1;
check.That("at initialization: 4 of 32 hidden units are dead", () => (atStart = CountDeadRelus(fresh, data)) == 4,
    () => $"you counted {atStart}. A unit is dead when its output is exactly 0 for all 100 points.");

foreach (var (rate, expected) in new[] { (0.3, 6), (1.0, 6), (3.0, 22) })
{
    if (atStart < 0)
    {
        // CountDeadRelus threw: training would only take time.
        check.That($"after 100 steps with learning rate {rate}: {expected} dead", () => CountDeadRelus(fresh, data) == expected,
            "count the dead units of a fresh model first.");
        continue;
    }

    var model = new MLP(2, [16, 16, 1], seed: 1);
    var (loss, accuracy) = Train(model, data, rate);
    int dead = -1;
    check.That($"after 100 steps with learning rate {rate}: {expected} dead (loss {loss:F3}, accuracy {accuracy:P0})", () => (dead = CountDeadRelus(model, data)) == expected,
        () => $"you counted {dead}.");
}

Console.WriteLine("""

    With a rate that is too large, one big step can push a unit's weighted sum below 0 for every point at once.
    From then on no gradient reaches its weights: it is dead for good, and the network has fewer units to learn
    with (22 of 32 here, and an accuracy far below the 100% that a rate of 1 reaches). Smaller rates, Leaky ReLU
    (page 4's exercise) and a careful initialization make this rarer.
    """);
return check.Finish();

// Trains with SGD at a constant rate on the hinge loss with L2, as on page 8; returns the last loss and accuracy.
static (double Loss, double Accuracy) Train(MLP model, Dataset data, double learningRate)
{
    var labels = data.SignedLabels();
    var sgd = new SGD(model.Parameters(), learningRate);
    double loss = 0, accuracy = 0;
    for (int step = 0; step < 100; step++)
    {
        var scores = data.Features.Select(point => model.Forward(point)[0]).ToArray();
        var total = Losses.Hinge(scores, labels) + Losses.L2(model.Parameters(), 1e-4);
        sgd.ZeroGrad();
        total.Backward();
        sgd.Step();
        (loss, accuracy) = (total.Data, Metrics.Accuracy(scores, labels));
    }

    return (loss, accuracy);
}

// Every weight 0 and every bias 1: every hidden unit outputs 1 for every point.
static MLP AllOn()
{
    var model = new MLP(2, [16, 16, 1], seed: 0);
    foreach (var neuron in model.Layers.SelectMany(layer => layer.Neurons))
    {
        foreach (var w in neuron.Weights)
        {
            w.Data = 0;
        }

        neuron.Bias.Data = 1;
    }

    return model;
}

// As AllOn, but the second hidden layer's biases are -1: that layer outputs 0 everywhere.
static MLP SecondLayerOff()
{
    var model = AllOn();
    foreach (var neuron in model.Layers[1].Neurons)
    {
        neuron.Bias.Data = -1;
    }

    return model;
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
