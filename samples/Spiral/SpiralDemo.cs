using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using AutogradForDummies.Data;
using AutogradForDummies.Nn;
using AutogradForDummies.Optim;

namespace AutogradForDummies.Samples.Spiral;

/// <summary>
/// Three classes of points on interleaved spiral arms: no straight line separates them, so the network has to
/// bend its decision boundaries. Trained with softmax cross-entropy and AdamW, and checked on held-out points.
/// </summary>
internal static class SpiralDemo
{
    public const int DefaultSeed = 1;
    public const int DefaultSteps = 150;
    public const double DefaultLearningRate = 0.05;

    private const int PointsPerClass = 100;
    private const int ClassCount = 3;
    private const double Noise = 0.2;
    private const double TestFraction = 0.2;

    public static int Run(SpiralSettings settings)
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

        // The data: one spiral arm per class. A fifth of the points is held out: the model never trains on them,
        // so they tell whether it learned the spirals or just memorised its training points.
        var all = Datasets.MakeSpiral(PointsPerClass, ClassCount, Noise, settings.Seed);
        var (train, test) = all.Split(TestFraction, settings.Seed);

        // The model: 2 inputs -> 16 ReLU -> 16 ReLU -> 3 logits, one per class; the largest one is the prediction.
        var model = new MLP(2, [16, 16, ClassCount], settings.Seed);
        Console.WriteLine(Invariant(
            $"MLP(2, [16, 16, {ClassCount}]), {model.ParameterCount} parameters, {train.Count} training and {test.Count} held-out points, seed {settings.Seed}"));

        // AdamW: Adam's per-parameter step sizes, plus weight decay that pulls every weight gently towards 0.
        var optimizer = new AdamW(model.Parameters(), settings.LearningRate);

        // With --compiled, preparing the steps builds and compiles the graph: that time counts as training too.
        var setupClock = Stopwatch.StartNew();
        var step = settings.Compiled ? CompiledSteps(model, train, optimizer) : DynamicSteps(model, train, optimizer);
        setupClock.Stop();

        var elapsed = TrainingProgress.Run(settings.Steps, step) + setupClock.Elapsed;
        string mode = settings.Compiled ? "compiled graph" : "dynamic graph";
        Console.WriteLine(Invariant(
            $"trained {settings.Steps} steps in {elapsed.TotalSeconds:0.00} s ({elapsed.TotalMilliseconds / settings.Steps:0.0} ms per step, {mode})"));
        if (IsDebugBuild())
        {
            Console.WriteLine("(a Debug build, which the JIT does not optimize; run with -c Release to see the real speed)");
        }

        // The real test: accuracy on the held-out points, next to the accuracy on the points it trained on.
        double trainAccuracy = Losses.Accuracy(Logits(model, train), train.Labels);
        double testAccuracy = Losses.Accuracy(Logits(model, test), test.Labels);
        Console.WriteLine(Invariant($"training accuracy {trainAccuracy:0.0%}, held-out accuracy {testAccuracy:0.0%}"));

        SaveResults(settings, model, train, test, trainAccuracy, testAccuracy);
        return 0;
    }

    /// <summary>The micrograd way: every step builds a fresh graph from the parameters to the loss.</summary>
    private static Func<int, (double Loss, double Accuracy)> DynamicSteps(MLP model, Dataset train, Optimizer optimizer) =>
        _ =>
        {
            var logits = Logits(model, train);
            var loss = Losses.SoftmaxCrossEntropy(logits, train.Labels);
            double accuracy = Losses.Accuracy(logits, train.Labels);

            optimizer.ZeroGrad(); // gradients of the parameters accumulate, so reset them first
            loss.Backward();
            optimizer.Step();
            return (loss.Data, accuracy);
        };

    /// <summary>Builds the graph once and compiles it; each step replays the recorded forward and backward passes.</summary>
    private static Func<int, (double Loss, double Accuracy)> CompiledSteps(MLP model, Dataset train, Optimizer optimizer)
    {
        var logits = Logits(model, train);
        var graph = Losses.SoftmaxCrossEntropy(logits, train.Labels).Compile();
        return _ =>
        {
            double loss = graph.Forward();                        // re-reads the parameters, recomputes every node
            double accuracy = Losses.Accuracy(logits, train.Labels); // the logits' Data are this step's values

            optimizer.ZeroGrad();
            graph.Backward();
            optimizer.Step();
            return (loss, accuracy);
        };
    }

    /// <summary>The model's logits (one per class) for every point.</summary>
    private static IReadOnlyList<Scalar>[] Logits(MLP model, Dataset data)
    {
        var logits = new IReadOnlyList<Scalar>[data.Count];
        for (int i = 0; i < logits.Length; i++)
        {
            logits[i] = model.Forward(data.Features[i]);
        }

        return logits;
    }

    /// <summary>The class with the largest logit at the point (x, y).</summary>
    private static int Predict(MLP model, double x, double y)
    {
        var logits = model.Forward(new[] { x, y });
        int best = 0;
        for (int c = 1; c < logits.Count; c++)
        {
            if (logits[c].Data > logits[best].Data)
            {
                best = c;
            }
        }

        return best;
    }

    private static void SaveResults(SpiralSettings settings, MLP model, Dataset train, Dataset test, double trainAccuracy, double testAccuracy)
    {
        string picturePath = Path.Combine(settings.Output, "decision-boundary.png");
        string modelPath = Path.Combine(settings.Output, "model.json");
        string title = Invariant(
            $"Spiral: MLP(2, [16, 16, 3]) after {settings.Steps} steps, training accuracy {trainAccuracy:0.0%}, held-out {testAccuracy:0.0%}");
        DecisionBoundaryPlot.Save(picturePath, title, train, test, ["class 0", "class 1", "class 2"], (x, y) => Predict(model, x, y));
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
