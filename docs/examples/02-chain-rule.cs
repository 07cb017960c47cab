#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ∂, ∇, η and friends print correctly on every console

var a = new Scalar(1.5, "a");
var b = new Scalar(-4.0, "b");
var c = a.Pow(3) / 5;
var d = c + b.Pow(2).Relu();
d.Backward();

Console.WriteLine($"d = {d.Data}");
Console.WriteLine($"∂d/∂a = {a.Grad}");
Console.WriteLine($"∂d/∂b = {b.Grad}");
