using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// The job of a grid benchmark class: one process per benchmark, the given numbers of warm-up and measured
/// iterations, each at least <see cref="IterationMilliseconds"/> long (a fast benchmark is called as often as it
/// takes to fill an iteration; a slower one once per iteration). Unlike [SimpleJob], it steps aside when the command
/// line chooses a job (<c>--job dry</c>, <c>--job short</c>, <c>--iterationCount 3</c>...), so that a quick run of the
/// grid runs that job alone rather than both.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class GridJobAttribute : Attribute, IConfigSource
{
    /// <summary>The least length of an iteration.</summary>
    public const int IterationMilliseconds = 250;

    // The options of BenchmarkDotNet's command line that make a job of their own.
    private static readonly string[] JobOptions =
    [
        "-j", "--job", "-r", "--runtimes", "--launchCount", "--warmupCount", "--minWarmupCount", "--maxWarmupCount",
        "--iterationCount", "--minIterationCount", "--maxIterationCount", "--iterationTime", "--invocationCount",
        "--unrollFactor", "--strategy", "--runOncePerIteration",
    ];

    /// <summary>Creates the job.</summary>
    /// <param name="warmupCount">The number of warm-up iterations.</param>
    /// <param name="iterationCount">The number of measured iterations.</param>
    /// <param name="nonConcurrentGcToo">Whether to run every benchmark a second time, in a job of its own
    /// ("GridNonConcurrentGc"), with the garbage collector's concurrent mode off.</param>
    public GridJobAttribute(int warmupCount, int iterationCount, bool nonConcurrentGcToo = false)
    {
        WarmupCount = warmupCount;
        IterationCount = iterationCount;
        var config = ManualConfig.CreateEmpty();
        if (!CommandLineChoosesJob)
        {
            var job = CreateJob(warmupCount, iterationCount);
            config.AddJob(job.WithId("Grid"));
            if (nonConcurrentGcToo)
            {
                config.AddJob(job.WithGcConcurrent(false).WithId("GridNonConcurrentGc"));
            }
        }

        Config = config;
    }

    /// <summary>Gets or sets a value indicating whether the command line names a job; set by the program before it runs
    /// BenchmarkDotNet.</summary>
    public static bool CommandLineChoosesJob { get; set; }

    /// <summary>Gets the number of warm-up iterations.</summary>
    public int WarmupCount { get; }

    /// <summary>Gets the number of measured iterations.</summary>
    public int IterationCount { get; }

    /// <inheritdoc/>
    public IConfig Config { get; }

    /// <summary>A job of one process with <paramref name="warmupCount"/> warm-up and <paramref name="iterationCount"/>
    /// measured iterations of at least <see cref="IterationMilliseconds"/> each.</summary>
    public static Job CreateJob(int warmupCount, int iterationCount) => Job.Default
        .WithStrategy(RunStrategy.Throughput)
        .WithLaunchCount(1)
        .WithWarmupCount(warmupCount)
        .WithIterationCount(iterationCount)
        .WithIterationTime(TimeInterval.FromMilliseconds(IterationMilliseconds));

    /// <summary>Tells whether BenchmarkDotNet's arguments choose a job.</summary>
    public static bool ChoosesJob(IEnumerable<string> args) =>
        args.Any(a => JobOptions.Any(o => a.Equals(o, StringComparison.OrdinalIgnoreCase) || a.StartsWith(o + "=", StringComparison.OrdinalIgnoreCase)));
}
