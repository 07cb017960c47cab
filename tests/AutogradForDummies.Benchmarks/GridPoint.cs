namespace AutogradForDummies.Benchmarks;

/// <summary>One measurement of the grid: a path (a benchmark method, or PyTorch) at one size.</summary>
/// <param name="Method">The benchmark method, <see cref="GridResults.PyTorchMethod"/> or <see cref="GridResults.CompileMethod"/>.</param>
/// <param name="Size">The size.</param>
/// <param name="Seconds">The median time of one call.</param>
/// <param name="Bytes">The bytes one call allocates, where measured.</param>
internal sealed record GridPoint(string Method, GridSize Size, double Seconds, long? Bytes);
