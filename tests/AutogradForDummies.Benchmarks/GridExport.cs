using System.Globalization;
using System.Text.Json;
using AutogradForDummies.Nn;

namespace AutogradForDummies.Benchmarks;

/// <summary>
/// <c>--export-grid FOLDER</c>: writes, for every size of the grid, the points, the labels and the initial weights the
/// benchmarks use, with the loss and the gradients the library computes from them, so that another implementation
/// (pytorch/grid_step.py) can do exactly the same step and check that it does.
/// </summary>
/// <remarks>
/// One file per size, <c>grid-H{H}-N{N}.json</c>:
/// <code>
/// { "format": "autograd-for-dummies-grid/1", "h": 16, "n": 100, "seed": 1, "noise": 0.1, "alpha": 0.0001,
///   "learningRate": 1e-09,
///   "x": [[x0, x1], ...], "y": [1, -1, ...],
///   "layers":    [{ "weights": [[...], ...], "biases": [...] }, ...],
///   "loss": 1.23,
///   "gradients": [{ "weights": [[...], ...], "biases": [...] }, ...] }
/// </code>
/// <c>layers[l].weights[j][i]</c> is the weight of input i of neuron j of layer l (a PyTorch <c>Linear</c>'s
/// <c>weight</c>, output by input), the layers being 2 → H, H → H and H → 1; <c>loss</c> is the library's loss
/// (dynamic path, mean hinge + α·Σp²) and <c>gradients</c> its gradient with respect to each parameter, before any
/// update. Numbers are written so that they read back to the same bits. Each file is written to a temporary file
/// first and then renamed, so a file of the folder is either complete or absent.
/// </remarks>
internal static class GridExport
{
    public const string Format = "autograd-for-dummies-grid/1";

    public static void Run(string folder, IReadOnlyList<GridSize> sizes, TextWriter output)
    {
        if (File.Exists(folder))
        {
            throw new ArgumentException($"'{folder}' is a file; --export-grid needs a folder (it is created if missing).", nameof(folder));
        }

        Directory.CreateDirectory(folder);
        foreach (var size in sizes)
        {
            string path = Path.Combine(folder, FileName(size));
            AtomicFile.Write(path, Write(size));
            output.WriteLine($"{size}: wrote {path}");
        }
    }

    public static string FileName(GridSize size) => string.Create(CultureInfo.InvariantCulture, $"grid-H{size.H}-N{size.N}.json");

    private static byte[] Write(GridSize size)
    {
        var setup = new MoonsSetup(size.H, size.N, seed: 1);
        var parameters = setup.Model.Parameters();
        var weights = setup.ParameterValues();
        setup.Model.ZeroGrad();
        var loss = setup.BuildLoss();
        loss.Backward();
        var gradients = new double[parameters.Count];
        for (int i = 0; i < gradients.Length; i++)
        {
            gradients[i] = parameters[i].Grad;
        }

        setup.Model.ZeroGrad();
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteNumber("h", size.H);
            json.WriteNumber("n", size.N);
            json.WriteNumber("seed", setup.Seed);
            json.WriteNumber("noise", MoonsSetup.Noise);
            json.WriteNumber("alpha", MoonsSetup.Alpha);
            json.WriteNumber("learningRate", GridStepBenchmarks.LearningRate);
            json.WriteStartArray("x");
            foreach (var point in setup.Inputs)
            {
                WriteNumbers(json, point);
            }

            json.WriteEndArray();
            json.WritePropertyName("y");
            WriteNumbers(json, setup.Labels);
            json.WritePropertyName("layers");
            WriteLayers(json, setup.Model, weights);
            json.WriteNumber("loss", loss.Data);
            json.WritePropertyName("gradients");
            WriteLayers(json, setup.Model, gradients);
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    // The numbers of one per-parameter list (in the order of Parameters(): layer by layer, neuron by neuron, the
    // weights and then the bias), as a weight matrix and a bias vector per layer.
    private static void WriteLayers(Utf8JsonWriter json, MLP model, double[] values)
    {
        json.WriteStartArray();
        int k = 0;
        foreach (var layer in model.Layers)
        {
            int inputs = layer.InputCount;
            var biases = new double[layer.OutputCount];
            json.WriteStartObject();
            json.WriteStartArray("weights");
            for (int j = 0; j < biases.Length; j++)
            {
                WriteNumbers(json, values.AsSpan(k, inputs));
                biases[j] = values[k + inputs];
                k += inputs + 1;
            }

            json.WriteEndArray();
            json.WritePropertyName("biases");
            WriteNumbers(json, biases);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (k != values.Length)
        {
            throw new InvalidOperationException($"The layers hold {k} parameters, the list {values.Length}.");
        }
    }

    private static void WriteNumbers(Utf8JsonWriter json, ReadOnlySpan<double> numbers)
    {
        json.WriteStartArray();
        foreach (double x in numbers)
        {
            json.WriteNumberValue(x);
        }

        json.WriteEndArray();
    }
}
