using System.Globalization;

namespace AutogradForDummies.Benchmarks;

/// <summary>The commands of the benchmark project that are not BenchmarkDotNet runs.</summary>
internal static class Tools
{
    /// <summary>Runs the tool the arguments name, if they name one.</summary>
    /// <returns>The exit code (0 done, 1 bad arguments or a failed check), or null if the arguments are for
    /// BenchmarkDotNet.</returns>
    public static int? Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is not ("--nodes" or "--check" or "--export-grid" or "--plot" or "--table" or "--paired"))
        {
            return null;
        }

        try
        {
            switch (args[0])
            {
                case "--nodes":
                    NodeReport.Print(Sizes(args, 1), output);
                    break;
                case "--check":
                    GridCheck.Run(Sizes(args, 1), output);
                    break;
                case "--export-grid":
                    string folder = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal)
                        ? args[1]
                        : throw new ArgumentException("--export-grid needs the folder to write to, such as --export-grid grid-data.", nameof(args));
                    GridExport.Run(folder, Sizes(args, 2), output);
                    break;
                case "--paired":
                    Paired(args, output);
                    break;
                case "--table":
                    GridTable.Write(ReadResults(args, 1, args.Length is 2 or 3, "--table RESULTS-FOLDER [PYTORCH.json]"), output);
                    break;
                default:
                    return Plot(args, output);
            }

            return 0;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine("error: " + e.Message);
            return 1;
        }
    }

    // --paired BEFORE AFTER [--path lean|compiled|dynamic] [--sizes HxN,...] [--rounds R]
    private static void Paired(string[] args, TextWriter output)
    {
        const string Usage = "--paired BEFORE AFTER [--path lean|compiled|dynamic] [--sizes HxN,...] [--rounds R]";
        if (args.Length < 3 || args[1].StartsWith("--", StringComparison.Ordinal) || args[2].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Write {Usage}: first the folders of the two builds of the library.", nameof(args));
        }

        string path = "lean";
        IReadOnlyList<GridSize> sizes = [new(64, 1000)];
        int rounds = 20;
        for (int i = 3; i < args.Length; i += 2)
        {
            string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value: {Usage}.", nameof(args));
            switch (args[i])
            {
                case "--path":
                    path = value;
                    break;
                case "--sizes":
                    sizes = GridSize.ParseList(value, "--sizes");
                    break;
                case "--rounds":
                    rounds = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int r)
                        ? r
                        : throw new ArgumentException($"--rounds takes a whole number, not '{value}'.", nameof(args));
                    break;
                default:
                    throw new ArgumentException($"Unexpected '{args[i]}': {Usage}.", nameof(args));
            }
        }

        PairedComparison.Run(args[1], args[2], path, sizes, rounds, output);
    }

    private static int Plot(string[] args, TextWriter output)
    {
        var results = ReadResults(args, 1, args.Length is 3 or 4, "--plot RESULTS-FOLDER [PYTORCH.json] OUT.png");
        GridPlot.Save(results, args[^1]);
        output.WriteLine("wrote " + args[^1]);
        output.WriteLine();
        GridTable.Write(results, output);
        return 0;
    }

    // BenchmarkDotNet's results folder at args[first] and, if the command has room for it, PyTorch's results file.
    private static List<GridPoint> ReadResults(string[] args, int first, bool countIsRight, string usage)
    {
        if (!countIsRight)
        {
            throw new ArgumentException(
                $"Write {usage}: BenchmarkDotNet's results folder (such as BenchmarkDotNet.Artifacts/results), then "
                + "optionally the results file of pytorch/grid_step.py" + (args[0] == "--plot" ? ", then the picture to write." : "."),
                nameof(args));
        }

        bool withPyTorch = args[0] == "--plot" ? args.Length == 4 : args.Length == 3;
        return GridResults.Read(args[first], withPyTorch ? args[first + 1] : null);
    }

    // The grid's sizes, or those that "--sizes 16x100,..." after the command's own arguments lists.
    private static IReadOnlyList<GridSize> Sizes(string[] args, int next)
    {
        if (args.Length == next)
        {
            return GridSize.All;
        }

        if (args.Length == next + 2 && args[next] == "--sizes")
        {
            return GridSize.ParseList(args[next + 1], "--sizes");
        }

        throw new ArgumentException($"Unexpected '{string.Join(' ', args[next..])}' after {args[0]}: only --sizes HxN,HxN... may follow.", nameof(args));
    }
}
