#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

var a = new Scalar(1.5, "a");
var b = new Scalar(-4.0, "b");
var c = a.Pow(3) / 5;
var d = c + b.Pow(2).Relu();

var order = new List<Scalar>();
var visited = new HashSet<Scalar>(ReferenceEqualityComparer.Instance);
Visit(d);
Console.WriteLine(string.Join("  ", order.Select(Describe)));

void Visit(Scalar node)
{
    if (!visited.Add(node))
    {
        return; // already placed (this is where a shared node is visited only once)
    }

    foreach (var parent in node.Parents)
    {
        Visit(parent);
    }

    order.Add(node); // all of its parents are in the list: the node can follow them
}

static string Describe(Scalar s) => s.IsLeaf ? (s.Label ?? s.Data.ToString()) : s.Op;
