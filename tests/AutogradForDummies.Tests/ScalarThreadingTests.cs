using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests;

/// <summary>
/// Graphs that share no Scalar can be built and differentiated on different threads at once: the
/// traversal buffers are per thread and the visit marks live on each graph's own nodes.
/// </summary>
public sealed class ScalarThreadingTests
{
    private const int TaskCount = 8;
    private const int GraphsPerTask = 400;

    [Fact]
    public async Task Graphs_on_many_threads_at_once_give_the_results_of_one_thread()
    {
        var expected = new long[GraphsPerTask][];
        for (int seed = 0; seed < GraphsPerTask; seed++)
        {
            expected[seed] = Fingerprint(seed);
        }

        using var start = new Barrier(TaskCount);
        var tasks = new Task<long[][]>[TaskCount];
        for (int t = 0; t < TaskCount; t++)
        {
            int offset = t * GraphsPerTask / TaskCount; // each task walks the seeds from a different place
            tasks[t] = Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait(TestContext.Current.CancellationToken);
                    var results = new long[GraphsPerTask][];
                    for (int k = 0; k < GraphsPerTask; k++)
                    {
                        int seed = (k + offset) % GraphsPerTask;
                        results[seed] = Fingerprint(seed);
                    }

                    return results;
                },
                TestContext.Current.CancellationToken,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        long[][][] all = await Task.WhenAll(tasks);

        foreach (var results in all)
        {
            for (int seed = 0; seed < GraphsPerTask; seed++)
            {
                results[seed].Should().Equal(expected[seed], $"graph {seed} gives the same bits on any thread");
            }
        }
    }

    // Everything one graph computes, dynamically and compiled, as exact bit patterns.
    private static long[] Fingerprint(int seed)
    {
        var bits = new List<long>();
        var expression = RandomExpression.ForSeed(seed);

        // Dynamic: build, Backward twice (leaves accumulate), record every value and gradient.
        var nodes = expression.Build();
        nodes[^1].Backward();
        nodes[^1].Backward();
        foreach (var node in nodes)
        {
            bits.Add(BitConverter.DoubleToInt64Bits(node.Data));
            bits.Add(BitConverter.DoubleToInt64Bits(node.Grad));
        }

        // Compiled: move the leaves, Forward, Backward.
        var graph = nodes[^1].Compile();
        for (int i = 0; i < expression.LeafValues.Length; i++)
        {
            nodes[i].Data *= 0.99;
            nodes[i].Grad = 0;
        }

        bits.Add(BitConverter.DoubleToInt64Bits(graph.Forward()));
        graph.Backward();
        foreach (var node in nodes)
        {
            bits.Add(BitConverter.DoubleToInt64Bits(node.Grad));
        }

        // A deeper chain now and then, so the per-thread buffers grow while other threads use theirs.
        if (seed % 50 == 0)
        {
            var x = new Scalar(seed);
            var y = x;
            for (int i = 0; i < 20_000; i++)
            {
                y = (y * 0.5) + x;
            }

            y.Backward();
            bits.Add(BitConverter.DoubleToInt64Bits(y.Data));
            bits.Add(BitConverter.DoubleToInt64Bits(x.Grad));
        }

        return [.. bits];
    }
}
