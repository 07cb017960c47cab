#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

// f(x) = 3x² − 4x + 5; calculus says f'(x) = 6x − 4.
static double F(double x) => (3 * x * x) - (4 * x) + 5;

double x = 3.0;
Console.WriteLine($"f(3) = {F(x)}");
Console.WriteLine($"f'(3) by calculus = {(6 * x) - 4}");

foreach (double h in new[] { 0.1, 0.01, 0.001 })
{
    double slope = (F(x + h) - F(x)) / h;
    Console.WriteLine($"h = {h,-5}  (f(3 + h) - f(3)) / h = {slope:F6}");
}
