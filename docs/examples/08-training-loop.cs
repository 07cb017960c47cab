#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;
using AutogradForDummies.Data;
using AutogradForDummies.Nn;
using AutogradForDummies.Optim;

var data = Datasets.MakeMoons(100, noise: 0.1, seed: 2);
var labels = data.SignedLabels();
var model = new MLP(2, [16, 16, 1], seed: 2);
var optimizer = new SGD(model.Parameters(), LearningRateSchedule.Linear(1.0, 0.1, 100));

for (int step = 0; step < 100; step++)
{
    // 1. forward: one score per point, then the loss
    var scores = new Scalar[data.Count];
    for (int i = 0; i < data.Count; i++)
    {
        scores[i] = model.Forward(data.Features[i])[0];
    }

    var loss = Losses.Hinge(scores, labels) + Losses.L2(model.Parameters(), 1e-4);

    // 2. zero the gradients, 3. backward, 4. step
    optimizer.ZeroGrad();
    loss.Backward();
    optimizer.Step();

    if (step % 10 == 0 || step == 99)
    {
        Console.WriteLine($"step {step,2}: loss {loss.Data:F4}, accuracy {Metrics.Accuracy(scores, labels):P0}");
    }
}
