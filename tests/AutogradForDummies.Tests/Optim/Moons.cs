using AutogradForDummies.Data;

namespace AutogradForDummies.Tests.Optim;

/// <summary>micrograd's moons data as plain arrays, with the labels as −1 and +1 for the hinge loss.</summary>
internal static class Moons
{
    public static (double[][] X, double[] Y) Make(int n, double noise, int seed)
    {
        var data = Datasets.MakeMoons(n, noise, seed);
        var x = new double[data.Count][];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = [.. data.Features[i]];
        }

        return (x, [.. data.SignedLabels()]);
    }
}
