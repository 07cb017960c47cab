#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;
using AutogradForDummies.Nn;
using AutogradForDummies.Optim;

var a = new Scalar(1.5, "a");
var b = new Scalar(-4.0, "b");
var c = a.Pow(3) / 5;
var d = c + b.Pow(2).Relu();

d.Backward();
Console.WriteLine($"after one call:  a.Grad = {a.Grad}, c.Grad = {c.Grad}, d.Grad = {d.Grad}");
d.Backward();
Console.WriteLine($"after two calls: a.Grad = {a.Grad}, c.Grad = {c.Grad}, d.Grad = {d.Grad}");

a.Grad = 0; // reset the leaves (Module.ZeroGrad() and Optimizer.ZeroGrad() do this for you)
b.Grad = 0;
d.Backward();
Console.WriteLine($"after a reset:   a.Grad = {a.Grad}, c.Grad = {c.Grad}, d.Grad = {d.Grad}");
