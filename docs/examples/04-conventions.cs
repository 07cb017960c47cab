#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ∂, ∇, η and friends print correctly on every console

Show("relu at 0", x => x.Relu(), 0.0);
Show("relu at NaN", x => x.Relu(), double.NaN);
Show("abs at 0", x => x.Abs(), 0.0);
Show("Pow(0) at 0", x => x.Pow(0), 0.0);
Show("Pow(2) at 0", x => x.Pow(2), 0.0);
Show("Pow(0.5) at 0", x => x.Pow(0.5), 0.0);
Show("sqrt at 0", x => x.Sqrt(), 0.0);
Show("log at 0", x => x.Log(), 0.0);
Show("log at -1", x => x.Log(), -1.0);
Show("Pow(1/3) at -8", x => x.Pow(1.0 / 3), -8.0);
Show("exp at 710", x => x.Exp(), 710.0);
Show("sigmoid at -1000", x => x.Sigmoid(), -1000.0);
Show("tanh at 1000", x => x.Tanh(), 1000.0);
Show("softplus at -1000", x => x.Softplus(), -1000.0);
Show("softplus at 1000", x => x.Softplus(), 1000.0);

// A Scalar exponent at a = 0. For b = 2, 0ᵇ = 0 for every b near 2, so ∂y/∂b = 0 is the true derivative
// (the formula 0ᵇ · ln 0 would give NaN). For b = 0, 0ᵇ jumps (1 at b = 0, 0 above it): there is no derivative,
// and the 0 is a convention, as in PyTorch (the formula would give 1 · ln 0 = −∞).
// With b = 0, y = 1 whatever a is, so ∂y/∂a = 0, as for Pow(0).
ShowPow(0.0, 2.0);
ShowPow(0.0, 0.0);

// Log-sum-exp of two huge terms: ln(e¹⁰⁰⁰ + e¹⁰⁰⁰) = 1000 + ln 2, and each term gets half of the softmax.
var p = new Scalar(1000.0);
var q = new Scalar(1000.0);
var lse = Scalar.LogSumExp([p, q]);
lse.Backward();
Console.WriteLine($"{"LogSumExp(1000, 1000)",-22} y = {lse.Data:0.######} ∂y/∂p = {p.Grad:0.######} ∂y/∂q = {q.Grad:0.######}");

static void Show(string name, Func<Scalar, Scalar> f, double at)
{
    var x = new Scalar(at);
    var y = f(x);
    y.Backward();
    Console.WriteLine($"{name,-22} y = {y.Data,-9} ∂y/∂x = {x.Grad}");
}

static void ShowPow(double at, double exponent)
{
    var a = new Scalar(at);
    var b = new Scalar(exponent);
    var y = a.Pow(b);
    y.Backward();
    Console.WriteLine($"{$"a.Pow(b) at a={at}, b={exponent}",-22} y = {y.Data,-9} ∂y/∂a = {a.Grad,-9} ∂y/∂b = {b.Grad}");
}
