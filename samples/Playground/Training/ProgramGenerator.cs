using System.Globalization;
using System.Text;
using AutogradForDummies.Nn;

namespace AutogradForDummies.Playground.Training;

/// <summary>
/// Writes the C# program that trains exactly an arena setup: a .NET 10 file-based app, run with
/// <c>dotnet run train.cs</c>, that prints the same report lines as the arena (<see cref="TrainingText"/>).
/// </summary>
public static class ProgramGenerator
{
    /// <summary>The library reference for a program saved at the root of a clone of the repository.</summary>
    public const string CloneProjectPath = "src/AutogradForDummies";

    /// <summary>The version of the package named in the program's comment.</summary>
    public const string PackageVersion = "1.0.0";

    /// <summary>Writes the program.</summary>
    /// <param name="settings">The arena's settings (within <see cref="ArenaLimits"/>).</param>
    /// <param name="steps">How many steps it trains.</param>
    /// <param name="projectPath">The <c>#:project</c> path of the library, relative to the program's folder.</param>
    /// <returns>The program's text, with LF line ends.</returns>
    public static string Generate(ArenaSettings settings, int steps, string projectPath = CloneProjectPath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(projectPath);
        var s = settings;
        bool binary = s.Loss != LossKind.SoftmaxCrossEntropy;
        bool fullBatch = s.EffectiveBatchSize >= s.Points;
        var code = new StringBuilder();

        void Line(string text = "") => code.Append(text).Append('\n');

        Line("// train.cs: the AutogradForDummies playground's training run as a program. From the root of a clone");
        Line("// of the repository:");
        Line("//     dotnet run train.cs");
        Line($"#:project {projectPath}");
        Line($"// Elsewhere, replace the line above with the published package: #:package AutogradForDummies@{PackageVersion}");
        Line();
        Line("using System.Globalization;");
        Line("using AutogradForDummies;");
        Line("using AutogradForDummies.Data;");
        Line("using AutogradForDummies.Nn;");
        Line("using AutogradForDummies.Optim;");
        Line();
        Line($"// The data: {Describe(s)}.");
        Line($"var data = {DataCall(s)};");
        switch (s.Loss)
        {
            case LossKind.Hinge:
                Line("var labels = data.SignedLabels(); // the hinge loss wants -1 and +1");
                break;
            case LossKind.BinaryCrossEntropy:
                Line("var labels = data.BinaryLabels(); // binary cross-entropy wants 0 and 1");
                break;
            default:
                break;
        }

        Line();
        string sizes = string.Join(", ", s.LayerSizes.Select(n => n.ToString(CultureInfo.InvariantCulture)));
        Line($"// The network: 2 inputs, {HiddenText(s)}, {Plural(s.Outputs, "output")}; {s.ParameterCount} parameters.");
        Line($"var model = new MLP(2, [{sizes}], Activation.{s.Activation}, seed: {N(s.Seed)});");
        Line($"var optimizer = {OptimizerCall(s)};");
        Line();
        if (fullBatch)
        {
            Line("// Every step trains on every point.");
            Line("int[][] batches = [Enumerable.Range(0, data.Count).ToArray()];");
        }
        else
        {
            Line($"// Mini-batches of {N(s.EffectiveBatchSize)}: the points shuffled once, cut in order, visited in turn.");
            Line("var order = Enumerable.Range(0, data.Count).ToArray();");
            Line($"new Random({N(s.Seed)}).Shuffle(order);");
            Line($"var batches = order.Chunk({N(s.EffectiveBatchSize)}).ToArray();");
        }

        if (s.Compiled)
        {
            Line("// Each batch's graph is built once and compiled; a step replays it with the current parameters.");
            Line("var graphs = batches.Select(batch => Loss(batch).Compile()).ToArray();");
        }

        Line();
        Line($"const int Steps = {N(steps)};");
        Line("for (int step = 1; step <= Steps; step++)");
        Line("{");
        Line("    int b = (step - 1) % batches.Length;");
        Line("    double accuracy = Accuracy(); // measured before the step's update");
        if (s.Compiled)
        {
            Line("    double loss = graphs[b].Forward();");
            Line("    optimizer.ZeroGrad();");
            Line("    graphs[b].Backward();");
        }
        else
        {
            Line("    var lossNode = Loss(batches[b]);");
            Line("    double loss = lossNode.Data;");
            Line("    optimizer.ZeroGrad();");
            Line("    lossNode.Backward();");
        }

        Line("    optimizer.Step();");
        Line("    if (step == 1 || step == Steps || step % Math.Max(1, Steps / 10) == 0)");
        Line("    {");
        Line("        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,");
        Line("            $\"step {step}: loss {loss:G6}, accuracy {accuracy * 100:0.#}%\"));");
        Line("    }");
        Line("}");
        Line();
        Line($"// The loss of a batch: {LossText(s)}.");
        Line("Scalar Loss(int[] batch)");
        Line("{");
        if (binary)
        {
            Line("    var scores = batch.Select(i => model.Forward(data.Features[i])[0]).ToArray();");
            Line("    var targets = batch.Select(i => labels[i]).ToArray();");
            Line(s.Loss == LossKind.Hinge
                ? "    var loss = Losses.Hinge(scores, targets);"
                : "    var loss = Losses.BinaryCrossEntropyWithLogits(scores, targets);");
        }
        else
        {
            Line("    var logits = batch.Select(i => model.Forward(data.Features[i])).ToArray();");
            Line("    var classes = batch.Select(i => data.Labels[i]).ToArray();");
            Line("    var loss = Losses.SoftmaxCrossEntropy(logits, classes);");
        }

        Line(s.L2 > 0 ? $"    return loss + Losses.L2(model.Parameters(), {N(s.L2)});" : "    return loss;");
        Line("}");
        Line();
        if (binary)
        {
            Line("// The share of all points classified right: a score above 0 means class 1.");
            Line("double Accuracy()");
            Line("{");
            Line("    int correct = 0;");
            Line("    for (int i = 0; i < data.Count; i++)");
            Line("    {");
            Line("        int predicted = model.Forward(data.Features[i])[0].Data > 0 ? 1 : 0;");
            Line("        correct += predicted == data.Labels[i] ? 1 : 0;");
            Line("    }");
        }
        else
        {
            Line("// The share of all points classified right: the largest logit wins (the first one on a tie).");
            Line("double Accuracy()");
            Line("{");
            Line("    int correct = 0;");
            Line("    for (int i = 0; i < data.Count; i++)");
            Line("    {");
            Line("        var logits = model.Forward(data.Features[i]);");
            Line("        int predicted = 0;");
            Line("        for (int j = 1; j < logits.Count; j++)");
            Line("        {");
            Line("            predicted = logits[j].Data > logits[predicted].Data ? j : predicted;");
            Line("        }");
            Line();
            Line("        correct += predicted == data.Labels[i] ? 1 : 0;");
            Line("    }");
        }

        Line();
        Line("    return (double)correct / data.Count;");
        Line("}");
        return code.ToString();
    }

    private static string DataCall(ArenaSettings s) => s.Dataset switch
    {
        DatasetKind.Moons => $"Datasets.MakeMoons({N(s.Points)}, noise: {N(s.Noise)}, seed: {N(s.Seed)})",
        DatasetKind.Circles => $"Datasets.MakeCircles({N(s.Points)}, noise: {N(s.Noise)}, seed: {N(s.Seed)})",
        DatasetKind.Blobs => $"Datasets.MakeBlobs({N(s.Points)}, centers: {N(s.ClassCount)}, std: {N(s.Noise)}, seed: {N(s.Seed)})",
        _ => $"Datasets.MakeSpiral({N(s.Points / s.ClassCount)}, classes: {N(s.ClassCount)}, noise: {N(s.Noise)}, seed: {N(s.Seed)})",
    };

    private static string Describe(ArenaSettings s) => s.Dataset switch
    {
        DatasetKind.Moons => $"{N(s.Points)} points of two interleaving half moons",
        DatasetKind.Circles => $"{N(s.Points)} points on two circles, one inside the other",
        DatasetKind.Blobs => $"{N(s.Points)} points in {N(s.ClassCount)} Gaussian blobs",
        _ => $"{N(s.Points / s.ClassCount * s.ClassCount)} points on the {N(s.ClassCount)} arms of a spiral",
    };

    private static string OptimizerCall(ArenaSettings s)
    {
        double lr = s.LearningRate;
        string schedule = s.Schedule switch
        {
            ScheduleKind.Linear => $"LearningRateSchedule.Linear({N(lr)}, {N(lr / 10)}, {N(s.ScheduleSteps)})",
            ScheduleKind.Cosine => $"LearningRateSchedule.Cosine({N(lr)}, {N(lr / 10)}, {N(s.ScheduleSteps)})",
            _ => $"LearningRateSchedule.Constant({N(lr)})",
        };
        return s.Optimizer switch
        {
            OptimizerKind.SGD when s.Momentum > 0 => $"new SGD(model.Parameters(), {schedule}, momentum: {N(s.Momentum)})",
            OptimizerKind.SGD => $"new SGD(model.Parameters(), {schedule})",
            OptimizerKind.Adam => $"new Adam(model.Parameters(), {schedule})",
            _ => $"new AdamW(model.Parameters(), {schedule}, weightDecay: {N(s.WeightDecay)})",
        };
    }

    private static string HiddenText(ArenaSettings s) => s.HiddenLayers.Count == 0
        ? "no hidden layer"
        : $"hidden layers of {string.Join(", ", s.HiddenLayers.Select(N))} ({ActivationName(s.Activation)})";

    private static string ActivationName(Activation activation) => activation switch
    {
        Activation.Relu => "ReLU",
        Activation.Tanh => "tanh",
        Activation.Sigmoid => "sigmoid",
        Activation.LeakyRelu => "leaky ReLU",
        _ => "linear",
    };

    private static string LossText(ArenaSettings s)
    {
        string loss = s.Loss switch
        {
            LossKind.Hinge => "the hinge (max-margin) loss",
            LossKind.BinaryCrossEntropy => "binary cross-entropy on the logits",
            _ => "softmax cross-entropy",
        };
        return s.L2 > 0 ? loss + " plus an L2 penalty on the parameters" : loss;
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{N(n)} {word}s";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Round-trip digits, so that the program uses exactly the page's numbers.
    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
