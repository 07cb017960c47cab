using System.Globalization;
using System.Text.Json;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// Reads what the grid's runs wrote: BenchmarkDotNet's JSON reports of <see cref="GridStepBenchmarks"/> and
/// <see cref="GridCompileBenchmarks"/> (the <c>*-report-full.json</c> files of its results folder) and the results file
/// of pytorch/grid_step.py.
/// </summary>
internal static class GridResults
{
    /// <summary>The method name of PyTorch's points.</summary>
    public const string PyTorchMethod = "PyTorch";

    /// <summary>The method name of <see cref="GridCompileBenchmarks.Compile"/>'s points.</summary>
    public const string CompileMethod = nameof(GridCompileBenchmarks.Compile);

    /// <summary>The medians of the grid's benchmarks in the results folder, and PyTorch's if a file is given.</summary>
    /// <exception cref="ArgumentException">The folder or the file does not exist.</exception>
    /// <exception cref="InvalidOperationException">A file is not what it should be, or the folder holds no grid report.</exception>
    public static List<GridPoint> Read(string resultsFolder, string? pytorchResults)
    {
        var points = ReadBenchmarkDotNet(resultsFolder);
        if (pytorchResults is not null)
        {
            points.AddRange(ReadPyTorch(pytorchResults));
        }

        return points;
    }

    private static List<GridPoint> ReadBenchmarkDotNet(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new ArgumentException($"'{folder}' is not a folder; give BenchmarkDotNet's results folder, such as BenchmarkDotNet.Artifacts/results.", nameof(folder));
        }

        var points = new List<GridPoint>();
        var files = Directory.GetFiles(folder, "*." + nameof(GridStepBenchmarks) + "-report-full.json")
            .Concat(Directory.GetFiles(folder, "*." + nameof(GridCompileBenchmarks) + "-report-full.json"));
        foreach (string file in files)
        {
            using var document = Parse(file);
            if (!document.RootElement.TryGetProperty("Benchmarks", out var benchmarks) || benchmarks.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidOperationException($"'{file}' has no Benchmarks list: is it a BenchmarkDotNet JSON report?");
            }

            foreach (var benchmark in benchmarks.EnumerateArray())
            {
                // A benchmark that failed has no statistics.
                if (benchmark.TryGetProperty("Statistics", out var statistics) && statistics.ValueKind == JsonValueKind.Object
                    && benchmark.TryGetProperty("Method", out var method) && method.GetString() is string name)
                {
                    long? bytes = benchmark.TryGetProperty("Memory", out var memory) && memory.ValueKind == JsonValueKind.Object
                        ? memory.GetProperty("BytesAllocatedPerOperation").GetInt64()
                        : null;
                    var size = SizeFrom(benchmark.TryGetProperty("Parameters", out var p) ? p.GetString() : null, file);
                    points.Add(new GridPoint(name, size, statistics.GetProperty("Median").GetDouble() * 1e-9, bytes));
                }
            }
        }

        return points.Count > 0
            ? points
            : throw new InvalidOperationException(
                $"'{folder}' holds no measurement of the grid (no *GridStepBenchmarks-report-full.json or "
                + "*GridCompileBenchmarks-report-full.json with results); run the grid first.");
    }

    private static List<GridPoint> ReadPyTorch(string path)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"'{path}' does not exist; give the results file pytorch/grid_step.py wrote.", nameof(path));
        }

        using var document = Parse(path);
        if (!document.RootElement.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException($"'{path}' has no results list: is it the results file of pytorch/grid_step.py?");
        }

        var points = new List<GridPoint>();
        foreach (var result in results.EnumerateArray())
        {
            var size = new GridSize(result.GetProperty("h").GetInt32(), result.GetProperty("n").GetInt32());
            points.Add(new GridPoint(PyTorchMethod, size, result.GetProperty("median_seconds").GetDouble(), null));
        }

        return points;
    }

    private static JsonDocument Parse(string file)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(file));
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"'{file}' is not valid JSON: {e.Message}", e);
        }
    }

    // "H=16&N=100" (BenchmarkDotNet's Parameters field).
    private static GridSize SizeFrom(string? parameters, string file)
    {
        int? h = null, n = null;
        foreach (string pair in (parameters ?? "").Split('&'))
        {
            string[] parts = pair.Split('=');
            if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int value))
            {
                (h, n) = parts[0] switch { "H" => (value, n), "N" => (h, value), _ => (h, n) };
            }
        }

        return h is int hh && n is int nn
            ? new GridSize(hh, nn)
            : throw new InvalidOperationException($"'{file}' has a benchmark whose parameters '{parameters}' are not H=..&N=..");
    }
}
