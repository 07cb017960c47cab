#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies;

Console.WriteLine($"array of 10,000 references: generation {GC.GetGeneration(new Scalar[10_000])}");
Console.WriteLine($"array of 11,000 references: generation {GC.GetGeneration(new Scalar[11_000])}");
