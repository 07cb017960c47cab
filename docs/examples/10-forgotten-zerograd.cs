#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;
using AutogradForDummies.Data;
using AutogradForDummies.Nn;
using AutogradForDummies.Optim;

// Page 8's training, once as written and once without optimizer.ZeroGrad().
var data = Datasets.MakeMoons(100, noise: 0.1, seed: 2);
var labels = data.SignedLabels();
var with = Train(zeroGrad: true);
var without = Train(zeroGrad: false);

Console.WriteLine("step   with ZeroGrad        without ZeroGrad");
foreach (int step in new[] { 0, 5, 10, 20, 50, 99 })
{
    Console.WriteLine($"{step,4}   loss {with[step].Loss,7:F4} {with[step].Accuracy,5:P0}    loss {without[step].Loss,7:F4} {without[step].Accuracy,5:P0}");
}

List<(double Loss, double Accuracy)> Train(bool zeroGrad)
{
    var model = new MLP(2, [16, 16, 1], seed: 2);
    var sgd = new SGD(model.Parameters(), LearningRateSchedule.Linear(1.0, 0.1, 100));
    var history = new List<(double Loss, double Accuracy)>();
    for (int step = 0; step < 100; step++)
    {
        var scores = data.Features.Select(point => model.Forward(point)[0]).ToArray();
        var loss = Losses.Hinge(scores, labels) + Losses.L2(model.Parameters(), 1e-4);
        if (zeroGrad)
        {
            sgd.ZeroGrad();
        }

        loss.Backward();
        sgd.Step();
        history.Add((loss.Data, Metrics.Accuracy(scores, labels)));
    }

    return history;
}
