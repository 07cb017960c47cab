using AutogradForDummies.Data;
using AutogradForDummies.Nn;
using AutogradForDummies.Optim;
using static System.FormattableString;

namespace AutogradForDummies.Samples.Moons;

/// <summary>
/// micrograd's demo: an MLP learns to separate two interleaving half moons, trained with a hinge loss,
/// a little L2 regularisation and plain SGD whose learning rate decays linearly.
/// </summary>
internal static class MoonsDemo
{
    private const int PointCount = 100;
    private const double Noise = 0.1;
    private const double Alpha = 1e-4; // strength of the L2 penalty

    /// <summary>Trains the model and writes what it learned into the output folder.</summary>
    /// <param name="settings">Settings already checked by the command line; the output folder exists.</param>
    /// <returns>The exit code: 0, or 1 when training diverged or the results could not be written.</returns>
    public static int Run(TrainingSettings settings)
    {
        // The data: 100 points on two half moons. The hinge loss wants labels -1 and +1 instead of 0 and 1.
        var data = Datasets.MakeMoons(PointCount, Noise, settings.Seed);
        var labels = data.SignedLabels();

        // The model: 2 inputs -> 16 ReLU -> 16 ReLU -> 1 linear score; the sign of the score is the class.
        var model = new MLP(2, [16, 16, 1], seed: settings.Seed);
        Console.WriteLine(Invariant($"MLP(2, [16, 16, 1]), {model.ParameterCount} parameters, {data.Count} points, seed {settings.Seed}"));

        // Plain SGD (p -= rate·grad) whose rate falls linearly to a tenth of the first one. With the defaults
        // this is micrograd's schedule: 1.0 - 0.9·k/100 at step k.
        double rate = settings.LearningRate;
        var schedule = LearningRateSchedule.Linear(rate, rate / 10, settings.Steps);
        var optimizer = new SGD(model.Parameters(), schedule);

        // Train: every step rebuilds the graph, or with --compiled replays one graph built and compiled up front.
        // It stops early, with an error, if the loss explodes (a learning rate far too large).
        if (TrainingProgress.Run(settings, () => settings.Compiled
            ? CompiledSteps(model, data, labels, optimizer)
            : DynamicSteps(model, data, labels, optimizer)) is not double firstLoss)
        {
            return 1;
        }

        // How good is the trained model? One more forward pass over the data.
        var scores = Scores(model, data);
        double loss = Loss(model, scores, labels).Data;
        if (Divergence.Report("after the last step", loss, firstLoss))
        {
            return 1;
        }

        double accuracy = Metrics.Accuracy(scores, labels);
        Console.WriteLine(Invariant($"final loss {Divergence.FormatLoss(loss)}, training accuracy {accuracy:0%}"));

        // The picture of what it learned, and the trained weights.
        string title = Invariant($"Moons: MLP(2, [16, 16, 1]) after {settings.Steps} steps, training accuracy {accuracy:0%}");
        return Results.Save(
            settings.Output,
            model,
            title,
            data,
            heldOut: null,
            ["class 0 (y = -1)", "class 1 (y = +1)"],
            (x, y) => model.Predict([x, y])[0] > 0 ? 1 : 0); // inference without building a graph
    }

    /// <summary>The micrograd way: every step builds a fresh graph from the parameters to the loss.</summary>
    private static TrainingStep DynamicSteps(MLP model, Dataset data, IReadOnlyList<double> labels, Optimizer optimizer) =>
        _ =>
        {
            var scores = Scores(model, data);
            var loss = Loss(model, scores, labels);
            double accuracy = Metrics.Accuracy(scores, labels);

            optimizer.ZeroGrad(); // gradients of the parameters accumulate, so reset them first
            loss.Backward();
            optimizer.Step();     // p.Data -= rate·p.Grad
            return (loss.Data, accuracy);
        };

    /// <summary>
    /// The graph does not change from one step to the next (same data, same parameters), only the numbers in it
    /// do. So build it once and compile it: each step replays the recorded forward and backward passes.
    /// </summary>
    private static TrainingStep CompiledSteps(MLP model, Dataset data, IReadOnlyList<double> labels, Optimizer optimizer)
    {
        var scores = Scores(model, data);
        var graph = Loss(model, scores, labels).Compile();
        return _ =>
        {
            double loss = graph.Forward();                    // re-reads the parameters, recomputes every node
            double accuracy = Metrics.Accuracy(scores, labels); // the scores' Data are this step's values

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
}
