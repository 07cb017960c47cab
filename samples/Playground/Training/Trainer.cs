using AutogradForDummies.Data;
using AutogradForDummies.Nn;
using AutogradForDummies.Optim;

namespace AutogradForDummies.Playground.Training;

/// <summary>
/// One training run of the arena, step by step, with the library's data sets, network, losses and optimizers.
/// Mini-batches are fixed at the start (the points shuffled once with the seed, then cut in order) and visited in
/// turn, so the dynamic and the compiled path compute the same numbers, and so does the generated program.
/// </summary>
public sealed class Trainer
{
    private readonly int[][] _batches;
    private readonly IReadOnlyList<double> _signed;
    private readonly IReadOnlyList<double> _binary;
    private readonly CompiledGraph?[] _compiled;
    private readonly List<TrainingRecord> _history = [];

    /// <summary>Starts a run: makes the data set, the network and the optimizer.</summary>
    /// <param name="settings">The settings, already within <see cref="ArenaLimits"/>.</param>
    public Trainer(ArenaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        Data = MakeData(settings);
        Model = new MLP(2, settings.LayerSizes, settings.Activation, settings.Seed);
        NameParameters(Model);
        Optimizer = MakeOptimizer(settings, Model.Parameters());
        _signed = Data.ClassCount == 2 ? Data.SignedLabels() : [];
        _binary = Data.ClassCount == 2 ? Data.BinaryLabels() : [];
        _batches = MakeBatches(Data.Count, settings.EffectiveBatchSize, settings.Seed);
        _compiled = new CompiledGraph?[_batches.Length];
    }

    /// <summary>Gets the settings of the run.</summary>
    public ArenaSettings Settings { get; }

    /// <summary>Gets the training data.</summary>
    public Dataset Data { get; }

    /// <summary>Gets the network.</summary>
    public MLP Model { get; }

    /// <summary>Gets the optimizer.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>Gets the number of steps taken.</summary>
    public int StepCount => _history.Count;

    /// <summary>Gets what every step measured.</summary>
    public IReadOnlyList<TrainingRecord> History => _history;

    /// <summary>Gets whether the loss or a weight is no longer a finite number.</summary>
    public bool Diverged { get; private set; }

    /// <summary>The data set of the settings.</summary>
    public static Dataset MakeData(ArenaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Dataset switch
        {
            DatasetKind.Moons => Datasets.MakeMoons(settings.Points, settings.Noise, settings.Seed),
            DatasetKind.Circles => Datasets.MakeCircles(settings.Points, settings.Noise, seed: settings.Seed),
            DatasetKind.Blobs => Datasets.MakeBlobs(settings.Points, settings.ClassCount, settings.Noise, settings.Seed),
            _ => Datasets.MakeSpiral(settings.Points / settings.ClassCount, settings.ClassCount, settings.Noise, settings.Seed),
        };
    }

    /// <summary>The mini-batches: the point indices shuffled once with the seed, cut into batches in order.</summary>
    public static int[][] MakeBatches(int count, int batchSize, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        if (batchSize >= count)
        {
            return [order];
        }

        new Random(seed).Shuffle(order);
        return order.Chunk(batchSize).ToArray();
    }

    /// <summary>Takes one step: forward pass over the next batch, loss, backward pass, optimizer step.</summary>
    /// <returns>What the step measured, before its update.</returns>
    public TrainingRecord Step()
    {
        int b = StepCount % _batches.Length;
        double accuracy = Accuracy();
        double loss;
        if (Settings.Compiled)
        {
            var graph = _compiled[b] ??= Loss(_batches[b]).Compile();
            loss = graph.Forward();
            Optimizer.ZeroGrad();
            graph.Backward();
        }
        else
        {
            var lossNode = Loss(_batches[b]);
            loss = lossNode.Data;
            Optimizer.ZeroGrad();
            lossNode.Backward();
        }

        Optimizer.Step();
        var record = new TrainingRecord(StepCount + 1, loss, accuracy);
        _history.Add(record);
        Diverged |= !double.IsFinite(loss) || Model.Parameters().Any(p => !double.IsFinite(p.Data));
        return record;
    }

    /// <summary>The share of all training points the network classifies right now.</summary>
    public double Accuracy()
    {
        int correct = 0;
        for (int i = 0; i < Data.Count; i++)
        {
            correct += Classify(Model.Predict(Data.Features[i])) == Data.Labels[i] ? 1 : 0;
        }

        return (double)correct / Data.Count;
    }

    /// <summary>The class the network gives one output row: score &gt; 0 is class 1 for one output, else the
    /// largest logit (the first one wins a tie), as <see cref="Metrics.Accuracy(IReadOnlyList{double}, IReadOnlyList{double})"/> does.</summary>
    public static int Classify(ReadOnlySpan<double> outputs)
    {
        if (outputs.Length == 1)
        {
            return outputs[0] > 0 ? 1 : 0;
        }

        int best = 0;
        for (int j = 1; j < outputs.Length; j++)
        {
            best = outputs[j] > outputs[best] ? j : best;
        }

        return best;
    }

    /// <summary>The loss of one batch as a graph: the library's loss plus its L2 penalty.</summary>
    /// <param name="batch">Indices of the points.</param>
    public Scalar Loss(IReadOnlyList<int> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var outputs = batch.Select(i => Model.Forward(Data.Features[i])).ToArray();
        Scalar loss = Settings.Loss switch
        {
            LossKind.Hinge => Losses.Hinge(outputs.Select(o => o[0]).ToArray(), batch.Select(i => _signed[i]).ToArray()),
            LossKind.BinaryCrossEntropy => Losses.BinaryCrossEntropyWithLogits(
                outputs.Select(o => o[0]).ToArray(), batch.Select(i => _binary[i]).ToArray()),
            _ => Losses.SoftmaxCrossEntropy(outputs, batch.Select(i => Data.Labels[i]).ToArray()),
        };
        return Settings.L2 > 0 ? loss + Losses.L2(Model.Parameters(), Settings.L2) : loss;
    }

    /// <summary>The loss of one point alone (without the L2 penalty), for looking inside it.</summary>
    public Scalar PointLoss(int index, IReadOnlyList<Scalar> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        return Settings.Loss switch
        {
            LossKind.Hinge => Losses.Hinge([outputs[0]], [_signed[index]]),
            LossKind.BinaryCrossEntropy => Losses.BinaryCrossEntropyWithLogits([outputs[0]], [_binary[index]]),
            _ => Losses.SoftmaxCrossEntropy([outputs], [Data.Labels[index]]),
        };
    }

    private static Optimizer MakeOptimizer(ArenaSettings s, IReadOnlyList<Scalar> parameters) => s.Optimizer switch
    {
        OptimizerKind.SGD => new SGD(parameters, Schedule(s), s.Momentum),
        OptimizerKind.Adam => new Adam(parameters, Schedule(s)),
        _ => new AdamW(parameters, Schedule(s), weightDecay: s.WeightDecay),
    };

    /// <summary>The optimizer's learning-rate schedule for the settings.</summary>
    public static LearningRateSchedule Schedule(ArenaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        double lr = settings.LearningRate;
        return settings.Schedule switch
        {
            ScheduleKind.Linear => LearningRateSchedule.Linear(lr, lr / 10, settings.ScheduleSteps),
            ScheduleKind.Cosine => LearningRateSchedule.Cosine(lr, lr / 10, settings.ScheduleSteps),
            _ => LearningRateSchedule.Constant(lr),
        };
    }

    // Names shown in the graph of one point: w1.3.0 is layer 1, neuron 3, input 0; b1.3 its bias.
    private static void NameParameters(MLP model)
    {
        for (int l = 0; l < model.Layers.Count; l++)
        {
            var neurons = model.Layers[l].Neurons;
            for (int j = 0; j < neurons.Count; j++)
            {
                for (int i = 0; i < neurons[j].Weights.Count; i++)
                {
                    neurons[j].Weights[i].Label = FormattableString.Invariant($"w{l + 1}.{j}.{i}");
                }

                neurons[j].Bias.Label = FormattableString.Invariant($"b{l + 1}.{j}");
            }
        }
    }
}
