namespace AutogradForDummies.Nn;

/// <summary>
/// Loss functions, which turn a batch of predictions and the right answers into one Scalar to minimize.
/// (How often the predictions are right is measured by <see cref="Metrics"/>.)
/// </summary>
/// <remarks>
/// Every loss is the <b>mean</b> over the batch, built as a single fused node (a mean node; for the mean squared error
/// a dot product that computes the same mean), so the size of the batch does not change the scale of the gradients.
/// The losses are arranged so that they give what the math gives at the extremes: finite with finite gradients for
/// logits of ±1000, no 0 where a confident right prediction costs 4·10⁻¹⁸, and no overflow in an intermediate
/// result where the loss itself is representable. The guide's page of edge values lists them.
/// </remarks>
/// <example>
/// <code>
/// var model = new MLP(2, [8, 1], seed: 0);
/// Scalar[] scores = [model.Forward([1.0, 2.0])[0], model.Forward([-1.0, 0.5])[0]];
/// double[] labels = [1, -1];
/// var loss = Losses.Hinge(scores, labels) + Losses.L2(model.Parameters(), 1e-4);
/// loss.Backward();
/// Console.WriteLine($"loss {loss.Data:F4}, accuracy {Metrics.Accuracy(scores, labels):P0}");
/// </code>
/// </example>
public static class Losses
{
    /// <summary>
    /// The hinge loss (a "max-margin" loss, as in micrograd's moons demo): the mean of <c>max(0, 1 − yᵢ·sᵢ)</c>.
    /// A point costs nothing once its score has the right sign with a margin of at least 1.
    /// </summary>
    /// <param name="scores">The scores sᵢ, positive meaning class +1.</param>
    /// <param name="labels">The labels yᵢ, each −1 or +1.</param>
    /// <returns>The mean hinge loss.</returns>
    /// <exception cref="ArgumentNullException">A list, or a score, is null.</exception>
    /// <exception cref="ArgumentException">The batch is empty, the lengths differ, or a label is not ±1.</exception>
    /// <example>
    /// <code>
    /// Scalar[] scores = [new(2.0), new(0.5), new(-0.3)];
    /// double[] labels = [1, 1, -1];
    /// var loss = Losses.Hinge(scores, labels); // (max(0, 1 − 2) + max(0, 1 − 0.5) + max(0, 1 − 0.3)) / 3 = 0.4
    /// loss.Backward();                          // scores[0].Grad = 0, scores[1].Grad = −1/3, scores[2].Grad = 1/3
    /// </code>
    /// </example>
    public static Scalar Hinge(IReadOnlyList<Scalar> scores, IReadOnlyList<double> labels)
    {
        int n = Batch.Check(scores, nameof(scores), labels, nameof(labels));
        var one = new Scalar(1.0);
        var terms = new Scalar[n];
        for (int i = 0; i < n; i++)
        {
            var s = Batch.Element(scores, i, nameof(scores));
            double y = Batch.SignedLabel(labels, i, nameof(labels));

            // With y = ±1, 1 − y·s is exactly 1 − s or 1 + s: no multiplication node needed.
            terms[i] = (y > 0 ? one - s : one + s).Relu();
        }

        return Mean(terms);
    }

    /// <summary>
    /// L2 regularization, <c>α·Σ pᵢ²</c>: added to a loss, it pulls every parameter towards 0 with the force
    /// <c>2α·pᵢ</c> (its gradient), discouraging large weights.
    /// </summary>
    /// <param name="parameters">The parameters pᵢ, usually <see cref="Module.Parameters"/>.</param>
    /// <param name="alpha">The strength α; finite and not negative.</param>
    /// <returns>The penalty (0 for an empty list).</returns>
    /// <exception cref="ArgumentNullException">The list or one of its elements is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is negative, infinite or NaN.</exception>
    public static Scalar L2(IReadOnlyList<Scalar> parameters, double alpha)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.NonNegative(alpha, nameof(alpha), "The strength");

        var p = new Scalar[parameters.Count];
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = Batch.Element(parameters, i, nameof(parameters));
        }

        // Σ pᵢ² is the dot product of p with itself: one node, whose backward gives each pᵢ the gradient 2pᵢ.
        return alpha * Scalar.DotCore(p, p);
    }

    /// <summary>The mean squared error, <c>mean((pᵢ − tᵢ)²)</c>, for regression.</summary>
    /// <remarks>It is built as one dot product, <c>Σ eᵢ·(eᵢ/n)</c> with <c>eᵢ = pᵢ − tᵢ</c>: the same mean, but no
    /// intermediate result is larger than the mean itself, so it stays finite wherever the mean squared error is
    /// representable (an error of 1.5·10¹⁵⁴ has a square beyond the largest double, half of it is not).</remarks>
    /// <param name="predictions">The predictions pᵢ.</param>
    /// <param name="targets">The targets tᵢ.</param>
    /// <returns>The mean squared error.</returns>
    /// <exception cref="ArgumentNullException">A list, or a prediction, is null.</exception>
    /// <exception cref="ArgumentException">The batch is empty or the lengths differ.</exception>
    public static Scalar MeanSquaredError(IReadOnlyList<Scalar> predictions, IReadOnlyList<double> targets)
    {
        int n = Batch.Check(predictions, nameof(predictions), targets, nameof(targets));
        var errors = new Scalar[n];
        var shares = new Scalar[n];
        var count = new Scalar(n);
        for (int i = 0; i < n; i++)
        {
            errors[i] = Batch.Element(predictions, i, nameof(predictions)) - targets[i];
            shares[i] = errors[i] / count;
        }

        // mean(eᵢ²) = Σ eᵢ·(eᵢ/n): each term, and every running sum, is at most the mean itself, so nothing overflows
        // before the result does (eᵢ·eᵢ alone would, for |eᵢ| above 1.3·10¹⁵⁴).
        return Scalar.DotCore(errors, shares);
    }

    /// <summary>
    /// Binary cross-entropy on raw scores (logits) <c>zᵢ</c>: the mean of <c>−y·log σ(z) − (1 − y)·log(1 − σ(z))</c>,
    /// computed stably as <c>y·softplus(−z) + (1 − y)·softplus(z)</c>, softplus(z) being <c>log(1 + e^z)</c>. Its
    /// gradient is simply <c>σ(z) − y</c>.
    /// </summary>
    /// <param name="logits">The logits zᵢ; σ(zᵢ) is the predicted probability of class 1.</param>
    /// <param name="labels">The labels yᵢ, 0 or 1 (any probability in [0, 1] works as a soft label).</param>
    /// <returns>The mean binary cross-entropy, in nats.</returns>
    /// <exception cref="ArgumentNullException">A list, or a logit, is null.</exception>
    /// <exception cref="ArgumentException">The batch is empty, the lengths differ, or a label is outside [0, 1].</exception>
    /// <remarks>The naive formula overflows: e^1000 is +∞. Softplus never forms e to a positive power, so every
    /// term stays finite for any finite logit. For the labels 0 and 1 the term is a single softplus, softplus(z) or
    /// softplus(−z), which also keeps the tiny loss of a confident right prediction: for z = 40 and y = 1 it is
    /// e^−40 ≈ 4.2·10⁻¹⁸ with the gradient −4.2·10⁻¹⁸, where softplus(z) − y·z would round both to 0.</remarks>
    public static Scalar BinaryCrossEntropyWithLogits(IReadOnlyList<Scalar> logits, IReadOnlyList<double> labels)
    {
        int n = Batch.Check(logits, nameof(logits), labels, nameof(labels));
        var terms = new Scalar[n];
        for (int i = 0; i < n; i++)
        {
            var z = Batch.Element(logits, i, nameof(logits));
            double y = labels[i];
            if (!(y >= 0 && y <= 1))
            {
                throw new ArgumentException($"labels[{i}] is {y}; binary cross-entropy needs labels 0 or 1.", nameof(labels));
            }

            // −ln σ(z) = softplus(−z) and −ln(1 − σ(z)) = softplus(z), so the term is y·softplus(−z) + (1 − y)·softplus(z):
            // two terms that are never negative, so nothing cancels (softplus(z) − y·z, the same number, loses all of a
            // small loss to rounding when z is large), and the gradient −y·σ(−z) + (1 − y)·σ(z) = σ(z) − y is exact
            // everywhere, z = 0 included. A label of 0 or 1 keeps one softplus: 0·softplus(±∞) would be NaN.
            terms[i] = y == 1 ? (-z).Softplus()
                : y == 0 ? z.Softplus()
                : ((-z).Softplus() * y) + (z.Softplus() * (1 - y));
        }

        return Mean(terms);
    }

    /// <summary>
    /// Cross-entropy of a softmax over several classes: the mean of <c>log Σⱼ e^(zⱼ) − z_c</c>, where c is the
    /// right class. Computed stably as <c>log Σⱼ e^(zⱼ − z_c)</c>, by log-sum-exp, which subtracts the largest term first.
    /// </summary>
    /// <param name="logits">One row of logits per example, all rows of the same length (the number of classes).</param>
    /// <param name="classes">The right class of each example, from 0 to the number of classes − 1.</param>
    /// <returns>The mean cross-entropy, in nats.</returns>
    /// <exception cref="ArgumentNullException">A list, a row or a logit is null.</exception>
    /// <exception cref="ArgumentException">The batch is empty, the lengths differ, a row is empty or of a different
    /// length than the first, or a class is out of range.</exception>
    /// <remarks>
    /// Each row's term is one <see cref="Scalar.LogSumExp"/> node over the differences zⱼ − z_c (the right class's own
    /// difference, always 0, is a constant): log Σ e^(zⱼ − z_c) is log Σ e^(zⱼ) − z_c, without subtracting two large
    /// numbers that are nearly equal. Log-sum-exp uses m + log Σ e^(xⱼ − m) with m the largest term, recomputed on
    /// every evaluation: the exponents are then at most 0 and the sum at least 1, so nothing overflows. So the loss of
    /// a confident right prediction keeps its tiny value, as do logits near 10¹⁶, where log Σ e^(zⱼ) − z_c would round
    /// the loss to 0 (or to a multiple of 2). Its gradient is the softmax minus 1 for the right class.
    /// </remarks>
    public static Scalar SoftmaxCrossEntropy(IReadOnlyList<IReadOnlyList<Scalar>> logits, IReadOnlyList<int> classes)
    {
        int n = Batch.Check(logits, nameof(logits), classes, nameof(classes));
        int classCount = Batch.ClassCount(logits);
        var terms = new Scalar[n];
        var zero = new Scalar(0.0);
        for (int i = 0; i < n; i++)
        {
            var row = Batch.Row(logits, i, classCount);
            int c = Batch.Class(classes, i, classCount);

            // −log softmax_c = log Σⱼ e^(zⱼ − z_c). The right class's term is the constant 0, not z_c − z_c, which
            // would be NaN for z_c = ±∞ (the loss of an infinitely confident right prediction is 0). LogSumExp
            // subtracts the largest term on every evaluation, so the loss stays finite for any finite logits, also in
            // a compiled graph.
            var differences = new Scalar[classCount];
            for (int j = 0; j < classCount; j++)
            {
                differences[j] = j == c ? zero : row[j] - row[c];
            }

            terms[i] = Scalar.LogSumExpCore(differences);
        }

        return Mean(terms);
    }

    /// <summary>The mean of terms in an array this class just built: one mean node.</summary>
    private static Scalar Mean(Scalar[] terms) => Scalar.MeanCore(terms);
}
