#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ∂, ∇, η and friends print correctly on every console

Scalar[] z = [new(2.0), new(1.0), new(0.1)];
var frozen = FrozenMaxLoss(z, correct: 0); // m = 2, put into the graph as a constant
var loss = Scalar.LogSumExp(z) - z[0];     // the maximum is found inside the node, every time
loss.Backward();
Console.WriteLine($"z = (2, 1, 0.1)       LogSumExp:      {loss.Data:F6}, ∂/∂z = {Gradients(z)}");

// The same graphs, compiled, evaluated with much larger logits.
var frozenGraph = frozen.Compile();
var graph = loss.Compile();
z[0].Data = 1000;
z[1].Data = 999;
z[2].Data = 990;
double naive = -Math.Log(Math.Exp(1000) / (Math.Exp(1000) + Math.Exp(999) + Math.Exp(990)));
Console.WriteLine($"z = (1000, 999, 990)  naive formula:  {naive}");
Console.WriteLine($"z = (1000, 999, 990)  frozen m = 2:   {frozenGraph.Forward()}");

foreach (var zj in z)
{
    zj.Grad = 0; // leaves accumulate: reset them before the next backward pass
}

double value = graph.Forward();
graph.Backward();
Console.WriteLine($"z = (1000, 999, 990)  LogSumExp:      {value:F6}, ∂/∂z = {Gradients(z)}");

// ln Σ e^(zⱼ − m) + m − z_c, with m the largest logit at the time the graph is built.
static Scalar FrozenMaxLoss(Scalar[] z, int correct)
{
    double m = z.Max(zj => zj.Data);
    var sum = Scalar.Sum(z.Select(zj => (zj - m).Exp()).ToArray());
    return sum.Log() + m - z[correct];
}

static string Gradients(Scalar[] z) => $"[{string.Join(", ", z.Select(zj => zj.Grad.ToString("F6")))}]";
