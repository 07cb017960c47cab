#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;
using AutogradForDummies.Nn;

// A confident, right prediction: the loss is tiny, but not 0, and so is its gradient.
var z = new Scalar(40.0);
var loss = Losses.BinaryCrossEntropyWithLogits([z], [1]);
loss.Backward();
Console.WriteLine($"loss {loss.Data:R}, gradient {z.Grad:R}");

// A diverged weight: the value overflows, and the loss says so loudly.
var w = new Scalar(1e200);
var blownUp = Losses.MeanSquaredError([w * w], [0]);
Console.WriteLine($"loss {blownUp.Data}, finite: {double.IsFinite(blownUp.Data)}");
