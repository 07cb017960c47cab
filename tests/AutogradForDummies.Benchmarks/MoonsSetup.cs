using AutogradForDummies.Data;
using AutogradForDummies.Nn;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// micrograd's moons demo as the benchmarks use it: 100 points with noise 0.1, MLP(2, [16, 16, 1]),
/// mean hinge loss + 1e-4·L2, written exactly as a user of the library would write it.
/// </summary>
internal sealed class MoonsSetup
{
    public const double Alpha = 1e-4;

    public MoonsSetup(int seed)
    {
        var data = Datasets.MakeMoons(100, 0.1, seed);
        Inputs = new double[data.Count][];
        for (int i = 0; i < data.Count; i++)
        {
            Inputs[i] = [data.Features[i][0], data.Features[i][1]];
        }

        Labels = [.. data.SignedLabels()];
        Model = new MLP(2, [16, 16, 1], seed: seed);
    }

    public double[][] Inputs { get; }

    public double[] Labels { get; }

    public MLP Model { get; }

    /// <summary>The forward pass: builds the whole loss graph, the micrograd way.</summary>
    public Scalar BuildLoss()
    {
        var scores = new Scalar[Inputs.Length];
        for (int i = 0; i < Inputs.Length; i++)
        {
            scores[i] = Model.Forward(Inputs[i])[0];
        }

        return Losses.Hinge(scores, Labels) + Losses.L2(Model.Parameters(), Alpha);
    }

    /// <summary>Copies the current parameters, in micrograd's order.</summary>
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
}
