using AutogradForDummies.Data;
using AutogradForDummies.Nn;
using AutogradForDummies.Optim;
using static System.FormattableString;

namespace AutogradForDummies.Samples.Spiral;

/// <summary>
/// Three classes of points on interleaved spiral arms: no straight line separates them, so the network has to
/// bend its decision boundaries. Trained with softmax cross-entropy and AdamW, and checked on held-out points.
/// </summary>
internal static class SpiralDemo
{
    private const int PointsPerClass = 100;
    private const int ClassCount = 3;
    private const double Noise = 0.2;
    private const double TestFraction = 0.2;

    /// <summary>Trains the model, tests it on the held-out points and writes what it learned into the output folder.</summary>
    /// <param name="settings">Settings already checked by the command line; the output folder exists.</param>
    /// <returns>The exit code: 0, or 1 when training diverged or the results could not be written.</returns>
    public static int Run(TrainingSettings settings)
    {
        // The data: one spiral arm per class. A fifth of the points is held out: the model never trains on them,
        // so they tell whether it learned the spirals or just memorised its training points.
        var all = Datasets.MakeSpiral(PointsPerClass, ClassCount, Noise, settings.Seed);
        var (train, test) = all.Split(TestFraction, settings.Seed);

        // The model: 2 inputs -> 16 ReLU -> 16 ReLU -> 3 logits, one per class; the largest one is the prediction.
        var model = new MLP(2, [16, 16, ClassCount], seed: settings.Seed);
        Console.WriteLine(Invariant(
            $"MLP(2, [16, 16, {ClassCount}]), {model.ParameterCount} parameters, {train.Count} training and {test.Count} held-out points, seed {settings.Seed}"));

        // AdamW: Adam's per-parameter step sizes, plus weight decay that pulls every weight gently towards 0.
        var optimizer = new AdamW(model.Parameters(), settings.LearningRate);

        // Train on the training points only: every step rebuilds the graph, or with --compiled replays one graph
        // built and compiled up front. It stops early, with an error, if the loss explodes.
        if (TrainingProgress.Run(settings, () => settings.Compiled
            ? CompiledSteps(model, train, optimizer)
            : DynamicSteps(model, train, optimizer)) is not double firstLoss)
        {
            return 1;
        }

        // The real test: accuracy on the held-out points, next to the accuracy on the points it trained on.
        var trainLogits = Logits(model, train);
        double loss = Losses.SoftmaxCrossEntropy(trainLogits, train.Labels).Data;
        if (Divergence.Report("after the last step", loss, firstLoss))
        {
            return 1;
        }

        double trainAccuracy = Metrics.Accuracy(trainLogits, train.Labels);
        double testAccuracy = Metrics.Accuracy(Logits(model, test), test.Labels);
        Console.WriteLine(Invariant(
            $"final loss {Divergence.FormatLoss(loss)}, training accuracy {trainAccuracy:0.0%}, held-out accuracy {testAccuracy:0.0%}"));

        // The picture of what it learned (the held-out points drawn open), and the trained weights.
        string title = Invariant(
            $"Spiral: MLP(2, [16, 16, 3]) after {settings.Steps} steps, training accuracy {trainAccuracy:0.0%}, held-out {testAccuracy:0.0%}");
        return Results.Save(settings.Output, model, title, train, test, ["class 0", "class 1", "class 2"], (x, y) => Predict(model, x, y));
    }

    /// <summary>The micrograd way: every step builds a fresh graph from the parameters to the loss.</summary>
    private static TrainingStep DynamicSteps(MLP model, Dataset train, Optimizer optimizer) =>
        _ =>
        {
            var logits = Logits(model, train);
            var loss = Losses.SoftmaxCrossEntropy(logits, train.Labels);
            double accuracy = Metrics.Accuracy(logits, train.Labels);

            optimizer.ZeroGrad(); // gradients of the parameters accumulate, so reset them first
            loss.Backward();
            optimizer.Step();
            return (loss.Data, accuracy);
        };

    /// <summary>Builds the graph once and compiles it; each step replays the recorded forward and backward passes.</summary>
    private static TrainingStep CompiledSteps(MLP model, Dataset train, Optimizer optimizer)
    {
        var logits = Logits(model, train);
        var graph = Losses.SoftmaxCrossEntropy(logits, train.Labels).Compile();
        return _ =>
        {
            double loss = graph.Forward();                        // re-reads the parameters, recomputes every node
            double accuracy = Metrics.Accuracy(logits, train.Labels); // the logits' Data are this step's values

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

    /// <summary>The class with the largest logit at the point (x, y): inference without building a graph.</summary>
    private static int Predict(MLP model, double x, double y)
    {
        double[] logits = model.Predict([x, y]);
        int best = 0;
        for (int c = 1; c < logits.Length; c++)
        {
            if (logits[c] > logits[best])
            {
                best = c;
            }
        }

        return best;
    }
}
