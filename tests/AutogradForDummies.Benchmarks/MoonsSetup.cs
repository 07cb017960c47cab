using AutogradForDummies.Data;
using AutogradForDummies.Nn;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// micrograd's moons demo as the benchmarks use it, at any size: N points with noise 0.1, MLP(2, [H, H, 1]), mean
/// hinge loss + 1e-4·L2, written as a user of the library would write it. The same seed gives the same points and the
/// same initial weights, in every process.
/// </summary>
internal sealed class MoonsSetup
{
    /// <summary>The strength of the L2 term.</summary>
    public const double Alpha = 1e-4;

    /// <summary>The noise of the moons.</summary>
    public const double Noise = 0.1;

    /// <summary>micrograd's demo: 100 points, MLP(2, [16, 16, 1]).</summary>
    public MoonsSetup(int seed)
        : this(16, 100, seed)
    {
    }

    /// <summary>N = <paramref name="points"/> moons points and MLP(2, [H, H, 1]) with H = <paramref name="hidden"/>.</summary>
    public MoonsSetup(int hidden, int points, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        Hidden = hidden;
        Seed = seed;
        var data = Datasets.MakeMoons(points, Noise, seed);
        Inputs = new double[data.Count][];
        for (int i = 0; i < data.Count; i++)
        {
            Inputs[i] = [data.Features[i][0], data.Features[i][1]];
        }

        Labels = [.. data.SignedLabels()];
        Model = new MLP(2, [hidden, hidden, 1], seed: seed);
    }

    /// <summary>Gets H, the width of both hidden layers.</summary>
    public int Hidden { get; }

    /// <summary>Gets the seed of the points and of the initial weights.</summary>
    public int Seed { get; }

    /// <summary>Gets the points, two coordinates each.</summary>
    public double[][] Inputs { get; }

    /// <summary>Gets the labels, −1 or +1.</summary>
    public double[] Labels { get; }

    /// <summary>Gets the network.</summary>
    public MLP Model { get; }

    /// <summary>The forward pass with the library's losses: builds the whole loss graph, the way the README does.</summary>
    public Scalar BuildLoss()
    {
        var scores = new Scalar[Inputs.Length];
        for (int i = 0; i < Inputs.Length; i++)
        {
            scores[i] = Model.Forward(Inputs[i])[0];
        }

        return Losses.Hinge(scores, Labels) + Losses.L2(Model.Parameters(), Alpha);
    }

    /// <summary>
    /// The same loss written as micrograd's demo writes it, with <c>+</c> in loops instead of the library's fused losses:
    /// <c>losses = [(1 + -yi*scorei).relu() ...]</c>, <c>data_loss = sum(losses) * (1.0 / len(losses))</c>,
    /// <c>reg_loss = alpha * sum((p*p for p in model.parameters()))</c>. Python's <c>sum</c> starts from 0.
    /// </summary>
    public Scalar BuildMicrogradStyleLoss()
    {
        Scalar dataLoss = 0;
        for (int i = 0; i < Inputs.Length; i++)
        {
            var score = Model.Forward(Inputs[i])[0];
            dataLoss = dataLoss + (1 + (-Labels[i] * score)).Relu();
        }

        dataLoss = dataLoss * (1.0 / Inputs.Length);
        Scalar reg = 0;
        foreach (var p in Model.Parameters())
        {
            reg = reg + (p * p);
        }

        return dataLoss + (Alpha * reg);
    }

    /// <summary>Copies the current parameters, in the library's order.</summary>
    public double[] ParameterValues()
    {
        var parameters = Model.Parameters();
        var values = new double[parameters.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = parameters[i].Data;
        }

        return values;
    }

    /// <summary>The hand-written step of this network on these points, from the current parameters.</summary>
    public HandWrittenStep CreateHandWritten() => new(Inputs, Labels, Hidden, ParameterValues());

    /// <summary>The hand-written step with plain loops and a single running sum, from the current parameters.</summary>
    public HandWrittenSingleSumStep CreateHandWrittenSingleSum() => new(Inputs, Labels, Hidden, ParameterValues());

    /// <summary>The dynamic path's floor for this network on these points, from the current parameters.</summary>
    public ObjectGraphFloorStep CreateObjectGraphFloor() => new(Inputs, Labels, Hidden, ParameterValues(), Alpha);

    /// <summary>Throws unless code outside the library (<paramref name="path"/>) computes what
    /// <see cref="HandWrittenStep"/> computes from the current parameters, as
    /// <see cref="CheckSameWork(string, Func{double})"/> checks a path of the library.</summary>
    /// <param name="path">The code's name, for the message.</param>
    /// <param name="lossAndBackward">Computes the loss and the gradients (a step with learning rate 0, which leaves the
    /// parameters as they are); its result is the loss.</param>
    /// <param name="gradients">Gives the gradients it computed, one per parameter in the library's order.</param>
    public void CheckSameWork(string path, Func<double> lossAndBackward, Func<double[]> gradients)
    {
        ArgumentNullException.ThrowIfNull(lossAndBackward);
        ArgumentNullException.ThrowIfNull(gradients);
        var reference = CreateHandWritten();
        double expectedLoss = reference.Step(0, Alpha);
        double loss = lossAndBackward();
        ThrowUnlessSame(path, "the hand-written step", expectedLoss, reference.Gradients(), loss, gradients());
    }

    /// <summary>
    /// Throws unless a path of the library computes what <see cref="HandWrittenStep"/> computes from the current
    /// parameters: the loss and every parameter's gradient to 1e-12, relative to the larger of 1 and the number's size.
    /// The comparison is only fair if both do the same work.
    /// </summary>
    /// <param name="path">The path's name, for the message.</param>
    /// <param name="lossAndBackward">Computes the loss and leaves its gradient in every parameter's <c>Grad</c>, from
    /// gradients that are 0; its result is the loss.</param>
    public void CheckSameWork(string path, Func<double> lossAndBackward)
    {
        var reference = CreateHandWritten();
        double expectedLoss = reference.Step(0, Alpha);
        CheckSameWork(path, "the hand-written step", expectedLoss, reference.Gradients(), lossAndBackward);
    }

    /// <summary>
    /// Throws unless a path of the library computes <paramref name="expectedLoss"/> and
    /// <paramref name="expectedGradients"/> (one per parameter, L2 term included), as
    /// <see cref="CheckSameWork(string, Func{double})"/> does for <see cref="HandWrittenStep"/>.
    /// </summary>
    /// <param name="path">The path's name, for the message.</param>
    /// <param name="reference">What computed the expected numbers, for the message.</param>
    /// <param name="expectedLoss">The reference's loss.</param>
    /// <param name="expectedGradients">The reference's gradient of every parameter.</param>
    /// <param name="lossAndBackward">Computes the loss and leaves its gradient in every parameter's <c>Grad</c>, from
    /// gradients that are 0; its result is the loss.</param>
    public void CheckSameWork(
        string path, string reference, double expectedLoss, IReadOnlyList<double> expectedGradients, Func<double> lossAndBackward)
    {
        ArgumentNullException.ThrowIfNull(expectedGradients);
        ArgumentNullException.ThrowIfNull(lossAndBackward);
        Model.ZeroGrad();
        double loss = lossAndBackward();
        double[] gradients = [.. Model.Parameters().Select(p => p.Grad)];
        Model.ZeroGrad();
        ThrowUnlessSame($"the {path} path", reference, expectedLoss, expectedGradients, loss, gradients);
    }

    /// <summary>Throws, naming <paramref name="subject"/> and <paramref name="reference"/>, unless the loss and every
    /// gradient agree with the expected ones to 1e-12 (relative to the larger of 1 and the number's size), one gradient
    /// per parameter.</summary>
    private void ThrowUnlessSame(
        string subject, string reference, double expectedLoss, IReadOnlyList<double> expected, double loss, double[] actual)
    {
        string? problem = actual.Length != expected.Count
            ? $"{actual.Length} gradients for {expected.Count} parameters"
            : Close(loss, expectedLoss) ? null : $"loss {loss:R}, hand-written {expectedLoss:R}";
        for (int i = 0; i < expected.Count && problem is null; i++)
        {
            if (!Close(actual[i], expected[i]))
            {
                problem = $"gradient of parameter {i} {actual[i]:R}, hand-written {expected[i]:R}";
            }
        }

        if (problem is not null)
        {
            throw new InvalidOperationException(
                $"H = {Hidden}, N = {Inputs.Length}: {subject} does not compute what {reference} computes: {problem}.");
        }
    }

    private static bool Close(double actual, double expected) => Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected));
}
