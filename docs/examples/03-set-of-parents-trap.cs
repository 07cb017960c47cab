#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ∂, ∇, η and friends print correctly on every console

var x = new Scalar(3.0);
(x * x).Backward();
double right = x.Grad;
x.Grad = 0;
(x - x).Backward();
Console.WriteLine($"x·x at x = 3: dictionary engine says {WrongGradient(3.0, isProduct: true)}, Scalar says {right}");
Console.WriteLine($"x−x at x = 3: dictionary engine says {WrongGradient(3.0, isProduct: false)}, Scalar says {x.Grad}");

// The broken design: one dictionary entry per parent, key = the parent node, value = the local derivative.
static double WrongGradient(double value, bool isProduct)
{
    var x = new object(); // stands for the node x
    var localDerivatives = new Dictionary<object, double>();
    if (isProduct)
    {
        localDerivatives[x] = value; // ∂(a·b)/∂a = b = x
        localDerivatives[x] = value; // ∂(a·b)/∂b = a = x: the same key, so still one entry
    }
    else
    {
        localDerivatives[x] = +1;    // ∂(a−b)/∂a = +1
        localDerivatives[x] = -1;    // ∂(a−b)/∂b = −1: overwrites the +1
    }

    double grad = 0;
    foreach (double local in localDerivatives.Values)
    {
        grad += local * 1.0; // the output's gradient is 1
    }

    return grad;
}
