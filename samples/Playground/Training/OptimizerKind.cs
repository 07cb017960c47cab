namespace AutogradForDummies.Playground.Training;

/// <summary>The optimizers of <see cref="AutogradForDummies.Optim"/>.</summary>
public enum OptimizerKind
{
    /// <summary>Stochastic gradient descent, with optional momentum and learning-rate schedule.</summary>
    SGD,

    /// <summary>Adam.</summary>
    Adam,

    /// <summary>Adam with decoupled weight decay.</summary>
    AdamW,
}
