#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ′ prints correctly on every console

// f(x) = x·x·x + 2·x at x = 3: f(3) = 33 and f′(3) = 3·3² + 2 = 29.
var x = new Dual(3, 1);                 // x = 3 + 1ε: "the derivative of x with respect to x is 1"
var y = (x * x * x) + (new Dual(2, 0) * x);
Console.WriteLine($"forward mode: f(3) = {y.Value}, f′(3) = {y.Derivative}  (one pass, value and derivative together)");

var s = new Scalar(3);
var f = (s * s * s) + (2 * s);
f.Backward();
Console.WriteLine($"reverse mode: f(3) = {f.Data}, f′(3) = {s.Grad}  (a forward pass that records, then Backward())");

// A dual number a + bε with ε² = 0 carries a value and its derivative through every operation.
readonly record struct Dual(double Value, double Derivative)
{
    // (a + a′ε) + (b + b′ε) = (a + b) + (a′ + b′)ε
    public static Dual operator +(Dual p, Dual q) => new(p.Value + q.Value, p.Derivative + q.Derivative);

    // (a + a′ε)(b + b′ε) = ab + (a′b + ab′)ε + a′b′ε², and ε² = 0: the product rule.
    public static Dual operator *(Dual p, Dual q) => new(p.Value * q.Value, (p.Derivative * q.Value) + (p.Value * q.Derivative));
}
