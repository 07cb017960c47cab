#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ∂, ∇, η and friends print correctly on every console

// How far √x exceeds 1, at x = 0: √0 − 1 = −1, so the relu is off.
var x = new Scalar(0.0);
var root = x.Sqrt();
var excess = (root - 1).Relu();
excess.Backward();
Console.WriteLine($"excess = {excess.Data}, ∂excess/∂√x = {root.Grad}, ∂excess/∂x = {x.Grad}");

// What plain arithmetic would do at the √ node: its gradient 0 times its local derivative 1/(2√0) = +∞.
double localDerivative = 0.5 / Math.Sqrt(0.0);
Console.WriteLine($"0 × {localDerivative} = {0 * localDerivative}");
