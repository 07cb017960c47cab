#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

var x = new Scalar(2.0, "x");
var y = new Scalar(3.0, "y");
var z = (x * y).WithLabel("z");
z.Backward();
Console.Write(z.ToDot());
