using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Spectre.Console;
using static System.FormattableString;

namespace AutogradForDummies.Samples;

/// <summary>
/// Runs the training steps one after the other and shows how they go: a live progress bar on a terminal,
/// one plain line per step when the output is redirected to a file or a pipe; then how long the training took.
/// </summary>
internal static class TrainingProgress
{
    /// <summary>
    /// Prepares the steps, runs <see cref="TrainingSettings.Steps"/> of them while showing how they go, and then
    /// prints how long the training took.
    /// </summary>
    /// <param name="settings">The number of steps, and whether the steps replay a compiled graph.</param>
    /// <param name="prepareSteps">
    /// Makes the step function. It is timed as part of the training: with --compiled it builds and compiles the graph.
    /// </param>
    public static void Run(TrainingSettings settings, Func<TrainingStep> prepareSteps)
    {
        var setupClock = Stopwatch.StartNew();
        var step = prepareSteps();
        setupClock.Stop();

        var elapsed = Run(settings.Steps, step) + setupClock.Elapsed;
        string mode = settings.Compiled ? "compiled graph" : "dynamic graph";
        Console.WriteLine(Invariant(
            $"trained {settings.Steps} steps in {elapsed.TotalSeconds:0.00} s ({elapsed.TotalMilliseconds / settings.Steps:0.0} ms per step, {mode})"));
        if (IsDebugBuild())
        {
            Console.WriteLine("(a Debug build, which the JIT does not optimize; run with -c Release to see the real speed)");
        }
    }

    /// <summary>Calls <paramref name="step"/> for k = 0 .. steps - 1 and reports each step's loss and accuracy.</summary>
    /// <returns>The time spent inside <paramref name="step"/> (the training itself, without the display).</returns>
    private static TimeSpan Run(int steps, TrainingStep step)
    {
        bool interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        return interactive ? RunWithProgressBar(steps, step) : RunWithPlainLines(steps, step);
    }

    /// <summary>The text shown for a step, e.g. "step  12  loss 0.4321  accuracy 87%".</summary>
    public static string Describe(int k, int steps, double loss, double accuracy)
    {
        int width = (steps - 1).ToString(CultureInfo.InvariantCulture).Length;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"step {k.ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(width, 3))}  loss {loss:0.0000}  accuracy {accuracy:0%}");
    }

    private static TimeSpan RunWithPlainLines(int steps, TrainingStep step)
    {
        var clock = new Stopwatch();
        for (int k = 0; k < steps; k++)
        {
            clock.Start();
            var (loss, accuracy) = step(k);
            clock.Stop();
            Console.WriteLine(Describe(k, steps, loss, accuracy));
        }

        return clock.Elapsed;
    }

    private static TimeSpan RunWithProgressBar(int steps, TrainingStep step)
    {
        var clock = new Stopwatch();
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("training", maxValue: steps);
                for (int k = 0; k < steps; k++)
                {
                    clock.Start();
                    var (loss, accuracy) = step(k);
                    clock.Stop();
                    task.Description = Describe(k, steps, loss, accuracy);
                    task.Increment(1);
                }
            });

        return clock.Elapsed;
    }

    private static bool IsDebugBuild() =>
        typeof(Scalar).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true;
}
