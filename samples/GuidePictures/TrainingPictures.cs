using AutogradForDummies.Data;
using AutogradForDummies.Nn;
using AutogradForDummies.Optim;
using ScottPlot;

namespace AutogradForDummies.GuidePictures;

/// <summary>Page 8 and page 10: how the moons training goes, step by step.</summary>
internal static class TrainingPictures
{
    /// <summary>Page 8's run (data and weights from seed 2, SGD from 1.0 to 0.1): loss and accuracy per step.</summary>
    public static string SaveCurves(string folder)
    {
        var data = Datasets.MakeMoons(100, noise: 0.1, seed: 2);
        var model = new MLP(2, [16, 16, 1], seed: 2);
        var history = Train(model, data, new SGD(model.Parameters(), LearningRateSchedule.Linear(1.0, 0.1, 100)), 100);
        var steps = Enumerable.Range(0, history.Count).Select(s => (double)s).ToArray();

        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        var loss = multiplot.GetPlot(0);
        Chart.Style(loss);
        var lossLine = loss.Add.ScatterLine(steps, history.Select(h => h.Loss).ToArray(), Chart.Palette[0]);
        lossLine.LineWidth = 2;
        loss.Title("loss (hinge + L2)");
        loss.XLabel("step");
        loss.Axes.SetLimits(0, 100, 0, history.Max(h => h.Loss) * 1.05);

        var accuracy = multiplot.GetPlot(1);
        Chart.Style(accuracy);
        var accuracyLine = accuracy.Add.ScatterLine(steps, history.Select(h => h.Accuracy * 100).ToArray(), Chart.Palette[2]);
        accuracyLine.LineWidth = 2;
        accuracy.Title("training accuracy (%)");
        accuracy.XLabel("step");
        accuracy.Axes.SetLimits(0, 100, 40, 102);

        string path = Path.Combine(folder, "moons-training.png");
        multiplot.SavePng(path, 1000, 400);
        return path;
    }

    /// <summary>The learning-rate sweep: the loss per step for constant rates from 0.01 to 10 (model seed 1).</summary>
    public static string SaveLearningRateSweep(string folder)
    {
        var data = Datasets.MakeMoons(100, noise: 0.1, seed: 2);
        using var plot = new Plot();
        Chart.Style(plot);
        double[] rates = [0.01, 0.1, 0.3, 1, 3, 10];
        for (int k = 0; k < rates.Length; k++)
        {
            var model = new MLP(2, [16, 16, 1], seed: 1);
            var history = Train(model, data, new SGD(model.Parameters(), rates[k]), 100);
            var line = plot.Add.ScatterLine(
                Enumerable.Range(0, history.Count).Select(s => (double)s).ToArray(),
                history.Select(h => Math.Min(h.Loss, 10)).ToArray(),
                Chart.Palette[k]);
            line.LineWidth = 2;
            line.LegendText = FormattableString.Invariant($"η = {rates[k]}: final accuracy {history[^1].Accuracy:P0}");
        }

        plot.Title("The same network, trained with six constant learning rates");
        plot.XLabel("step");
        plot.YLabel("loss (cut off at 1.5)");
        plot.Axes.SetLimits(0, 100, 0, 1.5);
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend();
        return Chart.Save(plot, folder, "learning-rate-sweep.png", 860, 520);
    }

    /// <summary>
    /// Page 10: 30 noisy training points, 200 validation points, binary cross-entropy and Adam, with and without
    /// L2: the training and validation losses of every step.
    /// </summary>
    public static string SaveOverfitting(string folder)
    {
        var (train, validation) = Datasets.MakeMoons(230, noise: 0.3, seed: 3).Split(200.0 / 230, seed: 1);
        using var plot = new Plot();
        Chart.Style(plot);
        var alphas = new[] { 0.0, 0.003 };
        for (int k = 0; k < alphas.Length; k++)
        {
            var model = new MLP(2, [16, 16, 1], seed: 1);
            var adam = new Adam(model.Parameters(), learningRate: 0.02);
            var trainLoss = Losses.BinaryCrossEntropyWithLogits(train.Features.Select(p => model.Forward(p)[0]).ToArray(), train.BinaryLabels());
            var objective = (trainLoss + Losses.L2(model.Parameters(), alphas[k])).Compile();
            var validationLoss = Losses.BinaryCrossEntropyWithLogits(validation.Features.Select(p => model.Forward(p)[0]).ToArray(), validation.BinaryLabels()).Compile();
            var steps = new List<double>();
            var trainCurve = new List<double>();
            var validationCurve = new List<double>();
            for (int step = 0; step <= 1000; step++)
            {
                objective.Forward();
                steps.Add(step);
                trainCurve.Add(trainLoss.Data);
                validationCurve.Add(validationLoss.Forward());
                adam.ZeroGrad();
                objective.Backward();
                adam.Step();
            }

            string name = k == 0 ? "no L2" : FormattableString.Invariant($"L2 α = {alphas[k]}");
            var t = plot.Add.ScatterLine(steps, trainCurve, Chart.Palette[k]);
            t.LineWidth = 2;
            t.LinePattern = LinePattern.Dashed;
            t.LegendText = $"training loss, {name}";
            var v = plot.Add.ScatterLine(steps, validationCurve, Chart.Palette[k]);
            v.LineWidth = 3;
            v.LegendText = $"validation loss, {name}";
        }

        plot.Title("Overfitting: 30 training points, 200 validation points");
        plot.XLabel("step (Adam, η = 0.02)");
        plot.YLabel("binary cross-entropy");
        plot.Axes.SetLimits(0, 1000, 0, 3);
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.ShowLegend();
        return Chart.Save(plot, folder, "overfitting.png", 860, 520);
    }

    /// <summary>Full-batch training on the hinge loss plus L2 (10⁻⁴); the loss and accuracy of every step.</summary>
    public static List<(double Loss, double Accuracy)> Train(MLP model, Dataset data, Optimizer optimizer, int steps)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(optimizer);
        var labels = data.SignedLabels();
        var history = new List<(double Loss, double Accuracy)>();
        for (int step = 0; step < steps; step++)
        {
            var scores = data.Features.Select(point => model.Forward(point)[0]).ToArray();
            var loss = Losses.Hinge(scores, labels) + Losses.L2(model.Parameters(), 1e-4);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            history.Add((loss.Data, Metrics.Accuracy(scores, labels)));
        }

        return history;
    }
}
