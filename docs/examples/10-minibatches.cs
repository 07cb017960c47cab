#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;
using AutogradForDummies.Data;
using AutogradForDummies.Nn;
using AutogradForDummies.Optim;

// Ten passes over the moons data (epochs): one big step per pass, or ten small steps on batches of 10 points.
var data = Datasets.MakeMoons(100, noise: 0.1, seed: 2);
var labels = data.SignedLabels();
foreach (int batchSize in new[] { 100, 10 })
{
    var model = new MLP(2, [16, 16, 1], seed: 2);
    var sgd = new SGD(model.Parameters(), learningRate: 0.3);
    var order = Enumerable.Range(0, data.Count).ToArray();
    var random = new Random(1);
    var report = new List<string>();
    for (int epoch = 1; epoch <= 10; epoch++)
    {
        random.Shuffle(order); // a new order every epoch, so the batches differ
        for (int start = 0; start < data.Count; start += batchSize)
        {
            var batch = order[start..(start + batchSize)];
            var scores = batch.Select(i => model.Forward(data.Features[i])[0]).ToArray();
            var loss = Losses.Hinge(scores, batch.Select(i => labels[i]).ToArray()) + Losses.L2(model.Parameters(), 1e-4);
            sgd.ZeroGrad();
            loss.Backward();
            sgd.Step();
        }

        if (epoch is 1 or 2 or 5 or 10)
        {
            var all = data.Features.Select(point => model.Forward(point)[0]).ToArray();
            report.Add($"epoch {epoch}: {Metrics.Accuracy(all, labels):P0}");
        }
    }

    Console.WriteLine($"batches of {batchSize,3} ({sgd.StepCount,3} steps): {string.Join(", ", report)}");
}
