#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

// f(x) = Σᵢ xᵢ · xᵢ₊₁ (around a ring) has n inputs and one output. Its gradient, two ways.
double[] at = [0.5, -1.0, 2.0, 1.5, -0.5, 3.0];
int n = at.Length;

// Forward mode: one pass per input, each seeding that input's derivative with 1 (a column of the Jacobian).
var forward = new double[n];
for (int j = 0; j < n; j++)
{
    var x = at.Select((v, i) => new Dual(v, i == j ? 1 : 0)).ToArray();
    forward[j] = Ring(x, (p, q) => p * q, (p, q) => p + q, new Dual(0, 0)).Derivative;
}

// Reverse mode: one forward pass that records the graph, then one Backward() for all n partial derivatives.
var leaves = at.Select(v => new Scalar(v)).ToArray();
Ring(leaves, (p, q) => p * q, (p, q) => p + q, new Scalar(0)).Backward();

Console.WriteLine($"forward mode, {n} passes: [{string.Join(", ", forward)}]");
Console.WriteLine($"reverse mode, 1 backward: [{string.Join(", ", leaves.Select(l => l.Grad))}]");

// The same function for any number type: multiply each input by the next one, and add up.
static T Ring<T>(T[] x, Func<T, T, T> multiply, Func<T, T, T> add, T zero)
{
    var sum = zero;
    for (int i = 0; i < x.Length; i++)
    {
        sum = add(sum, multiply(x[i], x[(i + 1) % x.Length]));
    }

    return sum;
}

readonly record struct Dual(double Value, double Derivative)
{
    public static Dual operator +(Dual p, Dual q) => new(p.Value + q.Value, p.Derivative + q.Derivative);

    public static Dual operator *(Dual p, Dual q) => new(p.Value * q.Value, (p.Derivative * q.Value) + (p.Value * q.Derivative));
}
