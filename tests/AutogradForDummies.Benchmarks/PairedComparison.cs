using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// <c>--paired BEFORE AFTER</c>: one of the grid's steps with two builds of the library in one process, run in turn,
/// round after round, so that a machine that is busy with something else slows both alike. Two separate runs of the
/// same code on a shared machine can differ by more than a change being measured; the ratio within a round does not
/// depend on how busy the machine was during it.
/// </summary>
/// <remarks>
/// Each build is a folder holding the library's <c>AutogradForDummies.dll</c>, such as
/// <c>dotnet build src/AutogradForDummies -c Release -o FOLDER</c> writes in a checkout of each version. This assembly is
/// loaded once more for each build, in a load context of its own that takes the library from that folder, so the same
/// step code (<see cref="PairedSteps"/>) runs against each. Time is the process's processor time, which the time the
/// process waits for a processor does not count.
/// </remarks>
internal static class PairedComparison
{
    /// <summary>The processor time of one turn of a build in a round.</summary>
    private static readonly TimeSpan Turn = TimeSpan.FromSeconds(0.25);

    /// <summary>How long each build runs before the first round, so that the runtime has compiled its code fully.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1.5);

    /// <summary>The names of the steps <c>--path</c> chooses from.</summary>
    public static IReadOnlyList<string> Paths { get; } = ["lean", "compiled", "dynamic"];

    /// <summary>Runs the comparison and writes one line per size.</summary>
    /// <param name="before">The folder of the first build.</param>
    /// <param name="after">The folder of the second build.</param>
    /// <param name="path">Which step: one of <see cref="Paths"/>.</param>
    /// <param name="sizes">The grid's sizes to run.</param>
    /// <param name="rounds">How many rounds at each size.</param>
    /// <param name="output">Where the results go.</param>
    public static void Run(string before, string after, string path, IReadOnlyList<GridSize> sizes, int rounds, TextWriter output)
    {
        if (!Paths.Contains(path))
        {
            throw new ArgumentException($"--path takes {string.Join(", ", Paths)}, not '{path}'.", nameof(path));
        }

        if (rounds < 3)
        {
            throw new ArgumentException($"--rounds must be at least 3, not {rounds}.", nameof(rounds));
        }

        var builds = new[] { Load(before, "the first build"), Load(after, "the second build") };
        output.WriteLine($"before: {before}");
        output.WriteLine($"after:  {after}");
        output.WriteLine($"{path} step, {rounds} rounds of {Turn.TotalSeconds} s of processor time per build; times are medians");
        foreach (var size in sizes)
        {
            bool sameNumbers = builds[0].Fingerprint(size, path) == builds[1].Fingerprint(size, path);
            var steps = builds.Select(b => b.Step(size, path)).ToArray();
            foreach (var step in steps)
            {
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < WarmUp)
                {
                    step();
                }
            }

            var times = new[] { new double[rounds], new double[rounds] };
            var ratios = new double[rounds];
            for (int r = 0; r < rounds; r++)
            {
                // Which build goes first alternates from round to round.
                int first = r % 2;
                times[first][r] = MillisecondsPerCall(steps[first]);
                times[1 - first][r] = MillisecondsPerCall(steps[1 - first]);
                ratios[r] = times[1][r] / times[0][r];
            }

            Array.Sort(ratios);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{size}: before {Median(times[0]):G4} ms, after {Median(times[1]):G4} ms; after ÷ before {Median(ratios):F3} "
                + $"(half the rounds between {Quantile(ratios, 0.25):F3} and {Quantile(ratios, 0.75):F3}); "
                + $"same loss and gradients: {(sameNumbers ? "yes" : "NO")}"));
        }
    }

    private static double MillisecondsPerCall(Action step)
    {
        var process = Process.GetCurrentProcess();
        var start = process.TotalProcessorTime;
        int calls = 0;
        TimeSpan used;
        do
        {
            step();
            calls++;
            process.Refresh();
            used = process.TotalProcessorTime - start;
        }
        while (used < Turn);

        return used.TotalMilliseconds / calls;
    }

    private static double Median(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return Quantile(sorted, 0.5);
    }

    // The q-quantile of sorted values, between the two nearest where it falls between them.
    private static double Quantile(double[] sorted, double q)
    {
        double at = q * (sorted.Length - 1);
        int below = (int)Math.Floor(at);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((at - below) * (sorted[above] - sorted[below]));
    }

    private static Build Load(string folder, string which)
    {
        string library = Path.Combine(Path.GetFullPath(folder), "AutogradForDummies.dll");
        if (!File.Exists(library))
        {
            throw new ArgumentException(
                $"No AutogradForDummies.dll in '{folder}' ({which}): give a folder that "
                + "'dotnet build src/AutogradForDummies -c Release -o FOLDER' wrote.",
                nameof(folder));
        }

        var context = new BuildContext(library);
        var steps = context.LoadFromAssemblyPath(typeof(PairedComparison).Assembly.Location).GetType(typeof(PairedSteps).FullName!, throwOnError: true)!;
        return new Build(steps);
    }

    /// <summary>The step code of one build: this assembly loaded against that build's library.</summary>
    private sealed class Build(Type steps)
    {
        private const BindingFlags Static = BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public;

        public Action Step(GridSize size, string path) =>
            (Action)steps.GetMethod(nameof(PairedSteps.Step), Static)!.Invoke(null, [size.H, size.N, path])!;

        public long Fingerprint(GridSize size, string path) =>
            (long)steps.GetMethod(nameof(PairedSteps.Fingerprint), Static)!.Invoke(null, [size.H, size.N, path])!;
    }

    /// <summary>Loads the library from one build's folder and this assembly again, so that its step code binds to that
    /// library; everything else comes from the default context.</summary>
    private sealed class BuildContext(string library) : AssemblyLoadContext(isCollectible: false)
    {
        private static readonly string Self = typeof(PairedComparison).Assembly.GetName().Name!;

        protected override Assembly? Load(AssemblyName assemblyName) => assemblyName.Name switch
        {
            "AutogradForDummies" => LoadFromAssemblyPath(library),
            _ when assemblyName.Name == Self => LoadFromAssemblyPath(typeof(PairedComparison).Assembly.Location),
            _ => null,
        };
    }
}
