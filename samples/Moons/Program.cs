// micrograd's demo in C#: a small MLP learns to separate two interleaving half moons.
// Usage: dotnet run --project samples/Moons -- [--seed 1] [--steps 100] [--learning-rate 1.0] [--output out/moons] [--compiled]
using System.CommandLine;
using AutogradForDummies.Samples.Moons;

var seed = new Option<int>("--seed")
{
    Description = "Seed of the data set and of the initial weights",
    DefaultValueFactory = _ => MoonsDemo.DefaultSeed,
};
var steps = new Option<int>("--steps")
{
    Description = "Number of full-batch training steps",
    DefaultValueFactory = _ => MoonsDemo.DefaultSteps,
};
var learningRate = new Option<double>("--learning-rate")
{
    Description = "Learning rate of the first step; it decays linearly to a tenth of it",
    DefaultValueFactory = _ => MoonsDemo.DefaultLearningRate,
};
var output = new Option<string>("--output")
{
    Description = "Folder for the decision-boundary picture and the model file",
    DefaultValueFactory = _ => Path.Combine("out", "moons"),
};
var compiled = new Option<bool>("--compiled")
{
    Description = "Build the loss graph once and replay it with Compile() instead of rebuilding it every step",
};

var root = new RootCommand("Trains micrograd's moons classifier (MLP(2, [16, 16, 1]), hinge loss, SGD) and draws its decision boundary.");
root.Options.Add(seed);
root.Options.Add(steps);
root.Options.Add(learningRate);
root.Options.Add(output);
root.Options.Add(compiled);
root.SetAction(parseResult => MoonsDemo.Run(new MoonsSettings(
    parseResult.GetValue(seed),
    parseResult.GetValue(steps),
    parseResult.GetValue(learningRate),
    parseResult.GetValue(output)!,
    parseResult.GetValue(compiled))));

return root.Parse(args).Invoke();
