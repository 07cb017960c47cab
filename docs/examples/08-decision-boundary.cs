#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;
using AutogradForDummies.Data;
using AutogradForDummies.Nn;
using AutogradForDummies.Optim;

var data = Datasets.MakeMoons(100, noise: 0.1, seed: 2);
var labels = data.SignedLabels();
var model = new MLP(2, [16, 16, 1], seed: 2);
var optimizer = new SGD(model.Parameters(), LearningRateSchedule.Linear(1.0, 0.1, 100));

var scores = new Scalar[data.Count];
for (int i = 0; i < data.Count; i++)
{
    scores[i] = model.Forward(data.Features[i])[0];
}

var graph = (Losses.Hinge(scores, labels) + Losses.L2(model.Parameters(), 1e-4)).Compile();
for (int step = 0; step < 100; step++)
{
    graph.Forward();
    optimizer.ZeroGrad();
    graph.Backward();
    optimizer.Step();
}

graph.Forward(); // the scores of the final parameters
Console.WriteLine($"training accuracy: {Metrics.Accuracy(scores, labels):P0}");

// The grid: x from -1.5 to 2.5, y from 1.5 down to -1.0.
const int columns = 60, rows = 20;
var picture = new char[rows, columns];
for (int r = 0; r < rows; r++)
{
    for (int c = 0; c < columns; c++)
    {
        double x = -1.5 + (4.0 * c / (columns - 1));
        double y = 1.5 - (2.5 * r / (rows - 1));
        picture[r, c] = model.Predict([x, y])[0] > 0 ? '+' : '-'; // the score, without building a graph
    }
}

for (int i = 0; i < data.Count; i++)
{
    int c = (int)Math.Round((data.Features[i][0] + 1.5) / 4.0 * (columns - 1));
    int r = (int)Math.Round((1.5 - data.Features[i][1]) / 2.5 * (rows - 1));
    if (r >= 0 && r < rows && c >= 0 && c < columns)
    {
        picture[r, c] = data.Labels[i] == 0 ? 'o' : 'x';
    }
}

for (int r = 0; r < rows; r++)
{
    Console.WriteLine(new string(Enumerable.Range(0, columns).Select(c => picture[r, c]).ToArray()));
}
