#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;
using AutogradForDummies.Optim;

var optimizers = new (string Name, Func<Scalar, Optimizer> Create)[]
{
    ("SGD", w => new SGD([w], learningRate: 0.1)),
    ("momentum", w => new SGD([w], learningRate: 0.1, momentum: 0.9)),
    ("Adam", w => new Adam([w], learningRate: 0.1)),
    ("AdamW", w => new AdamW([w], learningRate: 0.1, weightDecay: 0.1)),
};

foreach (var (name, create) in optimizers)
{
    var w = new Scalar(0.0);
    var optimizer = create(w);
    var after = new List<string>();
    for (int t = 1; t <= 100; t++)
    {
        optimizer.ZeroGrad();
        var loss = (w - 3).Pow(2);
        loss.Backward();
        optimizer.Step();
        if (t is 1 or 2 or 3 or 10 or 50 or 100)
        {
            after.Add(w.Data.ToString("F4"));
        }
    }

    Console.WriteLine($"{name,-9} {string.Join(" ", after)}   ({optimizer.StepCount} steps)");
}
