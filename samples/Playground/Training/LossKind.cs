namespace AutogradForDummies.Playground.Training;

/// <summary>The losses of <see cref="AutogradForDummies.Nn.Losses"/> the arena trains with.</summary>
public enum LossKind
{
    /// <summary>micrograd's max-margin loss on ±1 labels, one output.</summary>
    Hinge,

    /// <summary>Binary cross-entropy on logits with 0/1 labels, one output.</summary>
    BinaryCrossEntropy,

    /// <summary>Softmax cross-entropy, one output per class.</summary>
    SoftmaxCrossEntropy,
}
