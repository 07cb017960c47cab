#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ∂, ∇, η and friends print correctly on every console

var a = new Scalar(2.0, "a");
var b = new Scalar(-3.0, "b");
var c = new Scalar(10.0, "c");
var d = (a * b) + c;

d.Backward(); // fills in Grad = ∂d/∂(that input) on every Scalar that d was computed from

Console.WriteLine($"d = {d.Data}");
Console.WriteLine($"∇d = ({a.Grad}, {b.Grad}, {c.Grad})");
