#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ∂, ∇, η and friends print correctly on every console

var x = new Scalar(1.0);
var one = new Scalar(1e-6);
var y = x;
for (int i = 0; i < 1_000_000; i++)
{
    y = y + one; // a chain: every node has the previous one as a parent
}

y.Backward(); // a recursive sort would need a million nested calls here
Console.WriteLine($"y = {y.Data:F6}, ∂y/∂x = {x.Grad}, ∂y/∂one = {one.Grad}");
