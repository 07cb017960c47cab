// micrograd's demo in C#: a small MLP learns to separate two interleaving half moons.
// Usage: dotnet run --project samples/Moons -- [--seed 2] [--steps 100] [--learning-rate 1.0] [--output out/moons] [--compiled]
using AutogradForDummies.Samples;
using AutogradForDummies.Samples.Moons;

var commandLine = new SampleCommandLine
{
    Description = "Trains micrograd's moons classifier (MLP(2, [16, 16, 1]), hinge loss, SGD) and draws its decision boundary.",
    DefaultSeed = 2,
    SeedDescription = "Seed of the data set and of the initial weights",
    DefaultSteps = 100,
    DefaultLearningRate = 1.0,
    LearningRateDescription = "Learning rate of the first step; it decays linearly to a tenth of it",
    DefaultOutput = Path.Combine("out", "moons"),
};

return commandLine.Run(args, MoonsDemo.Run);
