using AutogradForDummies.Benchmarks;
using BenchmarkDotNet.Running;

// The benchmarks (BenchmarkDotNet; run in Release):
//   dotnet run -c Release --project tests/AutogradForDummies.Benchmarks -- --filter '*Grid*'    the grid, ~5 minutes with the build
//   dotnet run -c Release --project tests/AutogradForDummies.Benchmarks -- --filter '*Moons*'   moons-100
//   dotnet run -c Release --project tests/AutogradForDummies.Benchmarks -- --filter '*Chain*'   the chain of a million nodes
//   dotnet run -c Release --project tests/AutogradForDummies.Benchmarks -- --filter '*GcMode*'  the dynamic step under each GC mode, ~4 minutes
//   dotnet run -c Release --project tests/AutogradForDummies.Benchmarks -- --filter '*ObjectGraphFloor*'  the dynamic step beside
//                                            the floor of its design and the single-sum step, both GC modes, ~9 minutes
// and the tools around them (see README.md beside this file):
//   -- --nodes [--sizes 16x100,...]          graph sizes, bytes and nanoseconds per node of a dynamic step
//   -- --check [--sizes 16x100,...]          every path of the grid computes the hand-written step's loss and gradients
//   -- --export-grid FOLDER [--sizes ...]    the grid's data and initial weights as JSON, for pytorch/grid_step.py
//   -- --plot RESULTS-FOLDER [PYTORCH.json] OUT.png    time per step against N·H, from BenchmarkDotNet's JSON export,
//                                                     and the grid's tables in Markdown (--table: the tables alone)
//   -- --paired BEFORE AFTER [--path lean|compiled|dynamic] [--sizes ...] [--rounds R]
//                                            a grid step with two builds of the library in one process, in turn
return Tools.Run(args, Console.Out, Console.Error) ?? RunBenchmarks(args);

static int RunBenchmarks(string[] args)
{
    GridJobAttribute.CommandLineChoosesJob = GridJobAttribute.ChoosesJob(args);
    BenchmarkSwitcher.FromAssembly(typeof(MoonsStepBenchmarks).Assembly).Run(args);
    return 0;
}
