using AutogradForDummies.Data;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Data;

public sealed class DatasetsTests
{
    // ---- Moons

    [Fact]
    public void Moons_without_noise_lie_exactly_on_the_two_half_circles()
    {
        const int n = 11; // 5 outer, 6 inner
        var data = Datasets.MakeMoons(n, noise: 0, seed: 0, shuffle: false);

        data.Labels.Should().Equal(0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1);
        for (int i = 0; i < 5; i++)
        {
            double t = Math.PI * i / 4;
            data.Features[i].Should().Equal([Math.Cos(t), Math.Sin(t)], Close, $"outer point {i} is (cos t, sin t)");
        }

        for (int i = 0; i < 6; i++)
        {
            double t = Math.PI * i / 5;
            data.Features[5 + i].Should().Equal([1 - Math.Cos(t), 1 - Math.Sin(t) - 0.5], Close, $"inner point {i} is (1 − cos t, 1 − sin t − 0.5)");
        }

        // The ends of the arcs, exactly.
        data.Features[0].Should().Equal(1.0, 0.0);
        data.Features[4][0].Should().Be(-1.0);
        data.Features[5].Should().Equal(0.0, 0.5);
        data.Features[10][0].Should().Be(2.0);
    }

    [Fact]
    public void Moons_lie_on_unit_circles_around_their_centers()
    {
        var data = Datasets.MakeMoons(200, noise: 0, seed: 0);

        for (int i = 0; i < data.Count; i++)
        {
            var (x, y) = (data.Features[i][0], data.Features[i][1]);
            if (data.Labels[i] == 0)
            {
                (x * x + y * y).Should().BeApproximately(1, 1e-14);
                y.Should().BeGreaterThanOrEqualTo(0);
            }
            else
            {
                (((x - 1) * (x - 1)) + ((y - 0.5) * (y - 0.5))).Should().BeApproximately(1, 1e-14);
                y.Should().BeLessThanOrEqualTo(0.5);
            }
        }
    }

    [Theory]
    [InlineData(100, 50, 50)]
    [InlineData(101, 50, 51)]
    [InlineData(2, 1, 1)]
    public void Moons_split_the_points_between_the_classes(int n, int outer, int inner)
    {
        var data = Datasets.MakeMoons(n, noise: 0.1, seed: 4);

        data.Count.Should().Be(n);
        data.FeatureCount.Should().Be(2);
        data.ClassCount.Should().Be(2);
        data.Labels.Count(l => l == 0).Should().Be(outer);
        data.Labels.Count(l => l == 1).Should().Be(inner);
    }

    [Fact]
    public void Moons_noise_is_gaussian_with_the_given_deviation()
    {
        const double noise = 0.1;
        var clean = Datasets.MakeMoons(4000, noise: 0, seed: 0, shuffle: false);
        var noisy = Datasets.MakeMoons(4000, noise, seed: 9, shuffle: false);

        var residuals = new List<double>();
        for (int i = 0; i < clean.Count; i++)
        {
            residuals.Add(noisy.Features[i][0] - clean.Features[i][0]);
            residuals.Add(noisy.Features[i][1] - clean.Features[i][1]);
        }

        double mean = residuals.Average();
        double std = Math.Sqrt(residuals.Average(r => (r - mean) * (r - mean)));
        double withinOneSigma = residuals.Count(r => Math.Abs(r) < noise) / (double)residuals.Count;

        mean.Should().BeApproximately(0, 0.005);
        std.Should().BeApproximately(noise, 0.005);
        withinOneSigma.Should().BeApproximately(0.6827, 0.02);
    }

    [Fact]
    public void Shuffling_only_reorders_the_points()
    {
        var ordered = Datasets.MakeMoons(50, noise: 0.2, seed: 8, shuffle: false);
        var shuffled = Datasets.MakeMoons(50, noise: 0.2, seed: 8);

        Examples(shuffled).Should().BeEquivalentTo(Examples(ordered));
        Examples(shuffled).Should().NotEqual(Examples(ordered));
    }

    // ---- Every generator: seeds, determinism, argument checks

    public static TheoryData<string> Generators => ["moons", "circles", "blobs", "spiral"];

    [Theory]
    [MemberData(nameof(Generators))]
    public void The_same_seed_gives_the_same_data(string generator)
    {
        var first = Make(generator, seed: 42);
        var second = Make(generator, seed: 42);

        Examples(second).Should().Equal(Examples(first));
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void Different_seeds_give_different_data(string generator)
    {
        Examples(Make(generator, seed: 1)).Should().NotEqual(Examples(Make(generator, seed: 2)));
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void Generated_data_splits_into_train_and_test(string generator)
    {
        var data = Make(generator, seed: 3);

        var (train, test) = data.Split(0.25, seed: 3);

        (train.Count + test.Count).Should().Be(data.Count);
        test.Count.Should().Be((int)Math.Round(data.Count * 0.25, MidpointRounding.AwayFromZero));
        train.ClassCount.Should().Be(data.ClassCount);
    }

    [Fact]
    public void Bad_arguments_are_rejected_naming_the_argument()
    {
        ShouldReject(() => Datasets.MakeMoons(1, 0.1, 0), "n");
        ShouldReject(() => Datasets.MakeMoons(10, -0.1, 0), "noise");
        ShouldReject(() => Datasets.MakeMoons(10, double.NaN, 0), "noise");
        ShouldReject(() => Datasets.MakeMoons(10, double.PositiveInfinity, 0), "noise");
        ShouldReject(() => Datasets.MakeCircles(1, 0.1, 0.5, 0), "n");
        ShouldReject(() => Datasets.MakeCircles(10, -1, 0.5, 0), "noise");
        ShouldReject(() => Datasets.MakeCircles(10, 0.1, 0, 0), "factor");
        ShouldReject(() => Datasets.MakeCircles(10, 0.1, 1, 0), "factor");
        ShouldReject(() => Datasets.MakeCircles(10, 0.1, double.NaN, 0), "factor");
        ShouldReject(() => Datasets.MakeBlobs(10, 0, 1.0, 0), "centers");
        ShouldReject(() => Datasets.MakeBlobs(2, 3, 1.0, 0), "n");
        ShouldReject(() => Datasets.MakeBlobs(10, 3, -1.0, 0), "std");
        ShouldReject(() => Datasets.MakeBlobs(1, [[0.0, 0.0], [1.0, 1.0]], 1.0, 0), "n");
        ShouldReject(() => Datasets.MakeBlobs(10, [[0.0, 0.0]], double.NaN, 0), "std");
        ShouldReject(() => Datasets.MakeSpiral(0), "pointsPerClass");
        ShouldReject(() => Datasets.MakeSpiral(10, classes: 1), "classes");
        ShouldReject(() => Datasets.MakeSpiral(10, noise: -0.2), "noise");
    }

    [Fact]
    public void Bad_blob_centers_are_rejected_naming_the_argument()
    {
        FluentActions.Invoking(() => Datasets.MakeBlobs(10, null!, 1.0, 0))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("centers");
        FluentActions.Invoking(() => Datasets.MakeBlobs(10, [], 1.0, 0))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("centers");
        FluentActions.Invoking(() => Datasets.MakeBlobs(10, [[0.0, 0.0], [1.0]], 1.0, 0))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("centers");
        FluentActions.Invoking(() => Datasets.MakeBlobs(10, [[0.0, double.PositiveInfinity]], 1.0, 0))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("centers");
    }

    // ---- Circles

    [Fact]
    public void Circles_without_noise_lie_exactly_on_the_two_circles()
    {
        var data = Datasets.MakeCircles(9, noise: 0, factor: 0.5, seed: 0, shuffle: false); // 4 outer, 5 inner

        data.Labels.Should().Equal(0, 0, 0, 0, 1, 1, 1, 1, 1);
        for (int i = 0; i < 4; i++)
        {
            double t = 2 * Math.PI * i / 4;
            data.Features[i].Should().Equal([Math.Cos(t), Math.Sin(t)], Close);
        }

        for (int i = 0; i < 5; i++)
        {
            double t = 2 * Math.PI * i / 5;
            data.Features[4 + i].Should().Equal([0.5 * Math.Cos(t), 0.5 * Math.Sin(t)], Close);
        }
    }

    [Fact]
    public void Circles_have_radius_one_and_factor()
    {
        var data = Datasets.MakeCircles(100, noise: 0, factor: 0.3, seed: 2);

        for (int i = 0; i < data.Count; i++)
        {
            double radius = Math.Sqrt((data.Features[i][0] * data.Features[i][0]) + (data.Features[i][1] * data.Features[i][1]));
            radius.Should().BeApproximately(data.Labels[i] == 0 ? 1 : 0.3, 1e-14);
        }

        data.Labels.Count(l => l == 0).Should().Be(50);
    }

    // ---- Blobs

    [Fact]
    public void Blobs_without_spread_sit_on_their_centers_with_counts_shared_out()
    {
        var data = Datasets.MakeBlobs(10, [[1.0, 2.0, 3.0], [-1.0, 0.0, 1.0], [5.0, 5.0, 5.0]], std: 0, seed: 0, shuffle: false);

        data.FeatureCount.Should().Be(3);
        data.ClassCount.Should().Be(3);
        data.Labels.Should().Equal(0, 0, 0, 0, 1, 1, 1, 2, 2, 2);
        data.Features[0].Should().Equal(1.0, 2.0, 3.0);
        data.Features[5].Should().Equal(-1.0, 0.0, 1.0);
        data.Features[9].Should().Equal(5.0, 5.0, 5.0);
    }

    [Fact]
    public void Random_blob_centers_lie_in_the_box_and_points_gather_around_them()
    {
        var tight = Datasets.MakeBlobs(300, centers: 4, std: 0, seed: 6);
        var spread = Datasets.MakeBlobs(300, centers: 4, std: 0.5, seed: 6);

        tight.ClassCount.Should().Be(4);
        for (int c = 0; c < 4; c++)
        {
            var members = Enumerable.Range(0, tight.Count).Where(i => tight.Labels[i] == c).ToList();
            members.Should().HaveCount(75);
            var center = tight.Features[members[0]];
            center.Should().OnlyContain(v => v >= -10 && v <= 10);
            members.Should().OnlyContain(i => tight.Features[i].SequenceEqual(center));

            // The same seed draws the same centers; with spread the blob's mean stays near its center.
            var spreadMembers = Enumerable.Range(0, spread.Count).Where(i => spread.Labels[i] == c).ToList();
            spreadMembers.Average(i => spread.Features[i][0]).Should().BeApproximately(center[0], 0.2);
            spreadMembers.Average(i => spread.Features[i][1]).Should().BeApproximately(center[1], 0.2);
        }
    }

    // ---- Spiral

    [Fact]
    public void Spiral_without_noise_follows_the_formula()
    {
        const int m = 5;
        const int classes = 3;
        var data = Datasets.MakeSpiral(m, classes, noise: 0, seed: 0, shuffle: false);

        data.Count.Should().Be(15);
        data.ClassCount.Should().Be(3);
        for (int j = 0; j < classes; j++)
        {
            for (int i = 0; i < m; i++)
            {
                double r = i / (m - 1.0);
                double t = (2 * Math.PI * j / classes) + (4 * r);
                data.Labels[(j * m) + i].Should().Be(j);
                data.Features[(j * m) + i].Should().Equal([r * Math.Sin(t), r * Math.Cos(t)], Close);
            }
        }
    }

    [Fact]
    public void Spiral_noise_moves_points_along_their_circle_only()
    {
        var clean = Datasets.MakeSpiral(40, classes: 4, noise: 0, seed: 0, shuffle: false);
        var noisy = Datasets.MakeSpiral(40, classes: 4, noise: 0.3, seed: 7, shuffle: false);

        for (int i = 0; i < clean.Count; i++)
        {
            Radius(noisy.Features[i]).Should().BeApproximately(Radius(clean.Features[i]), 1e-12);
        }

        Examples(noisy).Should().NotEqual(Examples(clean));
        noisy.Labels.Should().Equal(clean.Labels);
    }

    [Fact]
    public void Spiral_defaults_to_three_classes()
    {
        var data = Datasets.MakeSpiral(20);

        data.ClassCount.Should().Be(3);
        data.Count.Should().Be(60);
        Enumerable.Range(0, 3).Should().OnlyContain(c => data.Labels.Count(l => l == c) == 20);
    }

    private static bool Close(double actual, double expected) => Math.Abs(actual - expected) <= 1e-15;

    private static double Radius(IReadOnlyList<double> p) => Math.Sqrt((p[0] * p[0]) + (p[1] * p[1]));

    private static Dataset Make(string generator, int seed) => generator switch
    {
        "moons" => Datasets.MakeMoons(60, noise: 0.1, seed),
        "circles" => Datasets.MakeCircles(60, noise: 0.1, factor: 0.5, seed),
        "blobs" => Datasets.MakeBlobs(60, centers: 3, std: 1.0, seed),
        _ => Datasets.MakeSpiral(20, classes: 3, noise: 0.2, seed),
    };

    // Each example as text, features and label together, for order-sensitive or -insensitive comparison.
    private static List<string> Examples(Dataset data) =>
        [.. Enumerable.Range(0, data.Count).Select(i => $"{string.Join(",", data.Features[i].Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}:{data.Labels[i]}")];

    private static void ShouldReject(Action make, string parameter) =>
        make.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(parameter);

    [Fact]
    public void A_spiral_too_large_for_an_array_is_rejected_naming_the_argument()
    {
        FluentActions.Invoking(() => Datasets.MakeSpiral(int.MaxValue / 2, classes: 3))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("pointsPerClass");
    }

    public static TheoryData<string, string> TooLargeForAnArray() => new()
    {
        { "MakeMoons(int.MaxValue)", "n" },
        { "MakeMoons(Array.MaxLength + 1)", "n" },
        { "MakeCircles(int.MaxValue)", "n" },
        { "MakeBlobs(int.MaxValue)", "n" },
        { "MakeBlobs(int.MaxValue, int.MaxValue)", "n" },
        { "MakeBlobs(int.MaxValue, centers list)", "n" },
        { "MakeSpiral(int.MaxValue)", "pointsPerClass" },
        { "MakeSpiral(1, int.MaxValue)", "classes" },
        { "MakeSpiral(Array.MaxLength / 2 + 1, 2)", "pointsPerClass" },
    };

    [Theory]
    [MemberData(nameof(TooLargeForAnArray))]
    public void A_data_set_no_array_can_hold_is_refused_before_anything_is_allocated(string call, string parameter)
    {
        Func<Dataset> make = call switch
        {
            "MakeMoons(int.MaxValue)" => () => Datasets.MakeMoons(int.MaxValue),
            "MakeMoons(Array.MaxLength + 1)" => () => Datasets.MakeMoons(Array.MaxLength + 1),
            "MakeCircles(int.MaxValue)" => () => Datasets.MakeCircles(int.MaxValue),
            "MakeBlobs(int.MaxValue)" => () => Datasets.MakeBlobs(int.MaxValue),
            "MakeBlobs(int.MaxValue, int.MaxValue)" => () => Datasets.MakeBlobs(int.MaxValue, centers: int.MaxValue),
            "MakeBlobs(int.MaxValue, centers list)" => () => Datasets.MakeBlobs(int.MaxValue, [[0.0, 0.0]]),
            "MakeSpiral(int.MaxValue)" => () => Datasets.MakeSpiral(int.MaxValue),
            "MakeSpiral(1, int.MaxValue)" => () => Datasets.MakeSpiral(1, classes: int.MaxValue),
            _ => () => Datasets.MakeSpiral((Array.MaxLength / 2) + 1, classes: 2),
        };

        long before = GC.GetAllocatedBytesForCurrentThread();
        make.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter).WithMessage("*more than one array can hold*");
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(1 << 20);
    }
}
