#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

var a = new Scalar(1.5, "a");
var b = new Scalar(-4.0, "b");
var c = a.Pow(3) / 5;
var d = c + b.Pow(2).Relu();
d.Backward();

// Find the unnamed nodes by following the parent links backward from d.
var t = c.Parents[0];    // a³
var five = c.Parents[1]; // the constant 5
var r = d.Parents[1];    // relu(b²)
var s = r.Parents[0];    // b²

foreach (var (name, node) in new[] { ("a", a), ("t", t), ("5", five), ("c", c), ("b", b), ("s", s), ("r", r), ("d", d) })
{
    string op = node.IsLeaf ? "leaf" : node.Op;
    Console.WriteLine($"{name,-2} {op,-5} data {node.Data,7:0.####}   grad {node.Grad,7:0.####}");
}

// Check the leaves' gradients by nudging both ways (page 1).
static double D(double a, double b) => (Math.Pow(a, 3) / 5) + Math.Max(0, b * b);
const double h = 1e-6;
Console.WriteLine($"nudging a: {(D(1.5 + h, -4) - D(1.5 - h, -4)) / (2 * h):F4}");
Console.WriteLine($"nudging b: {(D(1.5, -4 + h) - D(1.5, -4 - h)) / (2 * h):F4}");
