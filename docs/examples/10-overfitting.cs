#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;
using AutogradForDummies.Data;
using AutogradForDummies.Nn;
using AutogradForDummies.Optim;

Console.OutputEncoding = System.Text.Encoding.UTF8; // the α prints correctly on every console

// 230 noisy moons points: 30 to train on, 200 held out to validate on.
var (train, validation) = Datasets.MakeMoons(230, noise: 0.3, seed: 3).Split(200.0 / 230, seed: 1);
Console.WriteLine($"{train.Count} training points, {validation.Count} validation points");

foreach (double alpha in new[] { 0.0, 0.003 })
{
    var model = new MLP(2, [16, 16, 1], seed: 1);
    var adam = new Adam(model.Parameters(), learningRate: 0.02);

    // Both losses are built once and compiled: only the parameters change from step to step.
    var trainScores = train.Features.Select(point => model.Forward(point)[0]).ToArray();
    var trainLoss = Losses.BinaryCrossEntropyWithLogits(trainScores, train.BinaryLabels());
    var objective = (trainLoss + Losses.L2(model.Parameters(), alpha)).Compile();
    var validationScores = validation.Features.Select(point => model.Forward(point)[0]).ToArray();
    var validationLoss = Losses.BinaryCrossEntropyWithLogits(validationScores, validation.BinaryLabels()).Compile();

    Console.WriteLine($"L2 α = {alpha}:");
    for (int step = 0; step <= 1000; step++)
    {
        objective.Forward();
        if (step is 0 or 100 or 200 or 500 or 1000)
        {
            double heldOut = validationLoss.Forward();
            Console.WriteLine($"  step {step,4}: training loss {trainLoss.Data:F4}, accuracy {Metrics.Accuracy(trainScores, train.SignedLabels()),4:P0}" +
                $"   validation loss {heldOut:F4}, accuracy {Metrics.Accuracy(validationScores, validation.SignedLabels()),4:P0}");
        }

        adam.ZeroGrad();
        objective.Backward();
        adam.Step();
    }
}
