namespace AutogradForDummies.Tests.Optim;

/// <summary>micrograd's moons data set (scikit-learn's make_moons geometry), generated here so these tests do not
/// depend on another part of the library.</summary>
internal static class Moons
{
    /// <summary>Two interleaving half circles with Gaussian noise; labels −1 (outer) and +1 (inner).</summary>
    public static (double[][] X, double[] Y) Make(int n, double noise, int seed)
    {
        var random = new Random(seed);
        int outer = n / 2;
        int inner = n - outer;
        var x = new double[n][];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            bool isOuter = i < outer;
            int k = isOuter ? i : i - outer;
            int count = isOuter ? outer : inner;
            double t = count == 1 ? 0 : Math.PI * k / (count - 1);
            double px = isOuter ? Math.Cos(t) : 1 - Math.Cos(t);
            double py = isOuter ? Math.Sin(t) : 1 - Math.Sin(t) - 0.5;
            x[i] = [px + (noise * Gaussian(random)), py + (noise * Gaussian(random))];
            y[i] = isOuter ? -1 : 1;
        }

        return (x, y);
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller: two uniforms in (0, 1] make one standard normal number.
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
