#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ∂, ∇, η and friends print correctly on every console

// MSE of predictions (2.5, 0) against targets (3, −1)
Scalar[] predictions = [new(2.5), new(0.0)];
double[] targets = [3.0, -1.0];
var mse = (((predictions[0] - targets[0]).Pow(2)) + ((predictions[1] - targets[1]).Pow(2))) / 2;
mse.Backward();
Console.WriteLine($"MSE = {mse.Data}, ∂/∂p = ({predictions[0].Grad}, {predictions[1].Grad})");

// L2 penalty of parameters (0.5, −2) with α = 0.01
Scalar[] parameters = [new(0.5), new(-2.0)];
var l2 = 0.01 * ((parameters[0] * parameters[0]) + (parameters[1] * parameters[1]));
l2.Backward();
Console.WriteLine($"L2 = {l2.Data:0.####}, ∂/∂p = ({parameters[0].Grad:0.####}, {parameters[1].Grad:0.####})");
