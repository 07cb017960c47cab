#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

// Your turn, page 3: finish the engine.
//
// Further down is a complete little autograd engine, the one of page 3 with a few more operations: a class Value
// with Data, Grad, Parents, a backward step per node and Backward(). Four backward steps are missing: those of
// Tanh, Exp, Log and subtraction (operator -). Each one throws NotImplementedException. Write them:
//   - each adds (local derivative) × result.Grad into the Grad of each input, always with +=;
//   - page 4 has the local derivatives; tanh and exp are cheapest written with the result's value.
// Then run
//     dotnet run docs/exercises/03-write-the-engine.cs
// The checker tries each operation, then builds 200 random expressions (with reused nodes, as in x - x) twice,
// with your Value and with the library's Scalar, and compares every gradient. A solution is in
// docs/exercises/solutions/03-write-the-engine.cs; try first.

using AutogradForDummies;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ∂ prints correctly on every console

// ======================================= The checker. Your part is the class Value further down.
var check = new Checker();
CheckOne("tanh", v => v[0].Tanh(), s => s[0].Tanh(), [0.5], "∂tanh(x)/∂x = 1 - tanh(x)², and tanh(x) is result.Data.");
CheckOne("exp", v => v[0].Exp(), s => s[0].Exp(), [0.5], "∂eˣ/∂x = eˣ, which is result.Data.");
CheckOne("log", v => v[0].Log(), s => s[0].Log(), [2.0], "∂ln(x)/∂x = 1/x.");
CheckOne("x - y", v => v[0] - v[1], s => s[0] - s[1], [3.0, 5.0], "∂(x - y)/∂x = 1 and ∂(x - y)/∂y = -1.");
CheckOne("x - x", v => v[0] - v[0], s => s[0] - s[0], [3.0], "x is both operands: add +1 and -1 into the same Grad (use +=, never =), which gives 0.");

var random = new Random(1234);
int agree = 0;
string? firstDisagreement = null;
for (int expression = 0; expression < 200; expression++)
{
    double[] at = [random.NextDouble() * 3 - 1.5, random.NextDouble() * 3 - 1.5, random.NextDouble() * 3 - 1.5];
    var program = RandomProgram(random);
    try
    {
        var values = at.Select(x => new Value(x)).ToArray();
        var scalars = at.Select(x => new Scalar(x)).ToArray();
        Run(program, values, new Ops<Value>((p, q) => p + q, (p, q) => p - q, (p, q) => p * q, p => p.Tanh(), p => p.Exp(), p => p.Log(), 1.0)).Backward();
        Run(program, scalars, new Ops<Scalar>((p, q) => p + q, (p, q) => p - q, (p, q) => p * q, p => p.Tanh(), p => p.Exp(), p => p.Log(), 1.0)).Backward();
        bool same = Enumerable.Range(0, 3).All(i => Close(values[i].Grad, scalars[i].Grad));
        if (same)
        {
            agree++;
        }
        else
        {
            firstDisagreement ??= $"{string.Join(", ", program)} at ({string.Join(", ", at.Select(x => x.ToString("0.###")))}): yours ({string.Join(", ", values.Select(v => v.Grad.ToString("0.######")))}), Scalar ({string.Join(", ", scalars.Select(s => s.Grad.ToString("0.######")))})";
        }
    }
    catch (NotImplementedException)
    {
        firstDisagreement ??= "a backward step is not written yet";
    }
}

check.That($"200 random expressions: your gradients agree with Scalar's in {agree}", () => agree == 200,
    $"the first that differs: {firstDisagreement}. Fix the single operations first.");
return check.Finish();

void CheckOne(string name, Func<Value[], Value> yours, Func<Scalar[], Scalar> library, double[] at, string hint)
{
    check.That($"the backward step of {name}", () =>
    {
        var values = at.Select(x => new Value(x)).ToArray();
        var scalars = at.Select(x => new Scalar(x)).ToArray();
        yours(values).Backward();
        library(scalars).Backward();
        return Enumerable.Range(0, at.Length).All(i => Close(values[i].Grad, scalars[i].Grad));
    }, hint);
}

static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b));

// A random straight-line program over the three inputs: each step applies an operation to earlier results, often
// to the same one twice. Its output is the last step.
static string[] RandomProgram(Random random)
{
    string[] operations = ["+", "-", "*", "tanh", "exp(tanh)", "log(x²+1)"];
    var steps = new string[10];
    for (int i = 0; i < steps.Length; i++)
    {
        int available = 3 + i;
        steps[i] = $"{operations[random.Next(operations.Length)]} {random.Next(available)} {random.Next(available)}";
    }

    return steps;
}

static T Run<T>(string[] program, T[] inputs, Ops<T> ops)
{
    var results = new List<T>(inputs);
    foreach (string step in program)
    {
        var parts = step.Split(' ');
        T p = results[int.Parse(parts[1])], q = results[int.Parse(parts[2])];
        results.Add(parts[0] switch
        {
            "+" => ops.Add(p, q),
            "-" => ops.Subtract(p, q),
            "*" => ops.Multiply(p, q),
            "tanh" => ops.Tanh(p),
            "exp(tanh)" => ops.Exp(ops.Tanh(p)),
            _ => ops.Log(ops.Add(ops.Multiply(p, p), ops.One)),
        });
    }

    return results[^1];
}

/// <summary>The operations of the random expressions, for your Value and for Scalar.</summary>
sealed record Ops<T>(Func<T, T, T> Add, Func<T, T, T> Subtract, Func<T, T, T> Multiply, Func<T, T> Tanh, Func<T, T> Exp, Func<T, T> Log, T One);

// ======================================= Your part: the four missing backward steps of this class.
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

    public static Value operator -(Value x, Value y)
    {
        var result = new Value(x.Data - y.Data, x, y);
        // ---- Your code: from here ----
        result._backwardStep = () => throw new NotImplementedException("the backward step of x - y");
        // ---- Your code: up to here ----
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

    public Value Tanh()
    {
        var result = new Value(Math.Tanh(Data), this);
        // ---- Your code: from here ----
        result._backwardStep = () => throw new NotImplementedException("the backward step of Tanh");
        // ---- Your code: up to here ----
        return result;
    }

    public Value Exp()
    {
        var result = new Value(Math.Exp(Data), this);
        // ---- Your code: from here ----
        result._backwardStep = () => throw new NotImplementedException("the backward step of Exp");
        // ---- Your code: up to here ----
        return result;
    }

    public Value Log()
    {
        var result = new Value(Math.Log(Data), this);
        // ---- Your code: from here ----
        result._backwardStep = () => throw new NotImplementedException("the backward step of Log");
        // ---- Your code: up to here ----
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

/// <summary>Prints PASS or FAIL, with a hint, for each check, and sums them up.</summary>
sealed class Checker
{
    private int _passed;
    private int _failed;

    public void That(string what, Func<bool> passes, string hint) => That(what, passes, () => hint);

    // The hint is made after the check has run, so it can say what your code returned.
    public void That(string what, Func<bool> passes, Func<string> hint)
    {
        string? problem = null;
        bool ok;
        try
        {
            ok = passes();
        }
        catch (NotImplementedException)
        {
            ok = false;
            problem = "not written yet";
        }
        catch (Exception e)
        {
            ok = false;
            problem = $"{e.GetType().Name}: {e.Message}";
        }

        if (ok)
        {
            _passed++;
            Console.WriteLine($"PASS  {what}");
            return;
        }

        _failed++;
        Console.WriteLine($"FAIL  {what}{(problem is null ? string.Empty : $" ({problem})")}");
        Console.WriteLine($"      hint: {hint()}");
    }

    public int Finish()
    {
        Console.WriteLine(_failed == 0
            ? $"All {_passed} checks pass. Well done!"
            : $"{_failed} of {_passed + _failed} checks fail. Fix the first FAIL and run again.");
        return _failed == 0 ? 0 : 1;
    }
}
