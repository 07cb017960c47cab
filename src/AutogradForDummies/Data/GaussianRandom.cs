namespace AutogradForDummies.Data;

/// <summary>
/// A seeded source of uniform and normally distributed numbers, the same on every machine for the same seed.
/// </summary>
/// <remarks>
/// Normal numbers come from the Box–Muller transform: for independent uniform u₁ ∈ (0, 1] and u₂ ∈ [0, 1),
/// <c>r = √(−2 ln u₁)</c> and <c>θ = 2π u₂</c> give two independent standard normal numbers
/// <c>r cos θ</c> and <c>r sin θ</c>. The second is kept for the next call.
/// </remarks>
internal sealed class GaussianRandom
{
    private readonly Random _uniform;
    private double _spare;
    private bool _hasSpare;

    /// <summary>Creates the source; <see cref="Random(int)"/> with a seed is deterministic across platforms.</summary>
    public GaussianRandom(int seed) => _uniform = new Random(seed);

    /// <summary>A uniform number in [0, 1).</summary>
    public double NextDouble() => _uniform.NextDouble();

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => _uniform.Next(maxExclusive);

    /// <summary>A standard normal number: mean 0, standard deviation 1.</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        double u1 = 1.0 - _uniform.NextDouble(); // in (0, 1], so ln(u1) is finite
        double u2 = _uniform.NextDouble();
        double r = Math.Sqrt(-2.0 * Math.Log(u1));
        double theta = 2.0 * Math.PI * u2;
        _spare = r * Math.Sin(theta);
        _hasSpare = true;
        return r * Math.Cos(theta);
    }

    /// <summary>Shuffles rows and labels together with the Fisher–Yates algorithm: every order is equally likely.</summary>
    public void Shuffle(double[][] rows, int[] labels)
    {
        for (int i = rows.Length - 1; i > 0; i--)
        {
            int j = _uniform.Next(i + 1);
            (rows[i], rows[j]) = (rows[j], rows[i]);
            (labels[i], labels[j]) = (labels[j], labels[i]);
        }
    }
}
