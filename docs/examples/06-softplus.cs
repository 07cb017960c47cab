#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

Console.WriteLine("    z   y     naive   by hand Softplus()");
foreach (var (z, y) in new[] { (40.0, 0.0), (-800.0, 1.0), (0.5, 1.0) })
{
    double p = 1 / (1 + Math.Exp(-z));
    double naive = -((y * Math.Log(p)) + ((1 - y) * Math.Log(1 - p)));
    double byHand = Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - (z * y);
    double library = new Scalar(z).Softplus().Data - (z * y);
    Console.WriteLine($"{z,5} {y,3} {naive,9:0.######} {byHand,9:0.######} {library,9:0.######}");
}
