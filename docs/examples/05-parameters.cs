#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies.Nn;

var model = new MLP(2, [16, 16, 1], seed: 42);
Console.WriteLine($"parameters: {model.ParameterCount}");

var named = model.NamedParameters();
foreach (int i in new[] { 0, 1, 2, 3, 47, 48, 336 })
{
    Console.WriteLine($"{i,3}: {named[i].Key}");
}

var parameters = model.Parameters();
Console.WriteLine($"same order as Parameters(): {named.Select(p => p.Value).SequenceEqual(parameters)}");
Console.WriteLine($"weights in [-1, 1]: {model.Layers.SelectMany(l => l.Neurons).SelectMany(n => n.Weights).All(w => w.Data is >= -1 and <= 1)}");
Console.WriteLine($"biases are 0: {model.Layers.SelectMany(l => l.Neurons).All(n => n.Bias.Data == 0)}");

var twin = new MLP(2, [16, 16, 1], seed: 42);
Console.WriteLine($"same seed, same weights: {parameters.Select(p => p.Data).SequenceEqual(twin.Parameters().Select(p => p.Data))}");
