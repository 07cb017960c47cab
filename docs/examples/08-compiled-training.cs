#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;
using AutogradForDummies.Data;
using AutogradForDummies.Nn;
using AutogradForDummies.Optim;

var data = Datasets.MakeMoons(100, noise: 0.1, seed: 2);
var labels = data.SignedLabels();

// The dynamic way, for 10 steps.
var dynamicModel = new MLP(2, [16, 16, 1], seed: 2);
var dynamicSgd = new SGD(dynamicModel.Parameters(), LearningRateSchedule.Linear(1.0, 0.1, 100));
for (int step = 0; step < 10; step++)
{
    var loss = Loss(dynamicModel, data, labels);
    dynamicSgd.ZeroGrad();
    loss.Backward();
    dynamicSgd.Step();
}

// The compiled way: build the graph once, then only Forward and Backward.
var compiledModel = new MLP(2, [16, 16, 1], seed: 2);
var compiledSgd = new SGD(compiledModel.Parameters(), LearningRateSchedule.Linear(1.0, 0.1, 100));
var graph = Loss(compiledModel, data, labels).Compile();
for (int step = 0; step < 10; step++)
{
    graph.Forward();     // recompute every node from the current parameters
    compiledSgd.ZeroGrad();
    graph.Backward();
    compiledSgd.Step();
}

bool identical = dynamicModel.Parameters().Select(p => p.Data).SequenceEqual(compiledModel.Parameters().Select(p => p.Data));
Console.WriteLine($"parameters identical after 10 steps: {identical}");

static Scalar Loss(MLP model, Dataset data, IReadOnlyList<double> labels)
{
    var scores = new Scalar[data.Count];
    for (int i = 0; i < data.Count; i++)
    {
        scores[i] = model.Forward(data.Features[i])[0];
    }

    return Losses.Hinge(scores, labels) + Losses.L2(model.Parameters(), 1e-4);
}
