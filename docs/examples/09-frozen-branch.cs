#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

var x = new Scalar(2.0);
var branchy = x.Data >= 0 ? x * 1 : x * -1; // |x|, decided by C# while building
var builtIn = x.Abs();                      // |x|, decided by the operation each time
var branchyGraph = branchy.Compile();
var builtInGraph = builtIn.Compile();

x.Data = -3;
Console.WriteLine($"branch frozen at build time: {branchyGraph.Forward()}");
Console.WriteLine($"Abs():                       {builtInGraph.Forward()}");
