#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

var random = new Random(1);
int[] sizes = [2, 16, 16, 1];
var weights = new List<(Scalar[] W, Scalar B)[]>();
for (int layer = 1; layer < sizes.Length; layer++)
{
    weights.Add(Enumerable.Range(0, sizes[layer])
        .Select(_ => (Enumerable.Range(0, sizes[layer - 1]).Select(_ => new Scalar((random.NextDouble() * 2) - 1)).ToArray(), new Scalar(0.0)))
        .ToArray());
}

Scalar[] input = [new(0.5), new(-1.0)];
var fused = Forward(input, fuse: true);
var unfused = Forward(input, fuse: false);
Console.WriteLine($"fused:   {fused.Compile().NodeCount} nodes");
Console.WriteLine($"unfused: {unfused.Compile().NodeCount} nodes");
Console.WriteLine($"same score: {Math.Abs(fused.Data - unfused.Data) < 1e-12}");

Scalar Forward(Scalar[] x, bool fuse)
{
    for (int layer = 0; layer < weights.Count; layer++)
    {
        bool isLast = layer == weights.Count - 1;
        x = weights[layer].Select(neuron =>
        {
            var z = fuse ? Scalar.Dot(neuron.W, x, neuron.B) : LongForm(neuron.W, x, neuron.B);
            return isLast ? z : z.Relu();
        }).ToArray();
    }

    return x[0];
}

static Scalar LongForm(Scalar[] w, Scalar[] x, Scalar b)
{
    var sum = w[0] * x[0];
    for (int i = 1; i < w.Length; i++)
    {
        sum += w[i] * x[i];
    }

    return sum + b;
}
