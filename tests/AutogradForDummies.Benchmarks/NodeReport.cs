using System.Globalization;

namespace AutogradForDummies.Benchmarks;

/// <summary>Counts the nodes of the moons-100 loss graph and the bytes one dynamic step allocates per node.</summary>
internal static class NodeReport
{
    public static void Print()
    {
        var setup = new MoonsSetup(seed: 1);

        // Warm up so that the pooled traversal buffers exist, as they do in any training loop.
        for (int i = 0; i < 5; i++)
        {
            setup.BuildLoss().Backward();
        }

        const int Steps = 20;
        long before = GC.GetAllocatedBytesForCurrentThread();
        Scalar loss = null!;
        for (int i = 0; i < Steps; i++)
        {
            loss = setup.BuildLoss();
            loss.Backward();
        }

        long bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / Steps;
        int nodes = loss.Compile().NodeCount;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"moons-100 loss graph: {nodes} nodes; one dynamic step (build + Backward) allocates {bytes} bytes = {(double)bytes / nodes:F1} bytes per node"));
    }
}
