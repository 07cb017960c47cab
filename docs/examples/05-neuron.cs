#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ∂, ∇, η and friends print correctly on every console

Scalar[] w = [new(0.5, "w1"), new(-1.0, "w2")];
var b = new Scalar(0.1, "b");
Scalar[] x = [new(2.0, "x1"), new(1.0, "x2")];

var z = Scalar.Dot(w, x, b); // 0.5·2 + (−1)·1 + 0.1 = 0.1
var y = z.Relu();            // relu(0.1) = 0.1
y.Backward();

Console.WriteLine($"z = {z.Data:0.###}, y = {y.Data:0.###}");
Console.WriteLine($"∂y/∂w = ({w[0].Grad}, {w[1].Grad})   (the inputs)");
Console.WriteLine($"∂y/∂b = {b.Grad}");
Console.WriteLine($"∂y/∂x = ({x[0].Grad}, {x[1].Grad})   (the weights)");
