#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

var w = new Scalar(0.5);
var x = new Scalar(2.0);

// Warm up both paths once, so that one-time setup is not counted.
var graph = ((w * x) - 3).Pow(2).Compile();
graph.Forward();
graph.Backward();
((w * x) - 3).Pow(2).Backward();

long start = GC.GetAllocatedBytesForCurrentThread();
for (int step = 0; step < 100; step++)
{
    var loss = ((w * x) - 3).Pow(2); // the dynamic way: a new graph each step
    w.Grad = 0;
    loss.Backward();
}

long dynamicBytes = GC.GetAllocatedBytesForCurrentThread() - start;

start = GC.GetAllocatedBytesForCurrentThread();
for (int step = 0; step < 100; step++)
{
    graph.Forward(); // the compiled way: the same arrays each step
    w.Grad = 0;
    graph.Backward();
}

long compiledBytes = GC.GetAllocatedBytesForCurrentThread() - start;
Console.WriteLine($"dynamic:  {dynamicBytes / 100} bytes per step");
Console.WriteLine($"compiled: {compiledBytes / 100} bytes per step");
