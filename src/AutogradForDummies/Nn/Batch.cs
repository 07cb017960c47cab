namespace AutogradForDummies.Nn;

/// <summary>The argument checks that losses and metrics share: one prediction per label, no null entries, labels in
/// range. Every error names the caller's argument.</summary>
internal static class Batch
{
    public static int Check<TPrediction, TLabel>(
        IReadOnlyList<TPrediction> predictions, string predictionsName, IReadOnlyList<TLabel> labels, string labelsName)
    {
        ArgumentNullException.ThrowIfNull(predictions, predictionsName);
        ArgumentNullException.ThrowIfNull(labels, labelsName);
        if (predictions.Count == 0)
        {
            throw new ArgumentException("The batch is empty; a loss needs at least one example.", predictionsName);
        }

        if (labels.Count != predictions.Count)
        {
            throw new ArgumentException(
                $"Expected one entry per example, {predictions.Count}, but got {labels.Count} {labelsName}.", labelsName);
        }

        return predictions.Count;
    }

    public static Scalar Element(IReadOnlyList<Scalar> list, int i, string paramName) =>
        list[i] ?? throw new ArgumentNullException(paramName, $"{paramName}[{i}] is null.");

    public static double SignedLabel(IReadOnlyList<double> labels, int i, string paramName)
    {
        double y = labels[i];
        if (y is not (1.0 or -1.0))
        {
            throw new ArgumentException($"{paramName}[{i}] is {y}; labels must be −1 or +1.", paramName);
        }

        return y;
    }

    public static int ClassCount(IReadOnlyList<IReadOnlyList<Scalar>> logits)
    {
        var first = logits[0] ?? throw new ArgumentNullException(nameof(logits), "logits[0] is null.");
        if (first.Count == 0)
        {
            throw new ArgumentException("logits[0] is empty; every row needs one logit per class.", nameof(logits));
        }

        return first.Count;
    }

    public static IReadOnlyList<Scalar> Row(IReadOnlyList<IReadOnlyList<Scalar>> logits, int i, int classCount)
    {
        var row = logits[i] ?? throw new ArgumentNullException(nameof(logits), $"logits[{i}] is null.");
        if (row.Count != classCount)
        {
            throw new ArgumentException(
                $"logits[{i}] has {row.Count} logits, but logits[0] has {classCount}; every row needs one per class.", nameof(logits));
        }

        for (int j = 0; j < classCount; j++)
        {
            _ = row[j] ?? throw new ArgumentNullException(nameof(logits), $"logits[{i}][{j}] is null.");
        }

        return row;
    }

    public static int Class(IReadOnlyList<int> classes, int i, int classCount)
    {
        int c = classes[i];
        if ((uint)c >= (uint)classCount)
        {
            throw new ArgumentException($"classes[{i}] is {c}, but there are {classCount} classes (0 to {classCount - 1}).", nameof(classes));
        }

        return c;
    }
}
