#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ᵀ prints correctly on every console

// Y = X·W for a batch of 2 examples with 3 features (X is 2×3) and a layer of 2 outputs (W is 3×2), as Scalars:
// every entry of Y is one dot node, a row of X times a column of W.
double[,] x = { { 1, 2, 3 }, { -1, 0, 2 } };
double[,] w = { { 0.5, -1 }, { 2, 0.25 }, { -0.5, 1 } };
double[,] g = { { 1, -2 }, { 0.5, 3 } }; // stands for ∂L/∂Y, whatever the loss above Y is

var X = Leaves(x);
var W = Leaves(w);
var loss = new List<Scalar>();
for (int i = 0; i < 2; i++)
{
    for (int j = 0; j < 2; j++)
    {
        var row = Enumerable.Range(0, 3).Select(k => X[i, k]).ToArray();
        var column = Enumerable.Range(0, 3).Select(k => W[k, j]).ToArray();
        var y = Scalar.Dot(row, column);      // Y[i, j] = Σₖ X[i, k] · W[k, j]
        loss.Add(g[i, j] * y);                // L = Σ G[i, j] · Y[i, j], so ∂L/∂Y = G
    }
}

Scalar.Sum(loss).Backward();

Console.WriteLine($"X.Grad from Backward(): {Show(Grads(X))}");
Console.WriteLine($"dY · Wᵀ:                {Show(Multiply(g, Transpose(w)))}");
Console.WriteLine($"W.Grad from Backward(): {Show(Grads(W))}");
Console.WriteLine($"Xᵀ · dY:                {Show(Multiply(Transpose(x), g))}");

static Scalar[,] Leaves(double[,] m)
{
    var s = new Scalar[m.GetLength(0), m.GetLength(1)];
    for (int i = 0; i < m.GetLength(0); i++)
    {
        for (int j = 0; j < m.GetLength(1); j++)
        {
            s[i, j] = new Scalar(m[i, j]);
        }
    }

    return s;
}

static double[,] Grads(Scalar[,] s)
{
    var m = new double[s.GetLength(0), s.GetLength(1)];
    for (int i = 0; i < m.GetLength(0); i++)
    {
        for (int j = 0; j < m.GetLength(1); j++)
        {
            m[i, j] = s[i, j].Grad;
        }
    }

    return m;
}

static double[,] Transpose(double[,] m)
{
    var t = new double[m.GetLength(1), m.GetLength(0)];
    for (int i = 0; i < m.GetLength(0); i++)
    {
        for (int j = 0; j < m.GetLength(1); j++)
        {
            t[j, i] = m[i, j];
        }
    }

    return t;
}

static double[,] Multiply(double[,] a, double[,] b)
{
    var c = new double[a.GetLength(0), b.GetLength(1)];
    for (int i = 0; i < a.GetLength(0); i++)
    {
        for (int j = 0; j < b.GetLength(1); j++)
        {
            for (int k = 0; k < a.GetLength(1); k++)
            {
                c[i, j] += a[i, k] * b[k, j];
            }
        }
    }

    return c;
}

static string Show(double[,] m) =>
    string.Join("  ", Enumerable.Range(0, m.GetLength(0)).Select(i => "[" + string.Join(", ", Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j])) + "]"));
