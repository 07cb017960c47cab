namespace AutogradForDummies.Samples;

/// <summary>What the command line asked for.</summary>
/// <param name="Seed">Seed of the data set and of the initial weights (and of anything else random in the sample).</param>
/// <param name="Steps">Number of full-batch training steps.</param>
/// <param name="LearningRate">The optimizer's learning rate (the first step's, when a schedule changes it).</param>
/// <param name="Output">Folder for the picture and the model file.</param>
/// <param name="Compiled">Train with a compiled graph instead of rebuilding the graph every step.</param>
internal sealed record TrainingSettings(int Seed, int Steps, double LearningRate, string Output, bool Compiled)
{
    /// <summary>Says what is wrong with the settings, or returns null when they are fine.</summary>
    public string? Problem() =>
        Steps <= 0 ? $"--steps must be a positive number of steps (got {Steps})."
        : !(LearningRate > 0) || double.IsInfinity(LearningRate) ? $"--learning-rate must be a positive, finite number (got {LearningRate})."
        : null;
}
