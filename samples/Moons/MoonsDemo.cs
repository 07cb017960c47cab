using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using AutogradForDummies.Data;
using AutogradForDummies.Nn;
using AutogradForDummies.Optim;

namespace AutogradForDummies.Samples.Moons;

/// <summary>
/// micrograd's demo: an MLP learns to separate two interleaving half moons, trained with a hinge loss,
/// a little L2 regularisation and plain SGD whose learning rate decays linearly.
/// </summary>
internal static class MoonsDemo
{
    public const int DefaultSeed = 2;
    public const int DefaultSteps = 100;
    public const double DefaultLearningRate = 1.0;

    private const int PointCount = 100;
    private const double Noise = 0.1;
    private const double Alpha = 1e-4; // strength of the L2 penalty

    public static int Run(MoonsSettings settings)
    {
        string? problem = settings.Problem();
        if (problem is not null)
        {
            Console.Error.WriteLine(problem);
            return 1;
        }

        if (!TryCreateFolder(settings.Output))
        {
            return 1;
        }

        // The data: 100 points on two half moons. The hinge loss wants labels -1 and +1 instead of 0 and 1.
        var data = Datasets.MakeMoons(PointCount, Noise, settings.Seed);
        var labels = data.SignedLabels();

        // The model: 2 inputs -> 16 ReLU -> 16 ReLU -> 1 linear score; the sign of the score is the class.
        var model = new MLP(2, [16, 16, 1], settings.Seed);
        Console.WriteLine(Invariant($"MLP(2, [16, 16, 1]), {model.ParameterCount} parameters, {data.Count} points, seed {settings.Seed}"));

        // Plain SGD (p -= rate·grad) whose rate falls linearly to a tenth of the first one. With the defaults
        // this is micrograd's schedule: 1.0 - 0.9·k/100 at step k.
        double rate = settings.LearningRate;
        var schedule = LearningRateSchedule.Linear(rate, rate / 10, settings.Steps);
        var optimizer = new Sgd(model.Parameters(), schedule);

        // With --compiled, preparing the steps builds and compiles the graph: that time counts as training too.
        var setupClock = Stopwatch.StartNew();
        var step = settings.Compiled
            ? CompiledSteps(model, data, labels, optimizer)
            : DynamicSteps(model, data, labels, optimizer);
        setupClock.Stop();

        var elapsed = TrainingProgress.Run(settings.Steps, step) + setupClock.Elapsed;
        string mode = settings.Compiled ? "compiled graph" : "dynamic graph";
        Console.WriteLine(Invariant(
            $"trained {settings.Steps} steps in {elapsed.TotalSeconds:0.00} s ({elapsed.TotalMilliseconds / settings.Steps:0.0} ms per step, {mode})"));
        if (IsDebugBuild())
        {
            Console.WriteLine("(a Debug build, which the JIT does not optimize; run with -c Release to see the real speed)");
        }

        // How good is the trained model? One more forward pass over the data.
        var scores = Scores(model, data);
        double loss = Loss(model, scores, labels).Data;
        double accuracy = Losses.Accuracy(scores, labels);
        Console.WriteLine(Invariant($"final loss {loss:0.0000}, training accuracy {accuracy:0%}"));

        SaveResults(settings, model, data, accuracy);
        return 0;
    }

    /// <summary>The micrograd way: every step builds a fresh graph from the parameters to the loss.</summary>
    private static Func<int, (double Loss, double Accuracy)> DynamicSteps(MLP model, Dataset data, IReadOnlyList<double> labels, Optimizer optimizer) =>
        _ =>
        {
            var scores = Scores(model, data);
            var loss = Loss(model, scores, labels);
            double accuracy = Losses.Accuracy(scores, labels);

            optimizer.ZeroGrad(); // gradients of the parameters accumulate, so reset them first
            loss.Backward();
            optimizer.Step();     // p.Data -= rate·p.Grad
            return (loss.Data, accuracy);
        };

    /// <summary>
    /// The graph does not change from one step to the next (same data, same parameters), only the numbers in it
    /// do. So build it once and compile it: each step replays the recorded forward and backward passes.
    /// </summary>
    private static Func<int, (double Loss, double Accuracy)> CompiledSteps(MLP model, Dataset data, IReadOnlyList<double> labels, Optimizer optimizer)
    {
        var scores = Scores(model, data);
        var graph = Loss(model, scores, labels).Compile();
        return _ =>
        {
            double loss = graph.Forward();                    // re-reads the parameters, recomputes every node
            double accuracy = Losses.Accuracy(scores, labels); // the scores' Data are this step's values

            optimizer.ZeroGrad();
            graph.Backward();
            optimizer.Step();
            return (loss, accuracy);
        };
    }

    /// <summary>The model's score for every point.</summary>
    private static Scalar[] Scores(MLP model, Dataset data)
    {
        var scores = new Scalar[data.Count];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = model.Forward(data.Features[i])[0];
        }

        return scores;
    }

    /// <summary>loss = mean(max(0, 1 - y·score)) + α·Σ p²: the hinge loss plus L2 regularisation.</summary>
    private static Scalar Loss(MLP model, Scalar[] scores, IReadOnlyList<double> labels) =>
        Losses.Hinge(scores, labels) + Losses.L2(model.Parameters(), Alpha);

    private static void SaveResults(MoonsSettings settings, MLP model, Dataset data, double accuracy)
    {
        string picturePath = Path.Combine(settings.Output, "decision-boundary.png");
        string modelPath = Path.Combine(settings.Output, "model.json");
        string title = Invariant($"Moons: MLP(2, [16, 16, 1]) after {settings.Steps} steps, training accuracy {accuracy:0%}");
        DecisionBoundaryPlot.Save(
            picturePath,
            title,
            data,
            heldOut: null,
            ["class 0 (y = -1)", "class 1 (y = +1)"],
            (x, y) => model.Forward(new[] { x, y })[0].Data > 0 ? 1 : 0);
        Console.WriteLine($"wrote {picturePath}");

        ModelFile.Save(model, modelPath);
        Console.WriteLine($"wrote {modelPath}");
    }

    /// <summary>Creates the output folder before training, so a bad --output fails fast.</summary>
    private static bool TryCreateFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Console.Error.WriteLine($"Cannot create the output folder '{folder}': {e.Message}");
            return false;
        }
    }

    private static bool IsDebugBuild() =>
        typeof(Scalar).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
