// A small MLP learns to tell three interleaved spiral arms apart (softmax cross-entropy, AdamW).
// Usage: dotnet run --project samples/Spiral -- [--seed 1] [--steps 150] [--learning-rate 0.05] [--output out/spiral] [--compiled]
using System.CommandLine;
using AutogradForDummies.Samples.Spiral;

var seed = new Option<int>("--seed")
{
    Description = "Seed of the data set, of the train/test split and of the initial weights",
    DefaultValueFactory = _ => SpiralDemo.DefaultSeed,
};
var steps = new Option<int>("--steps")
{
    Description = "Number of full-batch training steps",
    DefaultValueFactory = _ => SpiralDemo.DefaultSteps,
};
var learningRate = new Option<double>("--learning-rate")
{
    Description = "AdamW's learning rate",
    DefaultValueFactory = _ => SpiralDemo.DefaultLearningRate,
};
var output = new Option<string>("--output")
{
    Description = "Folder for the decision-boundary picture and the model file",
    DefaultValueFactory = _ => Path.Combine("out", "spiral"),
};
var compiled = new Option<bool>("--compiled")
{
    Description = "Build the loss graph once and replay it with Compile() instead of rebuilding it every step",
};

var root = new RootCommand("Trains an MLP(2, [16, 16, 3]) on a 3-class spiral (softmax cross-entropy, AdamW), tests it on held-out points and draws its decision boundaries.");
root.Options.Add(seed);
root.Options.Add(steps);
root.Options.Add(learningRate);
root.Options.Add(output);
root.Options.Add(compiled);
root.SetAction(parseResult => SpiralDemo.Run(new SpiralSettings(
    parseResult.GetValue(seed),
    parseResult.GetValue(steps),
    parseResult.GetValue(learningRate),
    parseResult.GetValue(output)!,
    parseResult.GetValue(compiled))));

return root.Parse(args).Invoke();
