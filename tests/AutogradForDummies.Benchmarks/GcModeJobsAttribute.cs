using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// The jobs of <see cref="GcModeBenchmarks"/>: one per garbage-collector mode (workstation concurrent, the runtime's
/// default; workstation non-concurrent; server), each one process with 4 warm-up and 15 measured iterations of at least
/// <see cref="GridJobAttribute.IterationMilliseconds"/>, and none of BenchmarkDotNet's forced collections between
/// iterations, so that the collector carries its state from step to step as in a training loop.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class GcModeJobsAttribute : Attribute, IConfigSource
{
    /// <summary>Creates the jobs.</summary>
    public GcModeJobsAttribute()
    {
        var loop = GridJobAttribute.CreateJob(warmupCount: 4, iterationCount: 15).WithGcForce(false);
        Config = ManualConfig.CreateEmpty()
            .AddJob(loop.WithGcServer(false).WithGcConcurrent(true).WithId("Concurrent"))
            .AddJob(loop.WithGcServer(false).WithGcConcurrent(false).WithId("NonConcurrent"))
            .AddJob(loop.WithGcServer(true).WithGcConcurrent(true).WithId("Server"));
    }

    /// <inheritdoc/>
    public IConfig Config { get; }
}
