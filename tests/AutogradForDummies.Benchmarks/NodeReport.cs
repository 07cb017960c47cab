using System.Diagnostics;
using System.Globalization;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// <c>--nodes</c>: the size of the loss graphs and what one dynamic step (build + Backward) costs per node: the bytes it
/// allocates and the nanoseconds it takes, for moons-100 and for every size of the grid, with the library's losses
/// and written micrograd-style.
/// </summary>
/// <remarks>The times are medians of single steps timed with a stopwatch after a warm-up, in this process: a quick
/// reading of the cost per node, not a substitute for BenchmarkDotNet's figures.</remarks>
internal static class NodeReport
{
    public static void Print(IReadOnlyList<GridSize> sizes, TextWriter output)
    {
        var moons = new MoonsSetup(seed: 1);

        // Warm up so that the pooled traversal buffers exist, as they do in any training loop.
        for (int i = 0; i < 5; i++)
        {
            moons.BuildLoss().Backward();
        }

        const int Steps = 20;
        long before = GC.GetAllocatedBytesForCurrentThread();
        Scalar last = null!;
        for (int i = 0; i < Steps; i++)
        {
            last = moons.BuildLoss();
            last.Backward();
        }

        long bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / Steps;
        int nodes = last.TopologicalOrder().Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"moons-100 loss graph: {nodes} nodes; one dynamic step (build + Backward) allocates {bytes} bytes = {(double)bytes / nodes:F1} bytes per node"));
        output.WriteLine();
        output.WriteLine("One dynamic step (build + Backward) of the grid's loss, MLP(2, [H, H, 1]) on N points:");
        output.WriteLine();
        output.WriteLine("| H | N | loss written | nodes | bytes per step | bytes per node | time per step | ns per node |");
        output.WriteLine("|---:|---:|---|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var setup = new MoonsSetup(size.H, size.N, seed: 1);
            Row(output, size, "library's losses", setup.BuildLoss);
            Row(output, size, "micrograd-style", setup.BuildMicrogradStyleLoss);
        }
    }

    private static void Row(TextWriter output, GridSize size, string style, Func<Scalar> build)
    {
        var measured = Measure(build);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {size.H} | {size.N} | {style} | {measured.Nodes:N0} | {measured.Bytes:N0} | {(double)measured.Bytes / measured.Nodes:F1} | {FormatTime(measured.Seconds)} | {measured.Seconds * 1e9 / measured.Nodes:F1} |"));
    }

    /// <summary>Warms up for at least 3 steps and half a second, then times at least 5 steps and a second; returns the
    /// node count, the mean bytes allocated per step and the median time of a step.</summary>
    private static (int Nodes, long Bytes, double Seconds) Measure(Func<Scalar> build)
    {
        var clock = Stopwatch.StartNew();
        Scalar loss = build();
        loss.Backward();
        int nodes = loss.TopologicalOrder().Count;
        for (int i = 1; i < 3 || clock.Elapsed.TotalSeconds < 0.5; i++)
        {
            build().Backward();
        }

        var times = new List<double>();
        long bytes = 0;
        clock.Restart();
        while (times.Count < 5 || clock.Elapsed.TotalSeconds < 1)
        {
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            build().Backward();
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            bytes += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            times.Add(seconds);
        }

        times.Sort();
        int m = times.Count;
        double median = m % 2 == 1 ? times[m / 2] : (times[(m / 2) - 1] + times[m / 2]) / 2;
        return (nodes, bytes / m, median);
    }

    internal static string FormatTime(double seconds) => seconds switch
    {
        < 1e-3 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e6:F1} µs"),
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e3:F2} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds:F2} s"),
    };
}
