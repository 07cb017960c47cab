#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

var a = new Scalar(1.5, "a");
var b = new Scalar(-4.0, "b");
var c = (a.Pow(3) / 5).WithLabel("c");
var d = (c + b.Pow(2).Relu()).WithLabel("d");
d.Backward();

Console.WriteLine($"d = {d.Data}, dd/da = {a.Grad}, dd/db = {b.Grad}");
