#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;
using AutogradForDummies.Nn;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ∂, ∇, η and friends print correctly on every console

Scalar[] scores = [new(2.0), new(0.5), new(-1.5), new(0.3)];
Console.WriteLine($"hinge:    {Losses.Hinge(scores, [+1.0, +1.0, -1.0, -1.0]).Data:F6}");
Console.WriteLine($"accuracy: {Metrics.Accuracy(scores, [+1.0, +1.0, -1.0, -1.0])}");
Console.WriteLine($"L2:       {Losses.L2([new(0.5), new(-2.0)], 0.01).Data:F6}");
Console.WriteLine($"MSE:      {Losses.MeanSquaredError([new(2.5), new(0.0)], [3.0, -1.0]).Data:F6}");

foreach (var (logit, label) in new[] { (40.0, 0.0), (-800.0, 1.0), (0.0, 1.0) })
{
    var z = new Scalar(logit);
    var bce = Losses.BinaryCrossEntropyWithLogits([z], [label]);
    bce.Backward();
    Console.WriteLine($"BCE(z = {logit}, y = {label}): {bce.Data:F6}, ∂/∂z = {z.Grad:F6}");
}

Scalar[] logits = [new(2.0), new(1.0), new(0.1)];
var ce = Losses.SoftmaxCrossEntropy([logits], [0]);
ce.Backward();
Console.WriteLine($"softmax CE: {ce.Data:F6}, ∂/∂z = [{string.Join(", ", logits.Select(z => z.Grad.ToString("F6")))}]");
Console.WriteLine($"softmax CE of (1000, 999, 990): {Losses.SoftmaxCrossEntropy([[new(1000.0), new(999.0), new(990.0)]], [0]).Data:F6}");
Console.WriteLine($"argmax accuracy: {Metrics.Accuracy([logits], [0])}");
