#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

var w = new Scalar(1.0000001);
var y = new Scalar(1.0);
const int count = 100_000;

long before = GC.GetAllocatedBytesForCurrentThread();
for (int i = 0; i < count; i++)
{
    y = y * w; // one new node per iteration
}

long after = GC.GetAllocatedBytesForCurrentThread();
Console.WriteLine($"{(after - before) / count} bytes per node");
