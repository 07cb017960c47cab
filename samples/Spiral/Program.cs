// A small MLP learns to tell three interleaved spiral arms apart (softmax cross-entropy, AdamW).
// Usage: dotnet run --project samples/Spiral -- [--seed 1] [--steps 150] [--learning-rate 0.05] [--output out/spiral] [--compiled]
using AutogradForDummies.Samples;
using AutogradForDummies.Samples.Spiral;

var commandLine = new SampleCommandLine
{
    Description = "Trains an MLP(2, [16, 16, 3]) on a 3-class spiral (softmax cross-entropy, AdamW), tests it on held-out points and draws its decision boundaries.",
    DefaultSeed = 1,
    SeedDescription = "Seed of the data set, of the train/test split and of the initial weights",
    DefaultSteps = 150,
    DefaultLearningRate = 0.05,
    LearningRateDescription = "AdamW's learning rate",
    DefaultOutput = Path.Combine("out", "spiral"),
};

return commandLine.Run(args, SpiralDemo.Run);
