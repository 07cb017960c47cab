#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ∂, ∇, η and friends print correctly on every console

double y = 1;
double kinked = GradientAtZero(z => z.Relu() + ((-z.Abs()).Exp() + 1).Log() - (z * y));
double oneNode = GradientAtZero(z => z.Softplus() - (z * y));
Console.WriteLine($"softplus from relu and abs: ∂/∂z = {kinked}");
Console.WriteLine($"Softplus():                 ∂/∂z = {oneNode}");
Console.WriteLine($"true value:       σ(0) − y = {0.5 - y}");

static double GradientAtZero(Func<Scalar, Scalar> loss)
{
    var z = new Scalar(0.0);
    loss(z).Backward();
    return z.Grad;
}
