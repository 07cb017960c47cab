#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;
using AutogradForDummies.Optim;

const double eta = 0.1;
int[] report = [1, 2, 3, 10, 50, 100];

var sgd = Train((w, g, t) => w - (eta * g));

double velocity = 0;
var momentum = Train((w, g, t) =>
{
    velocity = (0.9 * velocity) + g;
    return w - (eta * velocity);
});

var adam = Train(AdamRule(weightDecay: 0));
var adamW = Train(AdamRule(weightDecay: 0.1));

Console.WriteLine("step    SGD  momentum    Adam   AdamW");
foreach (int t in report)
{
    Console.WriteLine($"{t,4} {sgd[t - 1],6:F4} {momentum[t - 1],9:F4} {adam[t - 1],7:F4} {adamW[t - 1],7:F4}");
}

// Runs 100 steps of update(w, g, t) on loss(w) = (w − 3)² and returns w after each step.
static double[] Train(Func<double, double, int, double> update)
{
    var w = new Scalar(0.0);
    var history = new double[100];
    for (int t = 1; t <= history.Length; t++)
    {
        w.Grad = 0;                  // zero the gradient
        var loss = (w - 3).Pow(2);   // forward
        loss.Backward();             // backward: w.Grad = 2(w − 3)
        w.Data = update(w.Data, w.Grad, t);
        history[t - 1] = w.Data;
    }

    return history;
}

// Adam (weightDecay = 0) and AdamW (weightDecay = λ), with β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
static Func<double, double, int, double> AdamRule(double weightDecay)
{
    double m = 0, v = 0;
    return (w, g, t) =>
    {
        m = (0.9 * m) + (0.1 * g);
        v = (0.999 * v) + (0.001 * g * g);
        double mHat = m / (1 - Math.Pow(0.9, t));
        double vHat = v / (1 - Math.Pow(0.999, t));
        return w - (eta * ((mHat / (Math.Sqrt(vHat) + 1e-8)) + (weightDecay * w)));
    };
}
