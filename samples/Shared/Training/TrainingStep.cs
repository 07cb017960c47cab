namespace AutogradForDummies.Samples;

/// <summary>
/// One full-batch training step: forward pass, backward pass, optimizer step.
/// </summary>
/// <param name="k">The step's number, from 0.</param>
/// <returns>The loss and the training accuracy measured by the step's forward pass (before the update).</returns>
internal delegate (double Loss, double Accuracy) TrainingStep(int k);
