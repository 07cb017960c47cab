#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

var a = new Scalar(2.0);
var b = new Scalar(-3.0);
var c = new Scalar(10.0);
var d = (a * b) + c;
d.Backward();

const double learningRate = 0.01;
foreach (var input in new[] { a, b, c })
{
    input.Data -= learningRate * input.Grad; // step against the gradient
}

var after = (a * b) + c; // evaluate again with the new inputs
Console.WriteLine($"inputs now: a = {a.Data:F2}, b = {b.Data:F2}, c = {c.Data:F2}");
Console.WriteLine($"d went from {d.Data} to {after.Data:F4}");
