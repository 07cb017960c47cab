#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ∂, ∇, η and friends print correctly on every console

const double h = 1e-6;
var checks = new (string Name, Func<Scalar[], Scalar> F, double[] At)[]
{
    ("a + b", v => v[0] + v[1], [0.7, -1.3]),
    ("a - b", v => v[0] - v[1], [0.7, -1.3]),
    ("a * b", v => v[0] * v[1], [0.7, -1.3]),
    ("a / b", v => v[0] / v[1], [0.7, -1.3]),
    ("-a", v => -v[0], [0.7]),
    ("a.Pow(3)", v => v[0].Pow(3), [0.7]),
    ("a.Pow(b)", v => v[0].Pow(v[1]), [0.7, -1.3]),
    ("a.Relu()", v => v[0].Relu(), [0.7]),
    ("a.Tanh()", v => v[0].Tanh(), [0.7]),
    ("a.Sigmoid()", v => v[0].Sigmoid(), [0.7]),
    ("a.Exp()", v => v[0].Exp(), [0.7]),
    ("a.Log()", v => v[0].Log(), [0.7]),
    ("a.Abs()", v => v[0].Abs(), [-1.3]),
    ("a.Sqrt()", v => v[0].Sqrt(), [0.7]),
    ("Dot([a, b], [b, a], a)", v => Scalar.Dot([v[0], v[1]], [v[1], v[0]], v[0]), [0.7, -1.3]),
    ("Sum([a, b, a])", v => Scalar.Sum([v[0], v[1], v[0]]), [0.7, -1.3]),
    ("a.Softplus()", v => v[0].Softplus(), [0.7]),
    ("LogSumExp([a, b, a])", v => Scalar.LogSumExp([v[0], v[1], v[0]]), [0.7, -1.3]),
};

foreach (var (name, f, at) in checks)
{
    var inputs = at.Select(x => new Scalar(x)).ToArray();
    f(inputs).Backward();

    var parts = new List<string>();
    bool allClose = true;
    for (int i = 0; i < at.Length; i++)
    {
        double numeric = (Evaluate(f, at, i, +h) - Evaluate(f, at, i, -h)) / (2 * h);
        allClose &= Math.Abs(numeric - inputs[i].Grad) < 1e-6;
        parts.Add($"∂/∂{"ab"[i]} = {inputs[i].Grad,10:F6}");
    }

    Console.WriteLine($"{name,-22} {string.Join("  ", parts),-36} {(allClose ? "matches nudging" : "WRONG")}");
}

// f with input i moved by delta, on plain values.
static double Evaluate(Func<Scalar[], Scalar> f, double[] at, int i, double delta) =>
    f(at.Select((x, j) => new Scalar(j == i ? x + delta : x)).ToArray()).Data;
