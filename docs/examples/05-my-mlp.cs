#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

var model = new MyMlp(2, [16, 16, 1], new Random(42));
var parameters = model.Parameters();
Console.WriteLine($"parameters: {parameters.Count}");

Scalar[] point = [new(0.5), new(-1.0)];
var score = model.Forward(point)[0];
Console.WriteLine($"nodes in one forward pass: {score.TopologicalOrder().Count}");

score.Backward();
Console.WriteLine($"gradient of the output bias: {parameters[^1].Grad}");

sealed class MyNeuron
{
    private readonly Scalar[] _weights;
    private readonly Scalar _bias = new(0.0);
    private readonly bool _relu;

    public MyNeuron(int inputs, Random random, bool relu)
    {
        _weights = new Scalar[inputs];
        for (int i = 0; i < inputs; i++)
        {
            _weights[i] = new Scalar((random.NextDouble() * 2) - 1); // uniform in [-1, 1]
        }

        _relu = relu;
    }

    public Scalar Forward(IReadOnlyList<Scalar> x)
    {
        var z = Scalar.Dot(_weights, x, _bias); // Σ wᵢxᵢ + b, one node
        return _relu ? z.Relu() : z;
    }

    public IEnumerable<Scalar> Parameters() => _weights.Append(_bias); // weights in input order, then the bias
}

sealed class MyLayer
{
    private readonly MyNeuron[] _neurons;

    public MyLayer(int inputs, int outputs, Random random, bool relu)
    {
        _neurons = new MyNeuron[outputs];
        for (int i = 0; i < outputs; i++)
        {
            _neurons[i] = new MyNeuron(inputs, random, relu);
        }
    }

    public IReadOnlyList<Scalar> Forward(IReadOnlyList<Scalar> x) => _neurons.Select(n => n.Forward(x)).ToList();

    public IEnumerable<Scalar> Parameters() => _neurons.SelectMany(n => n.Parameters());
}

sealed class MyMlp
{
    private readonly MyLayer[] _layers;

    public MyMlp(int inputs, int[] layerSizes, Random random)
    {
        _layers = new MyLayer[layerSizes.Length];
        for (int i = 0; i < layerSizes.Length; i++)
        {
            int layerInputs = i == 0 ? inputs : layerSizes[i - 1];
            bool isLast = i == layerSizes.Length - 1;
            _layers[i] = new MyLayer(layerInputs, layerSizes[i], random, relu: !isLast); // the last layer is linear
        }
    }

    public IReadOnlyList<Scalar> Forward(IReadOnlyList<Scalar> x)
    {
        foreach (var layer in _layers)
        {
            x = layer.Forward(x); // one layer's outputs are the next one's inputs
        }

        return x;
    }

    public List<Scalar> Parameters() => _layers.SelectMany(l => l.Parameters()).ToList();
}
