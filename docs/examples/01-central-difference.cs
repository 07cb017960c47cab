#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

static double F(double x) => (3 * x * x) - (4 * x) + 5;

double x = 3.0, h = 0.001;
double forward = (F(x + h) - F(x)) / h;
double central = (F(x + h) - F(x - h)) / (2 * h);
Console.WriteLine($"forward difference: {forward:F6}");
Console.WriteLine($"central difference: {central:F6}");
