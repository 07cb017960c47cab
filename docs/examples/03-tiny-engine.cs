#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ∂, ∇, η and friends print correctly on every console

var a = new Value(1.5);
var b = new Value(-4.0);
var c = a.Pow(3) / 5;
var d = c + b.Pow(2).Relu();
d.Backward();
Console.WriteLine($"our engine: d = {d.Data}, ∂d/∂a = {a.Grad}, ∂d/∂b = {b.Grad}");

var sa = new Scalar(1.5);
var sb = new Scalar(-4.0);
var sd = (sa.Pow(3) / 5) + sb.Pow(2).Relu();
sd.Backward();
Console.WriteLine($"Scalar:     d = {sd.Data}, ∂d/∂a = {sa.Grad}, ∂d/∂b = {sb.Grad}");

sealed class Value
{
    public Value(double data, params Value[] parents)
    {
        Data = data;
        Parents = parents;
    }

    public double Data { get; }
    public double Grad { get; set; }
    public Value[] Parents { get; }

    // Adds this node's local derivatives times its Grad into its parents' Grads. Leaves have nothing to do.
    private Action _backwardStep = () => { };

    public static implicit operator Value(double data) => new(data);

    public static Value operator +(Value x, Value y)
    {
        var result = new Value(x.Data + y.Data, x, y);
        result._backwardStep = () =>
        {
            x.Grad += result.Grad; // ∂(x+y)/∂x = 1
            y.Grad += result.Grad; // ∂(x+y)/∂y = 1
        };
        return result;
    }

    public static Value operator *(Value x, Value y)
    {
        var result = new Value(x.Data * y.Data, x, y);
        result._backwardStep = () =>
        {
            x.Grad += y.Data * result.Grad; // ∂(x·y)/∂x = y
            y.Grad += x.Data * result.Grad; // ∂(x·y)/∂y = x
        };
        return result;
    }

    // Division is multiplication by y⁻¹, so it needs no backward step of its own.
    public static Value operator /(Value x, Value y) => x * y.Pow(-1);

    public Value Pow(double n)
    {
        var result = new Value(Math.Pow(Data, n), this);
        result._backwardStep = () => Grad += n * Math.Pow(Data, n - 1) * result.Grad; // ∂xⁿ/∂x = n·xⁿ⁻¹
        return result;
    }

    public Value Relu()
    {
        var result = new Value(Math.Max(0, Data), this);
        result._backwardStep = () => Grad += (Data > 0 ? 1 : 0) * result.Grad; // 1 where x > 0, else 0
        return result;
    }

    public void Backward()
    {
        // 1. Sort: every node after its parents.
        var order = new List<Value>();
        var visited = new HashSet<Value>(ReferenceEqualityComparer.Instance);
        Visit(this);

        // 2. ∂out/∂out = 1, then every node, users before the nodes they use.
        Grad = 1;
        for (int i = order.Count - 1; i >= 0; i--)
        {
            order[i]._backwardStep();
        }

        void Visit(Value node)
        {
            if (visited.Add(node))
            {
                foreach (var parent in node.Parents)
                {
                    Visit(parent);
                }

                order.Add(node);
            }
        }
    }
}
