#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies.Nn;

var model = new MLP(2, [16, 16, 1], seed: 42);
double[] point = [0.5, -1.0];

var score = model.Forward(point)[0];
score.Backward();

int withGradient = model.Parameters().Count(p => p.Grad != 0);
Console.WriteLine($"one score: {model.Forward(point).Count == 1}");
Console.WriteLine($"output bias gradient: {model.Layers[2].Neurons[0].Bias.Grad}");
Console.WriteLine($"some parameters have a gradient: {withGradient > 0}");

model.ZeroGrad();
Console.WriteLine($"after ZeroGrad: {model.Parameters().All(p => p.Grad == 0)}");
