using AutogradForDummies.Nn;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Nn;

public sealed class LossesTests
{
    private static Scalar[] Leaves(params double[] values)
    {
        var leaves = new Scalar[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            leaves[i] = new Scalar(values[i]);
        }

        return leaves;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    [Fact]
    public void Hinge_is_the_mean_of_relu_of_one_minus_label_times_score()
    {
        var s = Leaves(2.0, 0.5, -0.3, 0.2);
        double[] y = [1, 1, -1, -1];

        var loss = Losses.Hinge(s, y);
        loss.Backward();

        // max(0, 1 − 2) = 0, max(0, 1 − 0.5) = 0.5, max(0, 1 − 0.3) = 0.7, max(0, 1 + 0.2) = 1.2
        loss.Data.Should().BeApproximately((0 + 0.5 + 0.7 + 1.2) / 4, 1e-15);
        s[0].Grad.Should().Be(0);      // beyond the margin: no gradient
        s[1].Grad.Should().Be(-0.25);  // −y/n
        s[2].Grad.Should().Be(0.25);
        s[3].Grad.Should().Be(0.25);
    }

    [Fact]
    public void Means_are_one_mean_node_over_the_batch()
    {
        var s = Leaves(1, 2, 3, 4, 5);
        double[] y = [1, -1, 1, -1, 1];

        var mse = Losses.MeanSquaredError(s, [0, 0, 0, 0, 0]);
        foreach (var loss in new[] { Losses.Hinge(s, y), Losses.BinaryCrossEntropyWithLogits(s, [1, 0, 1, 0, 1]), mse })
        {
            loss.Op.Should().Be("mean");
            loss.Parents.Should().HaveCount(5);
        }

        mse.Parents[0].Op.Should().Be("*");
        mse.Data.Should().Be((1 + 4 + 9 + 16 + 25) / 5.0);
    }

    [Fact]
    public void A_mean_whose_sum_overflows_stays_the_representable_mean()
    {
        var big = Leaves(1.5e308, 1.7e308);
        var hinge = Losses.Hinge(big, [-1, -1]); // relu(1 + s): the terms themselves
        hinge.Data.Should().Be((1.5e308 / 2) + (1.7e308 / 2));
        hinge.Backward();
        big[0].Grad.Should().Be(0.5);

        var mse = Losses.MeanSquaredError(Leaves(1e154, 1.2e154), [0, 0]);
        mse.Data.Should().BeApproximately((1e308 / 2) + (1.44e308 / 2), 1e294);
        double.IsFinite(mse.Data).Should().BeTrue();
    }

    [Fact]
    public void Hinge_rejects_labels_other_than_plus_or_minus_one()
    {
        var s = Leaves(1, 2);

        FluentActions.Invoking(() => Losses.Hinge(s, [1, 0]))
            .Should().Throw<ArgumentException>().WithParameterName("labels").WithMessage("labels[1] is 0; labels must be −1 or +1*");
        FluentActions.Invoking(() => Losses.Hinge(s, [2, 1])).Should().Throw<ArgumentException>().WithParameterName("labels");
        FluentActions.Invoking(() => Losses.Hinge(s, [double.NaN, 1])).Should().Throw<ArgumentException>().WithParameterName("labels");
    }

    [Fact]
    public void L2_is_alpha_times_the_sum_of_squares_as_one_node()
    {
        var p = Leaves(1, -2, 3);

        var penalty = Losses.L2(p, 0.5);
        penalty.Backward();

        penalty.Data.Should().Be(7);                      // 0.5 · (1 + 4 + 9)
        p[0].Grad.Should().Be(1);                         // 2α·p
        p[1].Grad.Should().Be(-2);
        p[2].Grad.Should().Be(3);
        penalty.Parents[1].Op.Should().Be("dot");
        Losses.L2([], 1).Data.Should().Be(0);
    }

    [Fact]
    public void L2_rejects_a_negative_or_non_finite_strength()
    {
        var p = Leaves(1);

        FluentActions.Invoking(() => Losses.L2(p, -1e-4)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("alpha");
        FluentActions.Invoking(() => Losses.L2(p, double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("alpha");
        FluentActions.Invoking(() => Losses.L2(p, double.PositiveInfinity)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("alpha");
        FluentActions.Invoking(() => Losses.L2(null!, 1)).Should().Throw<ArgumentNullException>().WithParameterName("parameters");
        FluentActions.Invoking(() => Losses.L2([new Scalar(1), null!], 1)).Should().Throw<ArgumentNullException>().WithParameterName("parameters");
    }

    [Fact]
    public void Mean_squared_error_matches_hand_computed_values()
    {
        var p = Leaves(1, 2, 4);

        var loss = Losses.MeanSquaredError(p, [0, 2, 1]);
        loss.Backward();

        loss.Data.Should().BeApproximately(10.0 / 3, 1e-15); // (1 + 0 + 9) / 3
        p[0].Grad.Should().BeApproximately(2.0 / 3, 1e-15);   // 2(p − t)/n
        p[1].Grad.Should().Be(0);
        p[2].Grad.Should().BeApproximately(2.0, 1e-15);
    }

    [Fact]
    public void Binary_cross_entropy_matches_hand_computed_values_and_its_gradient_is_sigmoid_minus_label()
    {
        var z = Leaves(0, 2, -1, 0);
        double[] y = [1, 0, 1, 0];

        var loss = Losses.BinaryCrossEntropyWithLogits(z, y);
        loss.Backward();

        // −log σ(0), −log(1 − σ(2)) = log(1 + e²), −log σ(−1) = log(1 + e), −log(1 − σ(0))
        double expected = (Math.Log(2) + Math.Log(1 + Math.Exp(2)) + Math.Log(1 + Math.E) + Math.Log(2)) / 4;
        loss.Data.Should().BeApproximately(expected, 1e-15);
        z[0].Grad.Should().BeApproximately((0.5 - 1) / 4, 1e-15); // exact at z = 0
        z[1].Grad.Should().BeApproximately(Sigmoid(2) / 4, 1e-15);
        z[2].Grad.Should().BeApproximately((Sigmoid(-1) - 1) / 4, 1e-15);
        z[3].Grad.Should().BeApproximately(0.5 / 4, 1e-15);
    }

    [Fact]
    public void Binary_cross_entropy_is_finite_for_logits_of_plus_or_minus_1000()
    {
        var z = Leaves(1000, 1000, -1000, -1000);

        var loss = Losses.BinaryCrossEntropyWithLogits(z, [1, 0, 1, 0]);
        loss.Backward();

        loss.Data.Should().BeApproximately((0 + 1000 + 1000 + 0) / 4.0, 1e-12);
        z[0].Grad.Should().Be(0);      // σ(1000) − 1
        z[1].Grad.Should().Be(0.25);   // (σ(1000) − 0) / 4
        z[2].Grad.Should().Be(-0.25);
        z[3].Grad.Should().Be(0);
    }

    [Fact]
    public void Binary_cross_entropy_accepts_soft_labels_but_rejects_labels_outside_zero_to_one()
    {
        var z = Leaves(0.3);
        Losses.BinaryCrossEntropyWithLogits(z, [0.25]).Data
            .Should().BeApproximately((-0.25 * Math.Log(Sigmoid(0.3))) - (0.75 * Math.Log(1 - Sigmoid(0.3))), 1e-15);

        FluentActions.Invoking(() => Losses.BinaryCrossEntropyWithLogits(z, [-1]))
            .Should().Throw<ArgumentException>().WithParameterName("labels").WithMessage("labels[0] is -1*");
        FluentActions.Invoking(() => Losses.BinaryCrossEntropyWithLogits(z, [1.5])).Should().Throw<ArgumentException>().WithParameterName("labels");
        FluentActions.Invoking(() => Losses.BinaryCrossEntropyWithLogits(z, [double.NaN])).Should().Throw<ArgumentException>().WithParameterName("labels");
    }

    [Fact]
    public void Softmax_cross_entropy_matches_hand_computed_values_and_its_gradient_is_softmax_minus_one_hot()
    {
        var row0 = Leaves(1, 2, 3);
        var row1 = Leaves(0.5, -0.5, 0);

        var loss = Losses.SoftmaxCrossEntropy([row0, row1], [2, 0]);
        loss.Backward();

        double sum0 = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        double sum1 = Math.Exp(0.5) + Math.Exp(-0.5) + Math.Exp(0);
        double expected = (Math.Log(sum0) - 3 + Math.Log(sum1) - 0.5) / 2;
        loss.Data.Should().BeApproximately(expected, 1e-14);
        row0[0].Grad.Should().BeApproximately(Math.Exp(1) / sum0 / 2, 1e-15);
        row0[2].Grad.Should().BeApproximately(((Math.Exp(3) / sum0) - 1) / 2, 1e-15);
        row1[0].Grad.Should().BeApproximately(((Math.Exp(0.5) / sum1) - 1) / 2, 1e-15);
        row1[1].Grad.Should().BeApproximately(Math.Exp(-0.5) / sum1 / 2, 1e-15);
    }

    [Fact]
    public void Softmax_cross_entropy_is_finite_for_logits_of_plus_or_minus_1000()
    {
        var row = Leaves(1000, -1000, 0);

        var right = Losses.SoftmaxCrossEntropy([row], [0]);
        right.Backward();
        right.Data.Should().Be(0);
        row[0].Grad.Should().Be(0);

        var wrong = Losses.SoftmaxCrossEntropy([Leaves(1000, -1000, 0)], [1]);
        wrong.Data.Should().Be(2000);
    }

    [Fact]
    public void Bce_and_softmax_gradients_match_central_finite_differences()
    {
        double[] zs = [0.3, -1.7, 2.2, 0.9, -0.1, 1.4];
        var z = Leaves(zs);
        var bce = Losses.BinaryCrossEntropyWithLogits(z, [1, 0, 0, 1, 1, 0]);
        var ce = Losses.SoftmaxCrossEntropy([z[..3], z[3..]], [1, 2]);
        var total = bce + ce;
        total.Backward();

        const double h = 1e-6;
        for (int i = 0; i < zs.Length; i++)
        {
            double Value(double delta)
            {
                var shifted = Leaves(zs);
                shifted[i].Data += delta;
                return Losses.BinaryCrossEntropyWithLogits(shifted, [1, 0, 0, 1, 1, 0]).Data
                    + Losses.SoftmaxCrossEntropy([shifted[..3], shifted[3..]], [1, 2]).Data;
            }

            z[i].Grad.Should().BeApproximately((Value(h) - Value(-h)) / (2 * h), 1e-8);
        }
    }

    [Fact]
    public void Softmax_cross_entropy_rejects_bad_classes_and_ragged_rows()
    {
        Scalar[] row = Leaves(1, 2);

        FluentActions.Invoking(() => Losses.SoftmaxCrossEntropy([row], [2]))
            .Should().Throw<ArgumentException>().WithParameterName("classes").WithMessage("classes[0] is 2, but there are 2 classes*");
        FluentActions.Invoking(() => Losses.SoftmaxCrossEntropy([row], [-1])).Should().Throw<ArgumentException>().WithParameterName("classes");
        FluentActions.Invoking(() => Losses.SoftmaxCrossEntropy([row, Leaves(1, 2, 3)], [0, 0]))
            .Should().Throw<ArgumentException>().WithParameterName("logits").WithMessage("logits[1] has 3 logits, but logits[0] has 2*");
        FluentActions.Invoking(() => Losses.SoftmaxCrossEntropy([Array.Empty<Scalar>()], [0]))
            .Should().Throw<ArgumentException>().WithParameterName("logits").WithMessage("logits[0] is empty*");
        FluentActions.Invoking(() => Losses.SoftmaxCrossEntropy([row, null!], [0, 0])).Should().Throw<ArgumentNullException>().WithParameterName("logits");
        FluentActions.Invoking(() => Losses.SoftmaxCrossEntropy([[new Scalar(1), null!]], [0])).Should().Throw<ArgumentNullException>().WithParameterName("logits");
    }

    [Fact]
    public void Every_loss_rejects_an_empty_batch_mismatched_lengths_and_nulls()
    {
        var s = Leaves(1, -1);
        Action[] empty =
        [
            () => Losses.Hinge([], []),
            () => Losses.MeanSquaredError([], []),
            () => Losses.BinaryCrossEntropyWithLogits([], []),
            () => Losses.SoftmaxCrossEntropy([], []),
        ];
        foreach (var call in empty)
        {
            call.Should().Throw<ArgumentException>().WithMessage("The batch is empty*");
        }

        Action[] mismatched =
        [
            () => Losses.Hinge(s, [1]),
            () => Losses.MeanSquaredError(s, [1, 2, 3]),
            () => Losses.BinaryCrossEntropyWithLogits(s, [1]),
            () => Losses.SoftmaxCrossEntropy([s], [0, 1]),
        ];
        foreach (var call in mismatched)
        {
            call.Should().Throw<ArgumentException>().WithMessage("Expected one entry per example*");
        }

        FluentActions.Invoking(() => Losses.Hinge(null!, [1])).Should().Throw<ArgumentNullException>().WithParameterName("scores");
        FluentActions.Invoking(() => Losses.Hinge(s, null!)).Should().Throw<ArgumentNullException>().WithParameterName("labels");
        FluentActions.Invoking(() => Losses.MeanSquaredError([null!], [1]))
            .Should().Throw<ArgumentNullException>().WithParameterName("predictions").WithMessage("predictions[0] is null*");
        FluentActions.Invoking(() => Losses.MeanSquaredError(s, [1])).Should().Throw<ArgumentException>().WithParameterName("targets");
        FluentActions.Invoking(() => Losses.BinaryCrossEntropyWithLogits([s[0], null!], [1, 0])).Should().Throw<ArgumentNullException>().WithParameterName("logits");
    }

    [Fact]
    public void A_compiled_softmax_cross_entropy_stays_finite_when_the_logits_grow_after_compilation()
    {
        var row = Leaves(0.5, -0.5, 0);
        var graph = Losses.SoftmaxCrossEntropy([row], [0]).Compile();

        row[0].Data = 1000;
        row[1].Data = -1000;
        row[2].Data = 990;

        graph.Forward().Should().BeApproximately(Math.Log(1 + Math.Exp(-10)), 1e-12);
        graph.Backward();
        row[0].Grad.Should().BeApproximately(-Math.Exp(-10) / (1 + Math.Exp(-10)), 1e-12);
    }

    [Fact]
    public void Binary_cross_entropy_has_the_exact_gradient_at_a_logit_of_zero()
    {
        var z = Leaves(0, 0);
        Losses.BinaryCrossEntropyWithLogits(z, [1, 0]).Backward();

        z[0].Grad.Should().Be((0.5 - 1) / 2); // (σ(0) − y) / n
        z[1].Grad.Should().Be((0.5 - 0) / 2);
    }
}
