#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

Console.OutputEncoding = System.Text.Encoding.UTF8; // ∂, ∇, η and friends print correctly on every console

static double D(double a, double b, double c) => (a * b) + c;

double a = 2, b = -3, c = 10, h = 0.0001;
double d = D(a, b, c);
Console.WriteLine($"d = {d}");
Console.WriteLine($"∂d/∂a ≈ {(D(a + h, b, c) - d) / h:F4}");
Console.WriteLine($"∂d/∂b ≈ {(D(a, b + h, c) - d) / h:F4}");
Console.WriteLine($"∂d/∂c ≈ {(D(a, b, c + h) - d) / h:F4}");
