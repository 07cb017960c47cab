#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies.Data;
using AutogradForDummies.Nn;

Console.OutputEncoding = System.Text.Encoding.UTF8; // √ prints correctly on every console

// How big are the hidden layers' outputs, on the 100 moons points, right after initialization?
var data = Datasets.MakeMoons(100, noise: 0.1, seed: 2);
foreach (int width in new[] { 16, 256 })
{
    foreach (bool scaled in new[] { false, true })
    {
        var model = new MLP(2, [width, width, width, width, 1], seed: 1);
        if (scaled)
        {
            // He (Kaiming) initialization for relu: uniform in ±√(6 / fan-in) instead of ±1.
            foreach (var neuron in model.Layers.SelectMany(layer => layer.Neurons))
            {
                double scale = Math.Sqrt(6.0 / neuron.InputCount);
                foreach (var w in neuron.Weights)
                {
                    w.Data *= scale;
                }
            }
        }

        Console.WriteLine($"width {width,3}, weights in {(scaled ? "±√(6/fan-in)" : "±1"),-12}: RMS of hidden layers {string.Join(", ", HiddenRms(model, data).Select(r => r.ToString("G3")))}");
    }
}

// The root mean square of each hidden layer's outputs over all points and units.
static double[] HiddenRms(MLP model, Dataset data)
{
    var sums = new double[model.Layers.Count - 1];
    foreach (var point in data.Features)
    {
        var x = point.ToArray();
        for (int l = 0; l < sums.Length; l++)
        {
            x = model.Layers[l].Predict(x); // the layer's outputs as plain numbers, without building a graph
            sums[l] += x.Sum(h => h * h) / x.Length;
        }
    }

    return sums.Select(s => Math.Sqrt(s / data.Count)).ToArray();
}
