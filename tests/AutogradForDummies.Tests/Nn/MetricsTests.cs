using AutogradForDummies.Nn;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Nn;

public sealed class MetricsTests
{
    private static Scalar[] Leaves(params double[] values) => [.. values.Select(v => new Scalar(v))];

    [Fact]
    public void Binary_accuracy_counts_scores_on_the_side_of_zero_that_the_label_names()
    {
        var s = Leaves(2, -0.5, 0.1, 0, -3);

        Metrics.Accuracy(s, [1, -1, -1, -1, 1]).Should().Be(0.6); // right, right, wrong, right (0 is negative), wrong
    }

    [Fact]
    public void Binary_accuracy_gives_the_same_answer_for_zero_one_labels_as_for_signed_labels()
    {
        var s = Leaves(2, -0.5, 0.1, 0, -3);
        double[] scores = [2, -0.5, 0.1, 0, -3];

        Metrics.Accuracy(s, [1, 0, 0, 0, 1]).Should().Be(0.6);
        Metrics.Accuracy(scores, [1, 0, 0, 0, 1]).Should().Be(0.6);
        Metrics.Accuracy(scores, [1, -1, -1, -1, 1]).Should().Be(0.6);
        Metrics.Accuracy(s, [1, 1, 1, 1, 1]).Should().Be(0.4); // all positive: either convention
    }

    [Fact]
    public void Binary_accuracy_rejects_labels_outside_both_conventions_and_labels_that_mix_them()
    {
        var s = Leaves(1, 2, 3);

        FluentActions.Invoking(() => Metrics.Accuracy(s, [1, 2, 1])).Should().Throw<ArgumentException>()
            .WithParameterName("labels").WithMessage("labels[1] is 2*");
        FluentActions.Invoking(() => Metrics.Accuracy(s, [1, 0, -1])).Should().Throw<ArgumentException>()
            .WithParameterName("labels").WithMessage("labels mixes −1 and 0 (at index 2)*");
        FluentActions.Invoking(() => Metrics.Accuracy([1.0, 2.0, 3.0], [double.NaN, 1, 1])).Should().Throw<ArgumentException>()
            .WithParameterName("labels");
    }

    [Fact]
    public void A_nan_score_predicts_the_negative_class()
    {
        Metrics.Accuracy([double.NaN, double.NaN], [1, -1]).Should().Be(0.5);
    }

    [Fact]
    public void Argmax_accuracy_counts_rows_whose_largest_logit_is_the_class()
    {
        IReadOnlyList<Scalar>[] logits = [Leaves(1, 3, 2), Leaves(0, 0, -1), Leaves(5, 1, 9), Leaves(-1, -2, -3)];

        Metrics.Accuracy(logits, [1, 0, 1, 0]).Should().Be(0.75); // right, right (first of a tie), wrong, right
        FluentActions.Invoking(() => Metrics.Accuracy(logits, [1, 0, 3, 0])).Should().Throw<ArgumentException>().WithParameterName("classes");
    }

    [Fact]
    public void Every_accuracy_rejects_an_empty_batch_mismatched_lengths_and_nulls()
    {
        var s = Leaves(1, -1);
        Action[] empty =
        [
            () => Metrics.Accuracy(Array.Empty<Scalar>(), Array.Empty<double>()),
            () => Metrics.Accuracy(Array.Empty<double>(), Array.Empty<double>()),
            () => Metrics.Accuracy(Array.Empty<IReadOnlyList<Scalar>>(), []),
        ];
        foreach (var call in empty)
        {
            call.Should().Throw<ArgumentException>().WithMessage("The batch is empty*");
        }

        Action[] mismatched =
        [
            () => Metrics.Accuracy(s, [1.0]),
            () => Metrics.Accuracy([1.0, 2.0], [1.0]),
            () => Metrics.Accuracy([s], [0, 1]),
        ];
        foreach (var call in mismatched)
        {
            call.Should().Throw<ArgumentException>().WithMessage("Expected one entry per example*");
        }

        FluentActions.Invoking(() => Metrics.Accuracy((IReadOnlyList<Scalar>)null!, [1.0])).Should().Throw<ArgumentNullException>().WithParameterName("scores");
        FluentActions.Invoking(() => Metrics.Accuracy([s[0], null!], [1.0, 1.0])).Should().Throw<ArgumentNullException>().WithParameterName("scores");
        FluentActions.Invoking(() => Metrics.Accuracy([s, null!], [0, 0])).Should().Throw<ArgumentNullException>().WithParameterName("logits");
    }
}
