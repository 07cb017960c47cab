#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;
using AutogradForDummies.Optim;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ² and · print correctly on every console

// loss(w) = (w − 3)², from w = 0, with η = 0.1, for 10,000 steps:
//   AdamW with decoupled decay λ = 0.1, and Adam on the loss plus an L2 penalty α·w² with α = 0.05
//   (whose gradient 2α·w = 0.1·w is the same pull toward 0 as AdamW's λ·w).
int[] report = [100, 300, 1000, 3000, 10000];
var adamW = Train(w => new AdamW([w], learningRate: 0.1, weightDecay: 0.1), penalty: 0);
var adamL2 = Train(w => new Adam([w], learningRate: 0.1), penalty: 0.05);

Console.WriteLine("   step    AdamW  Adam + L2");
foreach (int t in report)
{
    Console.WriteLine($"{t,7} {adamW[t - 1],8:F4} {adamL2[t - 1],10:F4}");
}

Console.WriteLine($"minimum of (w - 3)² + 0.05·w²: w = 3 / 1.05 = {3 / 1.05:F4}");

static double[] Train(Func<Scalar, Optimizer> create, double penalty)
{
    var w = new Scalar(0.0);
    var optimizer = create(w);
    var history = new double[10_000];
    for (int t = 0; t < history.Length; t++)
    {
        optimizer.ZeroGrad();
        var loss = (w - 3).Pow(2) + (penalty * w * w);
        loss.Backward();
        optimizer.Step();
        history[t] = w.Data;
    }

    return history;
}
