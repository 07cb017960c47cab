#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies.Data;

var data = Datasets.MakeMoons(100, noise: 0.1, seed: 2);
Console.WriteLine($"{data.Count} points, {data.FeatureCount} features, {data.ClassCount} classes");
Console.WriteLine($"class 0: {data.Labels.Count(l => l == 0)} points, class 1: {data.Labels.Count(l => l == 1)} points");

var signed = data.SignedLabels();
var mapping = Enumerable.Range(0, data.Count).Select(i => $"{data.Labels[i]} -> {signed[i]}").Distinct().Order();
Console.WriteLine($"signed labels: {string.Join(", ", mapping)}");
