namespace AutogradForDummies.Nn;

/// <summary>
/// Measures how often a classifier is right. Unlike a loss, accuracy is what we report, not what we minimize: it is
/// flat almost everywhere, so its gradient says nothing.
/// </summary>
/// <remarks>
/// A binary classifier outputs one score per example; a score above 0 predicts the positive class. That holds for
/// both label conventions: margin losses such as <see cref="Losses.Hinge"/> use −1 and +1, and
/// <see cref="Losses.BinaryCrossEntropyWithLogits"/> uses 0 and 1 with the score a logit (σ(z) &gt; 0.5 exactly when
/// z &gt; 0). So one <see cref="Accuracy(IReadOnlyList{Scalar}, IReadOnlyList{double})"/> serves both.
/// </remarks>
/// <example>
/// <code>
/// Scalar[] scores = [new(2.0), new(-0.5), new(0.3)];
/// double a = Metrics.Accuracy(scores, [1.0, -1.0, -1.0]); // 2 of 3 right: 0.666…
/// double b = Metrics.Accuracy(scores, [1.0, 0.0, 0.0]);   // the same with 0/1 labels
/// </code>
/// </example>
public static class Metrics
{
    /// <summary>The fraction of scores on the right side of 0: a score above 0 predicts the positive class
    /// (+1, or 1), a score of 0 or below the negative class (−1, or 0).</summary>
    /// <param name="scores">One score (or logit) per example.</param>
    /// <param name="labels">The labels, either all −1 or +1, or all 0 or 1.</param>
    /// <returns>A number from 0 to 1.</returns>
    /// <exception cref="ArgumentNullException">A list, or a score, is null.</exception>
    /// <exception cref="ArgumentException">The batch is empty, the lengths differ, a label is not −1, 0 or 1, or the
    /// labels mix −1 and 0.</exception>
    public static double Accuracy(IReadOnlyList<Scalar> scores, IReadOnlyList<double> labels)
    {
        int n = Batch.Check(scores, nameof(scores), labels, nameof(labels));
        var positive = BinaryLabels(labels, nameof(labels));
        int correct = 0;
        for (int i = 0; i < n; i++)
        {
            correct += Batch.Element(scores, i, nameof(scores)).Data > 0 == positive[i] ? 1 : 0;
        }

        return (double)correct / n;
    }

    /// <summary>The fraction of plain-number scores on the right side of 0, for the outputs of
    /// <see cref="MLP"/>'s inference without a graph; see <see cref="Accuracy(IReadOnlyList{Scalar}, IReadOnlyList{double})"/>.</summary>
    /// <param name="scores">One score (or logit) per example.</param>
    /// <param name="labels">The labels, either all −1 or +1, or all 0 or 1.</param>
    /// <returns>A number from 0 to 1.</returns>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    /// <exception cref="ArgumentException">The batch is empty, the lengths differ, a label is not −1, 0 or 1, or the
    /// labels mix −1 and 0.</exception>
    public static double Accuracy(IReadOnlyList<double> scores, IReadOnlyList<double> labels)
    {
        int n = Batch.Check(scores, nameof(scores), labels, nameof(labels));
        var positive = BinaryLabels(labels, nameof(labels));
        int correct = 0;
        for (int i = 0; i < n; i++)
        {
            correct += scores[i] > 0 == positive[i] ? 1 : 0;
        }

        return (double)correct / n;
    }

    /// <summary>The fraction of rows whose largest logit is at the right class (the first one wins a tie; a NaN is
    /// never the largest, unless it comes first).</summary>
    /// <param name="logits">One row of logits per example, all rows of the same length (the number of classes).</param>
    /// <param name="classes">The right class of each example, from 0 to the number of classes − 1.</param>
    /// <returns>A number from 0 to 1.</returns>
    /// <exception cref="ArgumentNullException">A list, a row or a logit is null.</exception>
    /// <exception cref="ArgumentException">The batch is empty, the lengths differ, a row is empty or of a different
    /// length than the first, or a class is out of range.</exception>
    public static double Accuracy(IReadOnlyList<IReadOnlyList<Scalar>> logits, IReadOnlyList<int> classes)
    {
        int n = Batch.Check(logits, nameof(logits), classes, nameof(classes));
        int classCount = Batch.ClassCount(logits);
        int correct = 0;
        for (int i = 0; i < n; i++)
        {
            var row = Batch.Row(logits, i, classCount);
            int best = 0;
            for (int j = 1; j < classCount; j++)
            {
                best = row[j].Data > row[best].Data ? j : best;
            }

            correct += best == Batch.Class(classes, i, classCount) ? 1 : 0;
        }

        return (double)correct / n;
    }

    /// <summary>Reads binary labels in either convention into "is positive" flags.</summary>
    private static bool[] BinaryLabels(IReadOnlyList<double> labels, string paramName)
    {
        var positive = new bool[labels.Count];
        bool sawMinusOne = false, sawZero = false;
        for (int i = 0; i < positive.Length; i++)
        {
            double y = labels[i];
            sawMinusOne |= y == -1;
            sawZero |= y == 0;
            if (y is not (1.0 or 0.0 or -1.0))
            {
                throw new ArgumentException($"{paramName}[{i}] is {y}; binary labels must be −1 or +1, or 0 or 1.", paramName);
            }

            if (sawMinusOne && sawZero)
            {
                throw new ArgumentException(
                    $"{paramName} mixes −1 and 0 (at index {i}); use −1/+1 or 0/1, not both.", paramName);
            }

            positive[i] = y == 1;
        }

        return positive;
    }
}
