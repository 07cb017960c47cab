#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

Scalar[] w = [new(0.5), new(-1.0)];
var b = new Scalar(0.1);
Scalar[] x = [new(2.0), new(1.0)];

var fused = Scalar.Dot(w, x, b).Relu();
var unfused = ((w[0] * x[0]) + (w[1] * x[1]) + b).Relu();

Console.WriteLine($"fused:   y = {fused.Data:0.###}, {fused.TopologicalOrder().Count} nodes");
Console.WriteLine($"unfused: y = {unfused.Data:0.###}, {unfused.TopologicalOrder().Count} nodes");
