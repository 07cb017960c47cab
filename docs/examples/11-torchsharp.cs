#:package TorchSharp-cpu@0.107.0

using static TorchSharp.torch;

// Page 2's example as tensors of one element each, in double precision.
var a = tensor(1.5, dtype: ScalarType.Float64, requires_grad: true);
var b = tensor(-4.0, dtype: ScalarType.Float64, requires_grad: true);
var c = a.pow(3) / 5;
var d = c + b.pow(2).relu();
d.backward();

Console.WriteLine($"d = {d.item<double>()}, dd/da = {a.grad!.item<double>()}, dd/db = {b.grad!.item<double>()}");
