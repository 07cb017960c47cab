namespace AutogradForDummies.Data;

/// <summary>
/// Small two-dimensional toy data sets for classification, generated from a seed: the same arguments
/// always give the same data, on every machine.
/// </summary>
/// <remarks>
/// <para>
/// Each generator first lays the points out exactly on its shape, then adds Gaussian noise with the
/// given standard deviation (drawn by the Box–Muller transform from <see cref="Random"/> seeded with
/// <c>seed</c>), and finally, unless <c>shuffle</c> is false, shuffles the examples with the same
/// generator. Shuffling only reorders: the same seed with and without shuffling gives the same points.
/// </para>
/// <para>
/// <see cref="MakeMoons"/>, <see cref="MakeCircles"/> and <see cref="MakeBlobs(int, int, double, int, bool)"/>
/// follow the geometry of scikit-learn's functions of the same names (the random numbers differ);
/// <see cref="MakeSpiral"/> is a spiral in the style of Stanford's CS231n notes, with evenly spaced arms.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var moons = Datasets.MakeMoons(100, noise: 0.1, seed: 1);   // micrograd's demo data
/// var spiral = Datasets.MakeSpiral(50, classes: 3, noise: 0.2, seed: 1);
/// Console.WriteLine(spiral);                                   // Dataset(150 examples, 2 features, 3 classes)
/// </code>
/// </example>
public static class Datasets
{
    /// <summary>
    /// Two interleaving half circles ("moons"), the data of micrograd's demo.
    /// </summary>
    /// <remarks>
    /// With n₀ = ⌊n/2⌋ outer and n₁ = n − n₀ inner points and angles tᵢ = π·i/(m − 1) spaced evenly over
    /// [0, π] (m = n₀ or n₁), the outer moon is (cos t, sin t) with label 0 and the inner moon is
    /// (1 − cos t, 1 − sin t − 0.5) with label 1. Neither class can be separated from the other by a line.
    /// </remarks>
    /// <param name="n">The number of points, at least 2.</param>
    /// <param name="noise">The standard deviation of the Gaussian noise added to each coordinate; 0 or more
    /// (0.1 by default, as in micrograd's demo).</param>
    /// <param name="seed">The seed of the noise and the shuffle; the same seed (0 by default) gives the same data.</param>
    /// <param name="shuffle">Whether to shuffle the examples; if false, the outer moon comes first.</param>
    /// <returns>n points with 2 features and labels 0 and 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below 2 or more than an array can hold
    /// (<see cref="Array.MaxLength"/>), or <paramref name="noise"/> is negative or not finite.</exception>
    public static Dataset MakeMoons(int n, double noise = 0.1, int seed = 0, bool shuffle = true)
    {
        CheckPointCount(n, 2);
        Guard.NonNegative(noise, nameof(noise));

        int outer = n / 2;
        int inner = n - outer;
        var rows = new double[n][];
        var labels = new int[n];
        for (int i = 0; i < outer; i++)
        {
            double t = Linspace(0, Math.PI, outer, i);
            rows[i] = [Math.Cos(t), Math.Sin(t)];
            labels[i] = 0;
        }

        for (int i = 0; i < inner; i++)
        {
            double t = Linspace(0, Math.PI, inner, i);
            rows[outer + i] = [1 - Math.Cos(t), 1 - Math.Sin(t) - 0.5];
            labels[outer + i] = 1;
        }

        return Finish(rows, labels, classCount: 2, noise, seed, shuffle);
    }

    /// <summary>
    /// A small circle inside a large one.
    /// </summary>
    /// <remarks>
    /// With n₀ = ⌊n/2⌋ outer and n₁ = n − n₀ inner points and angles tᵢ = 2π·i/m (m = n₀ or n₁, so the
    /// points go once around without repeating the first), the outer circle is (cos t, sin t) with label 0
    /// and the inner circle is factor·(cos t, sin t) with label 1.
    /// </remarks>
    /// <param name="n">The number of points, at least 2.</param>
    /// <param name="noise">The standard deviation of the Gaussian noise added to each coordinate; 0 or more
    /// (0.05 by default).</param>
    /// <param name="factor">The radius of the inner circle relative to the outer one, strictly between 0 and 1
    /// (0.5 by default).</param>
    /// <param name="seed">The seed of the noise and the shuffle; the same seed (0 by default) gives the same data.</param>
    /// <param name="shuffle">Whether to shuffle the examples; if false, the outer circle comes first.</param>
    /// <returns>n points with 2 features and labels 0 and 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below 2 or more than an array can hold
    /// (<see cref="Array.MaxLength"/>), <paramref name="noise"/> is negative or not finite, or
    /// <paramref name="factor"/> is not strictly between 0 and 1.</exception>
    public static Dataset MakeCircles(int n, double noise = 0.05, double factor = 0.5, int seed = 0, bool shuffle = true)
    {
        CheckPointCount(n, 2);
        Guard.NonNegative(noise, nameof(noise));
        Guard.StrictFraction(factor, nameof(factor));

        int outer = n / 2;
        int inner = n - outer;
        var rows = new double[n][];
        var labels = new int[n];
        for (int i = 0; i < outer; i++)
        {
            double t = 2 * Math.PI * i / outer;
            rows[i] = [Math.Cos(t), Math.Sin(t)];
            labels[i] = 0;
        }

        for (int i = 0; i < inner; i++)
        {
            double t = 2 * Math.PI * i / inner;
            rows[outer + i] = [factor * Math.Cos(t), factor * Math.Sin(t)];
            labels[outer + i] = 1;
        }

        return Finish(rows, labels, classCount: 2, noise, seed, shuffle);
    }

    /// <summary>
    /// Gaussian blobs in the plane around random centers, one class per blob.
    /// </summary>
    /// <remarks>
    /// The centers are drawn uniformly from the square [−10, 10]², as scikit-learn does, from the same seeded
    /// generator as the noise; then the points are made as by
    /// <see cref="MakeBlobs(int, IReadOnlyList{IReadOnlyList{double}}, double, int, bool)"/>.
    /// </remarks>
    /// <param name="n">The number of points, at least <paramref name="centers"/>.</param>
    /// <param name="centers">The number of blobs (and classes), at least 1 (3 by default).</param>
    /// <param name="std">The standard deviation of each blob; 0 or more (1 by default).</param>
    /// <param name="seed">The seed of the centers, the noise and the shuffle; the same seed (0 by default) gives the
    /// same data.</param>
    /// <param name="shuffle">Whether to shuffle the examples; if false, they come blob by blob.</param>
    /// <returns>n points with 2 features and labels 0 to centers − 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="centers"/> is below 1, <paramref name="n"/>
    /// is below <paramref name="centers"/> or more than an array can hold, or <paramref name="std"/> is negative or
    /// not finite.</exception>
    public static Dataset MakeBlobs(int n, int centers = 3, double std = 1.0, int seed = 0, bool shuffle = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(centers, 1);
        CheckPointCount(n, centers);
        Guard.NonNegative(std, nameof(std));

        var random = new GaussianRandom(seed);
        var points = new double[centers][];
        for (int c = 0; c < centers; c++)
        {
            points[c] = [(20 * random.NextDouble()) - 10, (20 * random.NextDouble()) - 10];
        }

        return Blobs(n, points, std, random, shuffle);
    }

    /// <summary>
    /// Gaussian blobs around given centers, one class per center.
    /// </summary>
    /// <remarks>
    /// Blob c gets ⌊n/k⌋ points (k centers), and the first n mod k blobs one more; each point is its center plus
    /// Gaussian noise with standard deviation <paramref name="std"/> in every coordinate, with label c.
    /// </remarks>
    /// <param name="n">The number of points, at least the number of centers.</param>
    /// <param name="centers">The centers, at least one; all with the same, non-zero number of finite coordinates.</param>
    /// <param name="std">The standard deviation of each blob; 0 or more (1 by default).</param>
    /// <param name="seed">The seed of the noise and the shuffle; the same seed (0 by default) gives the same data.</param>
    /// <param name="shuffle">Whether to shuffle the examples; if false, they come blob by blob.</param>
    /// <returns>n points with as many features as the centers have coordinates, and labels 0 to k − 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="centers"/>, or one of them, is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="centers"/> is empty, or its rows differ in length,
    /// are empty or hold a value that is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below the number of centers or more than
    /// an array can hold, or <paramref name="std"/> is negative or not finite.</exception>
    public static Dataset MakeBlobs(int n, IReadOnlyList<IReadOnlyList<double>> centers, double std = 1.0, int seed = 0, bool shuffle = true)
    {
        var points = Dataset.CopyRows(centers, nameof(centers));
        CheckPointCount(n, points.Length);
        Guard.NonNegative(std, nameof(std));

        return Blobs(n, points, std, new GaussianRandom(seed), shuffle);
    }

    /// <summary>
    /// Spiral arms winding out from the origin, one class per arm: a classic problem that no linear
    /// classifier can solve.
    /// </summary>
    /// <remarks>
    /// Arm j of K has points at radius rᵢ = i/(m − 1), from 0 to 1 (m points per arm), and angle
    /// tᵢ = 2πj/K + 4rᵢ + noise·zᵢ with zᵢ standard normal, at (r sin t, r cos t), with label j.
    /// As in the CS231n notes, the noise jitters the angle, so it blurs the arms evenly; the arms start at evenly
    /// spaced angles (2π·j / classes) rather than the notes' 4·j radians.
    /// </remarks>
    /// <param name="pointsPerClass">The number of points on each arm, at least 1.</param>
    /// <param name="classes">The number of arms (and classes), at least 2.</param>
    /// <param name="noise">The standard deviation of the angle noise, in radians; 0 or more.</param>
    /// <param name="seed">The seed of the noise and the shuffle.</param>
    /// <param name="shuffle">Whether to shuffle the examples; if false, they come arm by arm.</param>
    /// <returns>pointsPerClass × classes points with 2 features and labels 0 to classes − 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pointsPerClass"/> is below 1,
    /// <paramref name="classes"/> is below 2, <paramref name="noise"/> is negative or not finite, or the
    /// pointsPerClass × classes points are more than an array can hold (<see cref="Array.MaxLength"/>).</exception>
    public static Dataset MakeSpiral(int pointsPerClass, int classes = 3, double noise = 0.2, int seed = 0, bool shuffle = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerClass, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        Guard.NonNegative(noise, nameof(noise));
        long total = (long)pointsPerClass * classes; // at most (2³¹ − 1)², which a long holds
        if (pointsPerClass >= classes)
        {
            Guard.FitsInArray(total, pointsPerClass, nameof(pointsPerClass), "points (pointsPerClass × classes)");
        }
        else
        {
            Guard.FitsInArray(total, classes, nameof(classes), "points (pointsPerClass × classes)");
        }

        int n = pointsPerClass * classes;

        var random = new GaussianRandom(seed);
        var rows = new double[n][];
        var labels = new int[n];
        for (int j = 0; j < classes; j++)
        {
            for (int i = 0; i < pointsPerClass; i++)
            {
                double r = Linspace(0, 1, pointsPerClass, i);
                double t = (2 * Math.PI * j / classes) + (4 * r);
                if (noise > 0)
                {
                    t += noise * random.NextGaussian();
                }

                rows[(j * pointsPerClass) + i] = [r * Math.Sin(t), r * Math.Cos(t)];
                labels[(j * pointsPerClass) + i] = j;
            }
        }

        if (shuffle)
        {
            random.Shuffle(rows, labels);
        }

        return new Dataset(rows, labels, classes);
    }

    // Blob c gets n / k points, the first n % k blobs one more; each is its center plus noise.
    private static Dataset Blobs(int n, double[][] centers, double std, GaussianRandom random, bool shuffle)
    {
        int k = centers.Length;
        var rows = new double[n][];
        var labels = new int[n];
        int next = 0;
        for (int c = 0; c < k; c++)
        {
            int count = (n / k) + (c < n % k ? 1 : 0);
            for (int i = 0; i < count; i++)
            {
                rows[next] = (double[])centers[c].Clone();
                labels[next] = c;
                next++;
            }
        }

        AddNoise(rows, std, random);
        if (shuffle)
        {
            random.Shuffle(rows, labels);
        }

        return new Dataset(rows, labels, k);
    }

    private static Dataset Finish(double[][] rows, int[] labels, int classCount, double noise, int seed, bool shuffle)
    {
        var random = new GaussianRandom(seed);
        AddNoise(rows, noise, random);
        if (shuffle)
        {
            random.Shuffle(rows, labels);
        }

        return new Dataset(rows, labels, classCount);
    }

    // Adds noise·z to every coordinate, z standard normal; nothing at all for zero noise, so the shapes stay exact.
    private static void AddNoise(double[][] rows, double noise, GaussianRandom random)
    {
        if (noise == 0)
        {
            return;
        }

        foreach (double[] row in rows)
        {
            for (int j = 0; j < row.Length; j++)
            {
                row[j] += noise * random.NextGaussian();
            }
        }
    }

    // The i-th of m evenly spaced numbers from start to stop, both included (just start when m is 1), like numpy.linspace.
    private static double Linspace(double start, double stop, int m, int i) =>
        m == 1 ? start : i == m - 1 ? stop : start + ((stop - start) * i / (m - 1));

    // n must be at least the smallest sensible count and, since every point is an entry of the data set's arrays,
    // at most what one array can hold: checked before anything is allocated.
    private static void CheckPointCount(int n, int minimum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, minimum, nameof(n));
        Guard.FitsInArray(n, n, nameof(n), "points");
    }
}
