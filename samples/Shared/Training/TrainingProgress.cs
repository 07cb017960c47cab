using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Spectre.Console;
using static System.FormattableString;

namespace AutogradForDummies.Samples;

/// <summary>
/// Runs the training steps one after the other and shows how they go: a live progress bar on a terminal,
/// one plain line per step when the output is redirected to a file or a pipe; then how long the training took.
/// It stops early, and says so, when the loss shows that training diverged.
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
    /// <returns>The first step's loss when every step ran, or null when training diverged (see
    /// <see cref="Divergence"/>), after saying so on the error output.</returns>
    public static double? Run(TrainingSettings settings, Func<TrainingStep> prepareSteps)
    {
        var setupClock = Stopwatch.StartNew();
        var step = prepareSteps();
        setupClock.Stop();

        var run = new Steps(settings.Steps, step);
        bool interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (interactive)
        {
            run.WithProgressBar();
        }
        else
        {
            run.WithPlainLines();
        }

        if (run.DivergedAt is int k)
        {
            Console.Error.WriteLine(Divergence.Message(Invariant($"at step {k}"), run.LastLoss, run.FirstLoss));
            return null;
        }

        var elapsed = run.Elapsed + setupClock.Elapsed;
        string mode = settings.Compiled ? "compiled graph" : "dynamic graph";
        Console.WriteLine(Invariant(
            $"trained {settings.Steps} steps in {elapsed.TotalSeconds:0.00} s ({elapsed.TotalMilliseconds / settings.Steps:0.0} ms per step, {mode})"));
        if (IsDebugBuild())
        {
            Console.WriteLine("(a Debug build, which the JIT does not optimize; run with -c Release to see the real speed)");
        }

        return run.FirstLoss;
    }

    /// <summary>The text shown for a step, e.g. "step  12  loss 0.4321  accuracy 87%", with a huge loss in
    /// scientific notation ("loss 3.1623e+15").</summary>
    public static string Describe(int k, int steps, double loss, double accuracy)
    {
        int width = (steps - 1).ToString(CultureInfo.InvariantCulture).Length;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"step {k.ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(width, 3))}  loss {Divergence.FormatLoss(loss)}  accuracy {accuracy:0%}");
    }

    private static bool IsDebugBuild() =>
        typeof(Scalar).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true;

    /// <summary>Calls the step function for k = 0 .. count - 1, timing it, until every step ran or the loss diverged.</summary>
    private sealed class Steps(int count, TrainingStep step)
    {
        private readonly Stopwatch _clock = new();

        /// <summary>Gets the time spent inside the step function (the training itself, without the display).</summary>
        public TimeSpan Elapsed => _clock.Elapsed;

        public double FirstLoss { get; private set; }

        public double LastLoss { get; private set; }

        /// <summary>Gets the step whose loss showed that training diverged, or null.</summary>
        public int? DivergedAt { get; private set; }

        public void WithPlainLines()
        {
            for (int k = 0; k < count && Next(k) is string line; k++)
            {
                Console.WriteLine(line);
            }
        }

        public void WithProgressBar() =>
            AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("training", maxValue: count);
                    for (int k = 0; k < count && Next(k) is string line; k++)
                    {
                        task.Description = line;
                        task.Increment(1);
                    }
                });

        /// <summary>Runs step k and returns its line, or null when its loss shows that training diverged.</summary>
        private string? Next(int k)
        {
            _clock.Start();
            var (loss, accuracy) = step(k);
            _clock.Stop();
            FirstLoss = k == 0 ? loss : FirstLoss;
            LastLoss = loss;
            if (Divergence.HasDiverged(loss, FirstLoss))
            {
                DivergedAt = k;
                return null;
            }

            return Describe(k, count, loss, accuracy);
        }
    }
}
