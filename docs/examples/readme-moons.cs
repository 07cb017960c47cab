#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;
using AutogradForDummies.Data;
using AutogradForDummies.Nn;
using AutogradForDummies.Optim;

var data = Datasets.MakeMoons(100, noise: 0.1, seed: 2);
var labels = data.SignedLabels();                     // −1 and +1
var model = new MLP(2, [16, 16, 1], seed: 2);         // 337 parameters
var sgd = new SGD(model.Parameters(), LearningRateSchedule.Linear(1.0, 0.1, 100));

double accuracy = 0;
for (int step = 0; step < 100; step++)
{
    var scores = new Scalar[data.Count];
    for (int i = 0; i < data.Count; i++)
    {
        scores[i] = model.Forward(data.Features[i])[0];
    }

    var loss = Losses.Hinge(scores, labels) + Losses.L2(model.Parameters(), 1e-4);
    sgd.ZeroGrad();
    loss.Backward();
    sgd.Step();
    accuracy = Metrics.Accuracy(scores, labels);
}

Console.WriteLine($"training accuracy: {accuracy * 100}%");
