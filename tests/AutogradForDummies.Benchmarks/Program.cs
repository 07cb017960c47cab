using AutogradForDummies.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/AutogradForDummies.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/AutogradForDummies.Benchmarks -- --nodes     (graph size and bytes per node)
if (args.Length > 0 && args[0] == "--nodes")
{
    NodeReport.Print();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(MoonsStepBenchmarks).Assembly).Run(args);
