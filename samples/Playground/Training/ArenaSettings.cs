using AutogradForDummies.Nn;

namespace AutogradForDummies.Playground.Training;

/// <summary>Everything that defines a training run in the arena. The defaults are micrograd's moons demo, as in the
/// README: 100 moons, MLP(2, [16, 16, 1]), hinge loss with L2 1e-4, SGD from 1.0 down to 0.1 over 100 steps.</summary>
public sealed record ArenaSettings
{
    /// <summary>Gets the data set.</summary>
    public DatasetKind Dataset { get; init; } = DatasetKind.Moons;

    /// <summary>Gets the number of points (for the spiral, rounded down to a multiple of the classes).</summary>
    public int Points { get; init; } = 100;

    /// <summary>Gets the noise of the data set.</summary>
    public double Noise { get; init; } = 0.1;

    /// <summary>Gets the number of classes (blobs and spiral; moons and circles have 2).</summary>
    public int Classes { get; init; } = 3;

    /// <summary>Gets the seed of the data set, of the mini-batch order and of the initial weights.</summary>
    public int Seed { get; init; } = 2;

    /// <summary>Gets the widths of the hidden layers.</summary>
    public IReadOnlyList<int> HiddenLayers { get; init; } = [16, 16];

    /// <summary>Gets the hidden layers' activation.</summary>
    public Activation Activation { get; init; } = Activation.Relu;

    /// <summary>Gets the loss.</summary>
    public LossKind Loss { get; init; } = LossKind.Hinge;

    /// <summary>Gets the optimizer.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.SGD;

    /// <summary>Gets the learning rate: the schedule's first rate.</summary>
    public double LearningRate { get; init; } = 1.0;

    /// <summary>Gets SGD's momentum (0 for none).</summary>
    public double Momentum { get; init; }

    /// <summary>Gets the optimizer's learning-rate schedule.</summary>
    public ScheduleKind Schedule { get; init; } = ScheduleKind.Linear;

    /// <summary>Gets the number of steps over which the schedule goes from the rate to a tenth of it.</summary>
    public int ScheduleSteps { get; init; } = 100;

    /// <summary>Gets AdamW's decoupled weight decay.</summary>
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>Gets the strength of the L2 penalty added to the loss (0 for none).</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>Gets the mini-batch size; 0 (or the number of points or more) trains on every point at every step.</summary>
    public int BatchSize { get; init; }

    /// <summary>Gets whether each batch's graph is built once and replayed with <see cref="Scalar.Compile"/>.</summary>
    public bool Compiled { get; init; }

    /// <summary>Gets the number of classes the data set actually has.</summary>
    public int ClassCount => Dataset is DatasetKind.Moons or DatasetKind.Circles ? 2 : Classes;

    /// <summary>Gets the number of outputs of the network: one for the binary losses, one per class for softmax.</summary>
    public int Outputs => Loss == LossKind.SoftmaxCrossEntropy ? ClassCount : 1;

    /// <summary>Gets the layer sizes of the network after its two inputs.</summary>
    public IReadOnlyList<int> LayerSizes => [.. HiddenLayers, Outputs];

    /// <summary>Gets the number of points a step trains on.</summary>
    public int EffectiveBatchSize => BatchSize <= 0 || BatchSize >= Points ? Points : BatchSize;

    /// <summary>Gets the number of parameters of the network.</summary>
    public int ParameterCount
    {
        get
        {
            int inputs = 2, count = 0;
            foreach (int size in LayerSizes)
            {
                count += size * (inputs + 1);
                inputs = size;
            }

            return count;
        }
    }

    /// <inheritdoc/>
    public bool Equals(ArenaSettings? other) =>
        other is not null && ToString() == other.ToString();

    /// <inheritdoc/>
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Dataset} n={Points} noise={Noise} classes={ClassCount} seed={Seed} hidden=[{string.Join(",", HiddenLayers)}] {Activation} {Loss} {Optimizer} lr={LearningRate} momentum={Momentum} {Schedule}/{ScheduleSteps} wd={WeightDecay} l2={L2} batch={EffectiveBatchSize} compiled={Compiled}");
}
