namespace AutogradForDummies.Playground.Training;

/// <summary>What one training step measured, before its update.</summary>
/// <param name="Step">The step's number, from 1.</param>
/// <param name="Loss">The loss of the step's batch, L2 penalty included.</param>
/// <param name="Accuracy">The share of all training points classified right, from 0 to 1.</param>
public readonly record struct TrainingRecord(int Step, double Loss, double Accuracy);
