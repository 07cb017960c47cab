#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ∂, ∇, η and friends print correctly on every console

Scalar[] scores = [new(2.0), new(0.5), new(-1.5), new(0.3)];
double[] labels = [+1, +1, -1, -1];

var terms = new Scalar[scores.Length];
for (int i = 0; i < scores.Length; i++)
{
    terms[i] = (1 - (labels[i] * scores[i])).Relu(); // relu(1 − y·s)
}

var loss = Scalar.Sum(terms) / scores.Length;
loss.Backward();

Console.WriteLine(" y      s    margin  term   ∂L/∂s");
for (int i = 0; i < scores.Length; i++)
{
    Console.WriteLine($"{labels[i],2} {scores[i].Data,6} {labels[i] * scores[i].Data,6} {terms[i].Data,6} {scores[i].Grad,7}");
}

Console.WriteLine($"loss = {loss.Data}");
