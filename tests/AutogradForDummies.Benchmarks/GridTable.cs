using System.Globalization;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// The grid's results as Markdown tables (printed by <c>--plot</c> and <c>--table</c>): the median time per step of
/// every path with its ratio to the hand-written step, and the figures the targets are stated in (compiled against
/// PyTorch, <c>Compile()</c> against a dynamic step).
/// </summary>
/// <remarks>Every ratio is a ratio of medians. (BenchmarkDotNet's own Ratio column is the mean of per-iteration
/// ratios, which can differ slightly.)</remarks>
internal static class GridTable
{
    private static readonly (string Method, string Header)[] Steps =
    [
        (nameof(GridStepBenchmarks.HandWritten), "hand-written"),
        (nameof(GridStepBenchmarks.Dynamic), "dynamic"),
        (nameof(GridStepBenchmarks.DynamicMicrogradStyle), "dynamic, micrograd-style"),
        (nameof(GridStepBenchmarks.Compiled), "compiled"),
        (nameof(GridStepBenchmarks.CompiledLean), "compiled lean"),
        (GridResults.PyTorchMethod, "PyTorch"),
    ];

    public static void Write(IReadOnlyList<GridPoint> points, TextWriter output)
    {
        var sizes = points.Select(p => p.Size).Distinct().OrderBy(s => s.NH).ThenBy(s => s.H).ToList();
        output.WriteLine("Median time per step (ratio to the hand-written step):");
        output.WriteLine();
        output.WriteLine("| H | N | N·H | " + string.Join(" | ", Steps.Select(s => s.Header)) + " |");
        output.WriteLine("|---:|---:|---:|" + string.Concat(Enumerable.Repeat("---:|", Steps.Length)));
        foreach (var size in sizes)
        {
            double? hand = Find(points, nameof(GridStepBenchmarks.HandWritten), size)?.Seconds;
            var cells = Steps.Select(s => Find(points, s.Method, size) is GridPoint p
                ? NodeReport.FormatTime(p.Seconds) + (hand is double h && s.Method != nameof(GridStepBenchmarks.HandWritten) ? Ratio(p.Seconds / h) : "")
                : "–");
            output.WriteLine(Invariant($"| {size.H} | {size.N} | {size.NH:N0} | ") + string.Join(" | ", cells) + " |");
        }

        output.WriteLine();
        output.WriteLine("Against the targets:");
        output.WriteLine();
        output.WriteLine("| H | N | compiled ÷ PyTorch | compiled lean ÷ PyTorch | dynamic ÷ hand-written | micrograd-style ÷ hand-written | Compile() | Compile() ÷ dynamic step | Compile() allocates | dynamic step allocates |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var hand = Find(points, nameof(GridStepBenchmarks.HandWritten), size);
            var dynamic = Find(points, nameof(GridStepBenchmarks.Dynamic), size);
            var micrograd = Find(points, nameof(GridStepBenchmarks.DynamicMicrogradStyle), size);
            var compiled = Find(points, nameof(GridStepBenchmarks.Compiled), size);
            var lean = Find(points, nameof(GridStepBenchmarks.CompiledLean), size);
            var pytorch = Find(points, GridResults.PyTorchMethod, size);
            var compile = Find(points, GridResults.CompileMethod, size);
            output.WriteLine(Invariant($"| {size.H} | {size.N} | {Quotient(compiled, pytorch)} | {Quotient(lean, pytorch)} | {Quotient(dynamic, hand)} | {Quotient(micrograd, hand)} | ")
                + (compile is null ? "–" : NodeReport.FormatTime(compile.Seconds))
                + Invariant($" | {Quotient(compile, dynamic)} | {Bytes(compile)} | {Bytes(dynamic)} |"));
        }
    }

    private static GridPoint? Find(IReadOnlyList<GridPoint> points, string method, GridSize size) =>
        points.FirstOrDefault(p => p.Method == method && p.Size == size);

    private static string Quotient(GridPoint? a, GridPoint? b) => a is null || b is null ? "–" : Times(a.Seconds / b.Seconds);

    private static string Ratio(double ratio) => " (" + Times(ratio) + ")";

    private static string Times(double ratio) => ratio < 0.1 ? Invariant($"{ratio:F3}×") : Invariant($"{ratio:F2}×");

    private static string Bytes(GridPoint? p) => p?.Bytes is long bytes ? Invariant($"{bytes:N0} B") : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
