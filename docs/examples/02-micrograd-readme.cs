#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

var a = new Scalar(-4.0);
var b = new Scalar(2.0);
var c = a + b;
var d = (a * b) + b.Pow(3);
c += c + 1;
c += 1 + c + (-a);
d += (d * 2) + (b + a).Relu();
d += (3 * d) + (b - a).Relu();
var e = c - d;
var f = e.Pow(2);
var g = f / 2.0;
g += 10.0 / f;
g.Backward();

Console.WriteLine($"g = {g.Data:F4}");       // micrograd prints 24.7041
Console.WriteLine($"dg/da = {a.Grad:F4}");   // micrograd prints 138.8338
Console.WriteLine($"dg/db = {b.Grad:F4}");   // micrograd prints 645.5773
