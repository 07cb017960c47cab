using System.Runtime.Intrinsics;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests;

/// <summary>
/// The rules themselves, where the dynamic and the compiled path must agree to the bit: the dot product's fixed
/// order of additions (a vector implementation over consecutive numbers against the term-by-term loop over any list),
/// the backward half of a dot product, and the numerically careful rules.
/// </summary>
public sealed class RulesTests
{
    // Every vector width the kernels have (none, 2, 4 and 8 doubles), whatever this processor accelerates: a width it
    // lacks runs in software with the same roundings, so results cannot depend on the machine's vector width.
    private static readonly int[] s_widths = [0, 128, 256, 512];

    [Fact]
    public void The_vector_dot_product_gives_the_bits_of_the_term_by_term_one_for_every_length_and_alignment()
    {
        var random = new Random(12);
        for (int n = 0; n <= 80; n++)
        {
            for (int offset = 0; offset < 5; offset++)
            {
                double[] buffer = Spreads(random, (2 * (n + 8)) + 16);

                var w = buffer.AsSpan(offset, n + 1);              // a neuron's weights and bias
                var x = buffer.AsSpan(n + 8 + (offset * 3 % 7), n);
                double bias = w[n];

                double scalar = Rules.Dot(new ValuesIn(w), new ValuesIn(x), bias);
                foreach (int bits in s_widths)
                {
                    Bits(Rules.Dot(w, x, bias, bits)).Should().Be(Bits(scalar), $"n = {n}, offset {offset}, {bits}-bit vectors");
                }

                Bits(Rules.Dot(w, x, bias)).Should().Be(Bits(scalar), $"n = {n}, offset {offset}, this processor's vectors");
            }
        }
    }

    [Fact]
    public void The_dot_product_sums_term_i_into_running_sum_i_mod_16_and_adds_the_sums_in_a_fixed_tree()
    {
        var random = new Random(5);
        foreach (int n in new[] { 1, 2, 3, 4, 5, 15, 16, 17, 31, 32, 33, 100, 257 })
        {
            var w = new double[n];
            var x = new double[n];
            for (int i = 0; i < n; i++)
            {
                w[i] = Spread(random);
                x[i] = Spread(random);
            }

            var s = new double[16];
            for (int i = 0; i < n; i++)
            {
                s[i % 16] = Math.FusedMultiplyAdd(w[i], x[i], s[i % 16]);
            }

            double t0 = (s[0] + s[4]) + (s[8] + s[12]);
            double t1 = (s[1] + s[5]) + (s[9] + s[13]);
            double t2 = (s[2] + s[6]) + (s[10] + s[14]);
            double t3 = (s[3] + s[7]) + (s[11] + s[15]);
            double expected = 0.25 + ((t0 + t1) + (t2 + t3));

            Bits(Rules.Dot(new ValuesIn(w), new ValuesIn(x), 0.25)).Should().Be(Bits(expected), $"n = {n}");
            foreach (int bits in s_widths)
            {
                Bits(Rules.Dot(w, x, 0.25, bits)).Should().Be(Bits(expected), $"n = {n}, {bits}-bit vectors");
            }
        }
    }

    [Fact]
    public void The_dot_product_agrees_on_both_paths_at_special_values()
    {
        double[] specials = [0.0, -0.0, double.Epsilon, -double.Epsilon, 1e-310, -1e-310, 1e308, -1e308, 1e-200, -1e-200,
            double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1, -1, 3.5];
        var random = new Random(3);
        for (int trial = 0; trial < 2000; trial++)
        {
            int n = random.Next(0, 40);
            var w = new double[n + 1];
            var x = new double[n];
            for (int i = 0; i < n; i++)
            {
                w[i] = specials[random.Next(specials.Length)];
                x[i] = specials[random.Next(specials.Length)];
            }

            w[n] = specials[random.Next(specials.Length)];
            long scalar = Bits(Rules.Dot(new ValuesIn(w), new ValuesIn(x), w[n]));
            foreach (int bits in s_widths)
            {
                Bits(Rules.Dot(w, x, w[n], bits)).Should().Be(scalar, $"trial {trial}, {bits}-bit vectors");
            }
        }
    }

    [Fact]
    public void Adding_a_scaled_run_gives_each_element_what_the_term_by_term_rule_gives()
    {
        var random = new Random(8);
        for (int n = 0; n <= 40; n++)
        {
            var v = new double[n];
            var g = new double[n + 3];
            for (int i = 0; i < n; i++)
            {
                v[i] = Spread(random);
                g[i + 1] = Spread(random);
            }

            double dy = Spread(random);
            var expected = (double[])g.Clone();
            for (int i = 0; i < n; i++)
            {
                double unused = 0;
                Rules.DotTermBackward(0, v[i], dy, ref expected[i + 1], ref unused);
            }

            foreach (int bits in s_widths)
            {
                var h = (double[])g.Clone();
                Rules.AddScaled(v, dy, h.AsSpan(1, n), bits);
                h.Select(Bits).Should().Equal(expected.Select(Bits), $"n = {n}, {bits}-bit vectors");
            }

            Rules.AddScaled(v, dy, g.AsSpan(1, n));
            g.Select(Bits).Should().Equal(expected.Select(Bits), $"n = {n}, this processor's vectors");
        }
    }

    [Fact]
    public void Two_dot_products_in_one_sweep_give_the_bits_of_each_alone_for_every_length_and_alignment()
    {
        var random = new Random(21);
        for (int n = 0; n <= 80; n++)
        {
            for (int offset = 0; offset < 4; offset++)
            {
                double[] buffer = Spreads(random, (3 * (n + 8)) + 16);

                var w0 = buffer.AsSpan(offset, n + 1);
                var w1 = buffer.AsSpan(n + 1 + offset + (offset % 3), n + 1); // rows of a layer, not always aligned alike
                var x = buffer.AsSpan((2 * (n + 8)) + (offset * 3 % 7), n);
                long first = Bits(Rules.Dot(new ValuesIn(w0), new ValuesIn(x), w0[n]));
                long second = Bits(Rules.Dot(new ValuesIn(w1), new ValuesIn(x), w1[n]));
                foreach (int bits in s_widths)
                {
                    var (y0, y1) = Rules.Dot2(w0, w0[n], w1, w1[n], x, bits);
                    (Bits(y0), Bits(y1)).Should().Be((first, second), $"n = {n}, offset {offset}, {bits}-bit vectors");
                }

                var (z0, z1) = Rules.Dot2(w0, w0[n], w1, w1[n], x);
                (Bits(z0), Bits(z1)).Should().Be((first, second), $"n = {n}, offset {offset}, this processor's vectors");
            }
        }
    }

    [Fact]
    public void Four_dot_products_in_one_sweep_give_the_bits_of_each_alone_for_every_length_and_alignment()
    {
        var random = new Random(25);
        for (int n = 0; n <= 80; n++)
        {
            for (int offset = 0; offset < 4; offset++)
            {
                double[] buffer = Spreads(random, (5 * (n + 8)) + 16);

                // Four rows of a layer, one after the other, not always aligned alike, and the inputs after them.
                int[] start = [.. Enumerable.Range(0, 4).Select(k => (k * (n + 1)) + offset + (k * offset % 3))];
                var x = buffer.AsSpan((4 * (n + 8)) + (offset * 3 % 7), n);
                var alone = new long[4];
                for (int k = 0; k < 4; k++)
                {
                    var w = buffer.AsSpan(start[k], n + 1);
                    alone[k] = Bits(Rules.Dot(new ValuesIn(w), new ValuesIn(x), w[n]));
                }

                foreach (int bits in s_widths)
                {
                    var (y0, y1, y2, y3) = Rules.Dot4(
                        buffer.AsSpan(start[0], n), buffer[start[0] + n], buffer.AsSpan(start[1], n), buffer[start[1] + n],
                        buffer.AsSpan(start[2], n), buffer[start[2] + n], buffer.AsSpan(start[3], n), buffer[start[3] + n], x, bits);
                    long[] four = [Bits(y0), Bits(y1), Bits(y2), Bits(y3)];
                    four.Should().Equal(alone, $"n = {n}, offset {offset}, {bits}-bit vectors");
                }
            }
        }
    }

    [Fact]
    public void Four_dot_products_in_one_sweep_agree_with_each_alone_at_special_values_NaNs_and_where_the_order_overflows()
    {
        double[] specials = [0.0, -0.0, double.Epsilon, -double.Epsilon, 1e-310, 1e308, -1e308, 1e-200,
            double.PositiveInfinity, double.NegativeInfinity, double.NaN, BitConverter.Int64BitsToDouble(unchecked((long)0xFFF80000000ABCDE)), 1, -1, 3.5];
        var random = new Random(26);
        for (int trial = 0; trial < 1500; trial++)
        {
            int n = random.Next(16, 50); // long enough for the four-row kernel
            bool huge = trial % 3 == 0;  // weights near the largest double: running sums that overflow, a whole that may not
            var rows = new double[4][];
            for (int k = 0; k < 4; k++)
            {
                rows[k] = new double[n + 1];
                for (int i = 0; i <= n; i++)
                {
                    rows[k][i] = huge ? ((2 * random.NextDouble()) - 1) * double.MaxValue : specials[random.Next(specials.Length)];
                }
            }

            var x = new double[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = huge ? 0.5 + random.NextDouble() : specials[random.Next(specials.Length)];
            }

            long[] alone = [.. rows.Select(w => Bits(Rules.Dot(new ValuesIn(w), new ValuesIn(x), w[n])))];
            foreach (int bits in s_widths)
            {
                var (y0, y1, y2, y3) = Rules.Dot4(rows[0], rows[0][n], rows[1], rows[1][n], rows[2], rows[2][n], rows[3], rows[3][n], x, bits);
                long[] four = [Bits(y0), Bits(y1), Bits(y2), Bits(y3)];
                four.Should().Equal(alone, $"trial {trial}, {bits}-bit vectors");
            }
        }
    }

    [Fact]
    public void Four_rows_a_step_apart_give_the_bits_of_each_alone_for_every_length_step_and_width()
    {
        // Rows as a layer lays them out (weights, then the bias, the next row after), closer (overlapping) or further
        // apart, and at special values and weights that overflow the fixed order.
        double[] specials = [0.0, -0.0, double.Epsilon, 1e-310, 1e308, -1e308, double.PositiveInfinity, double.NegativeInfinity,
            double.NaN, BitConverter.Int64BitsToDouble(unchecked((long)0xFFF80000000ABCDE)), 1, -1, 3.5];
        var random = new Random(27);
        for (int n = 0; n <= 70; n++)
        {
            foreach (int step in new[] { 0, 1, n / 2, n, n + 1, n + 5 }.Distinct())
            {
                for (int kind = 0; kind < 3; kind++)
                {
                    int offset = random.Next(4);
                    double[] buffer = kind switch
                    {
                        0 => Spreads(random, offset + (3 * step) + n + 1),
                        1 => [.. Enumerable.Range(0, offset + (3 * step) + n + 1).Select(_ => specials[random.Next(specials.Length)])],
                        _ => [.. Enumerable.Range(0, offset + (3 * step) + n + 1).Select(_ => ((2 * random.NextDouble()) - 1) * double.MaxValue)],
                    };
                    var x = Enumerable.Range(0, n).Select(_ => kind == 2 ? 0.5 + random.NextDouble() : (2 * random.NextDouble()) - 1).ToArray();
                    var rows = buffer.AsSpan(offset);
                    var bias = Vector256.Create(rows[n], rows[step + n], rows[(2 * step) + n], rows[(3 * step) + n]);
                    var alone = new long[4];
                    for (int k = 0; k < 4; k++)
                    {
                        alone[k] = Bits(Rules.Dot(new ValuesIn(rows.Slice(k * step, n)), new ValuesIn(x), bias[k]));
                    }

                    foreach (int bits in s_widths)
                    {
                        var y = Rules.Dot4Rows(rows, step, bias, x, bits);
                        long[] four = [Bits(y[0]), Bits(y[1]), Bits(y[2]), Bits(y[3])];
                        four.Should().Equal(alone, $"n = {n}, step {step}, kind {kind}, {bits}-bit vectors");
                    }
                }
            }
        }
    }

    [Fact]
    public void Four_rows_a_step_apart_name_rows_that_do_not_fit()
    {
        foreach (int bits in s_widths)
        {
            var negative = () => Rules.Dot4Rows(new double[100], -1, default, new double[16], bits);
            var tooShort = () => Rules.Dot4Rows(new double[(3 * 17) + 15], 17, default, new double[16], bits);
            negative.Should().Throw<ArgumentException>().WithParameterName("rows", $"{bits}-bit vectors");
            tooShort.Should().Throw<ArgumentException>().WithParameterName("rows", $"{bits}-bit vectors");
            Rules.Dot4Rows(new double[(3 * 17) + 16], 17, Vector256.Create(1.0), new double[16], bits).Should().Be(Vector256.Create(1.0));
        }
    }

    [Fact]
    public void Two_dot_products_in_one_sweep_agree_with_each_alone_at_special_values_and_where_the_order_overflows()
    {
        double[] specials = [0.0, -0.0, double.Epsilon, -double.Epsilon, 1e-310, 1e308, -1e308, 1e-200,
            double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1, -1, 3.5];
        var random = new Random(22);
        for (int trial = 0; trial < 1500; trial++)
        {
            int n = random.Next(16, 50); // long enough for the two-row kernel
            bool huge = trial % 3 == 0;  // weights near the largest double: running sums that overflow, a whole that may not
            var w0 = new double[n + 1];
            var w1 = new double[n + 1];
            var x = new double[n];
            for (int i = 0; i <= n; i++)
            {
                w0[i] = huge ? ((2 * random.NextDouble()) - 1) * double.MaxValue : specials[random.Next(specials.Length)];
                w1[i] = huge ? ((2 * random.NextDouble()) - 1) * double.MaxValue : specials[random.Next(specials.Length)];
                if (i < n)
                {
                    x[i] = huge ? 0.5 + random.NextDouble() : specials[random.Next(specials.Length)];
                }
            }

            long first = Bits(Rules.Dot(new ValuesIn(w0), new ValuesIn(x), w0[n]));
            long second = Bits(Rules.Dot(new ValuesIn(w1), new ValuesIn(x), w1[n]));
            foreach (int bits in s_widths)
            {
                var (y0, y1) = Rules.Dot2(w0, w0[n], w1, w1[n], x, bits);
                (Bits(y0), Bits(y1)).Should().Be((first, second), $"trial {trial}, {bits}-bit vectors");
            }
        }
    }

    [Fact]
    public void A_dot_product_that_is_NaN_is_always_the_same_NaN_whichever_NaNs_it_came_from()
    {
        // NaNs of both signs and with payloads: which one a multiply-add passes on depends on the order of its operands,
        // which differs between the scalar loop and the vector kernels, so the dot product fixes the result.
        double[] nans = [BitConverter.Int64BitsToDouble(0x7FF8000000000000), BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8000000000000)),
            BitConverter.Int64BitsToDouble(0x7FF8000000000123), BitConverter.Int64BitsToDouble(unchecked((long)0xFFF80000000ABCDE))];
        var random = new Random(24);
        for (int trial = 0; trial < 600; trial++)
        {
            int n = random.Next(1, 45);
            var w0 = new double[n + 1];
            var w1 = new double[n + 1];
            var x = new double[n];
            for (int i = 0; i < n; i++)
            {
                (w0[i], w1[i], x[i]) = (Spread(random), Spread(random), Spread(random));
            }

            w0[n] = Spread(random);
            w1[n] = Spread(random);
            int k = random.Next(n);
            x[k] = nans[random.Next(nans.Length)];           // every sum meets a NaN input…
            w0[random.Next(n + 1)] = nans[random.Next(nans.Length)]; // …and a NaN weight or bias of either sign
            w1[random.Next(n + 1)] = nans[random.Next(nans.Length)];

            long nan = Bits(double.NaN);
            Bits(Rules.Dot(new ValuesIn(w0), new ValuesIn(x), w0[n])).Should().Be(nan, $"trial {trial}, term by term");
            foreach (int bits in s_widths)
            {
                Bits(Rules.Dot(w0, x, w0[n], bits)).Should().Be(nan, $"trial {trial}, {bits}-bit vectors");
                var (y0, y1) = Rules.Dot2(w0, w0[n], w1, w1[n], x, bits);
                (Bits(y0), Bits(y1)).Should().Be((nan, nan), $"trial {trial}, two in a sweep, {bits}-bit vectors");
            }
        }
    }

    [Fact]
    public void The_backward_sweep_of_several_dot_products_gives_the_bits_of_their_term_by_term_rules_row_after_row()
    {
        // Rows of weights at scattered places in one array of values (and of gradients), passing over the same inputs in
        // the order listed: every element must be what the term-by-term rule gives, row after row, at every width, with
        // input counts around every block size (64 and 8 numbers with 512-bit vectors, 16 and 4 with 256, 8 and 2
        // with 128), special values among the numbers, and gradients of 0.
        var random = new Random(29);
        double[] specials = [0.0, -0.0, double.PositiveInfinity, double.NaN, 1e300, -1e-300];
        int checkedSweeps = 0;
        foreach (int n in new[] { 0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 71, 100, 127, 128, 130 })
        {
            for (int rows = 0; rows <= 6; rows++)
            {
                var starts = new int[rows];
                int next = random.Next(3);
                for (int k = 0; k < rows; k++)
                {
                    starts[k] = next;
                    next += n + 1 + random.Next(3); // apart, a bias or a gap between them
                }

                double[] Numbers(int length) => [.. Enumerable.Range(0, length).Select(_ => random.Next(20) == 0 ? specials[random.Next(specials.Length)] : Spread(random))];
                double[] values = Numbers(next + 2), grads = Numbers(next + 2), x = Numbers(n), gx = Numbers(n + 1);
                double[] dy = [.. Enumerable.Range(0, rows).Select(_ => random.Next(4) == 0 ? 0.0 : Spread(random))];
                double[] expectedGrads = (double[])grads.Clone(), expectedGx = (double[])gx.Clone();
                for (int k = 0; k < rows; k++)
                {
                    for (int i = 0; i < n; i++)
                    {
                        Rules.DotTermBackward(values[starts[k] + i], x[i], dy[k], ref expectedGrads[starts[k] + i], ref expectedGx[i + 1]);
                    }
                }

                foreach (int bits in s_widths.Append(Rules.VectorBits))
                {
                    double[] h = (double[])grads.Clone(), hx = (double[])gx.Clone();
                    Rules.AddScaledRows(x, hx.AsSpan(1, n), values, h, starts, dy, bits);
                    hx.Select(Bits).Should().Equal(expectedGx.Select(Bits), $"the inputs' gradients, n = {n}, {rows} rows, {bits}-bit vectors");
                    h.Select(Bits).Should().Equal(expectedGrads.Select(Bits), $"the rows' gradients, n = {n}, {rows} rows, {bits}-bit vectors");
                    checkedSweeps++;
                }
            }
        }

        checkedSweeps.Should().Be(22 * 7 * (s_widths.Length + 1));
    }

    [Fact]
    public void The_several_row_sweep_names_what_does_not_fit()
    {
        var rowPastTheEnd = () => Rules.AddScaledRows(new double[4], new double[4], new double[10], new double[10], [0, 7], [1.0, 1.0], Rules.VectorBits);
        var negativeStart = () => Rules.AddScaledRows(new double[4], new double[4], new double[10], new double[10], [-1], [1.0], Rules.VectorBits);
        var fewGradients = () => Rules.AddScaledRows(new double[4], new double[4], new double[12], new double[10], [0, 5, 8], [1.0, 1.0, 1.0], Rules.VectorBits);
        var shortInputs = () => Rules.AddScaledRows(new double[4], new double[3], new double[10], new double[10], [0], [1.0], Rules.VectorBits);
        var fewDy = () => Rules.AddScaledRows(new double[4], new double[4], new double[10], new double[10], [0, 5], [1.0], Rules.VectorBits);
        rowPastTheEnd.Should().Throw<ArgumentException>().WithParameterName("starts");
        negativeStart.Should().Throw<ArgumentException>().WithParameterName("starts");
        fewGradients.Should().Throw<ArgumentException>().WithParameterName("starts");
        shortInputs.Should().Throw<ArgumentException>().WithParameterName("gx");
        fewDy.Should().Throw<ArgumentException>().WithParameterName("dy");
    }

    [Fact]
    public void The_two_and_four_row_kernels_name_a_run_that_is_too_short()
    {
        var act = () => Rules.Dot2(new double[3], 0, new double[2], 0, new double[3]);
        act.Should().Throw<ArgumentException>().WithParameterName("w1");
        foreach (int bits in s_widths)
        {
            for (int shortRow = 0; shortRow < 4; shortRow++)
            {
                double[][] rows = [.. Enumerable.Range(0, 4).Select(k => new double[k == shortRow ? 15 : 16])];
                var four = () => Rules.Dot4(rows[0], 0, rows[1], 0, rows[2], 0, rows[3], 0, new double[16], bits);
                four.Should().Throw<ArgumentException>().WithParameterName($"w{shortRow}", $"{bits}-bit vectors");
            }
        }
    }

    [Fact]
    public void The_log_sum_exp_gradient_is_the_softmax_even_for_huge_logits()
    {
        // The shares of e^x / Σ e^x for x = 1e16 + (0, 2, 4): the rounding of y = m + ln Σ must not move them.
        double[] x = [1e16, 1e16 + 2, 1e16 + 4];
        var shares = new double[3];
        var gradients = new GradientsIn(shares);
        Rules.LogSumExpBackward(new ValuesIn(x), 1, ref gradients);

        double z = 1 + Math.Exp(-2) + Math.Exp(-4);
        shares[2].Should().BeApproximately(1 / z, 1e-15);
        shares[1].Should().BeApproximately(Math.Exp(-2) / z, 1e-15);
        shares[0].Should().BeApproximately(Math.Exp(-4) / z, 1e-15);
    }

    [Fact]
    public void Log_one_plus_keeps_its_precision_for_tiny_arguments()
    {
        foreach (double x in new[] { 1e-300, 1e-20, 1e-10, 1e-5, 0.5, 3.0, -0.5, -1e-12 })
        {
            double expected = x - (x * x / 2) + (x * x * x / 3) - (x * x * x * x / 4);
            double value = Rules.LogOnePlus(x);
            if (Math.Abs(x) < 1e-3)
            {
                value.Should().BeApproximately(expected, Math.Abs(expected) * 4e-16, $"x = {x}");
            }
            else
            {
                value.Should().BeApproximately(Math.Log(1 + x), 1e-15 * Math.Max(1, Math.Abs(Math.Log(1 + x))), $"x = {x}");
            }
        }

        Rules.LogOnePlus(-1).Should().Be(double.NegativeInfinity);
        Rules.LogOnePlus(double.PositiveInfinity).Should().Be(double.PositiveInfinity);
        double.IsNaN(Rules.LogOnePlus(-2)).Should().BeTrue();
        double.IsNaN(Rules.LogOnePlus(double.NaN)).Should().BeTrue();
    }

    [Fact]
    public void Softplus_of_very_negative_arguments_is_e_to_the_argument_not_zero()
    {
        Rules.Softplus.Forward(-40).Should().BeApproximately(Math.Exp(-40), Math.Exp(-40) * 1e-15);
        Rules.Softplus.Forward(-700).Should().BeApproximately(Math.Exp(-700), Math.Exp(-700) * 1e-15);
        Rules.Softplus.Forward(40).Should().Be(40 + Math.Exp(-40));
    }

    [Fact]
    public void A_mean_of_finite_terms_whose_sum_overflows_is_the_representable_mean()
    {
        double[] terms = [double.MaxValue, double.MaxValue, double.MaxValue];
        Rules.Mean(new ValuesIn(terms)).Should().Be(double.MaxValue);
        Rules.Mean(new ValuesIn([1.0, 2.0, 4.0])).Should().Be(7.0 / 3);
        Rules.Mean(new ValuesIn([double.PositiveInfinity, 1.0])).Should().Be(double.PositiveInfinity);
        double.IsNaN(Rules.Mean(new ValuesIn([double.PositiveInfinity, double.NegativeInfinity]))).Should().BeTrue();
        double.IsNaN(Rules.Mean(new ValuesIn([1e308, double.NaN, 1e308]))).Should().BeTrue();
    }

    [Fact]
    public void Where_a_sum_or_mean_overflows_on_the_way_it_has_the_bits_of_the_same_order_without_the_overflow()
    {
        // Scaling by a power of two is exact, so the terms scaled down by 2⁻⁸ and added in the same order give the
        // bits the sum has with an unbounded exponent, 2⁸ times smaller.
        var random = new Random(21);
        for (int trial = 0; trial < 500; trial++)
        {
            int n = random.Next(2, 40);
            var terms = new double[n];
            for (int i = 0; i < n; i++)
            {
                terms[i] = (random.NextDouble() - 0.3) * 1.7e308;
            }

            double unscaled = 0;
            foreach (double t in terms)
            {
                unscaled += t;
            }

            double scaled = 0;
            foreach (double t in terms)
            {
                scaled += Math.ScaleB(t, -8);
            }

            Bits(Rules.Sum(new ValuesIn(terms))).Should().Be(Bits(double.IsFinite(unscaled) ? unscaled : Math.ScaleB(scaled, 8)), $"trial {trial}");
            Bits(Rules.Mean(new ValuesIn(terms))).Should().Be(Bits(double.IsFinite(unscaled) ? unscaled / n : Math.ScaleB(scaled / n, 8)), $"trial {trial}");
        }

        Rules.Sum(new ValuesIn([1e308, 1e308, -1e308])).Should().Be(1e308);
        Rules.Sum(new ValuesIn([double.MaxValue, double.MaxValue])).Should().Be(double.PositiveInfinity);
        Rules.Sum(new ValuesIn([-double.MaxValue, -double.MaxValue])).Should().Be(double.NegativeInfinity);
        double.IsNaN(Rules.Sum(new ValuesIn([double.PositiveInfinity, double.NegativeInfinity]))).Should().BeTrue();
    }

    [Fact]
    public void Where_a_dot_product_overflows_on_the_way_both_paths_give_the_bits_of_the_fixed_order_without_the_overflow()
    {
        // Weights of the order of 1e308 (the inputs near 1), so the fixed order's running sums can overflow while the
        // whole does not. The same order with the weights and bias scaled by 2⁻¹⁶ cannot overflow; scaled back, it is
        // what the dot product must give.
        var random = new Random(34);
        int overflowed = 0;
        for (int trial = 0; trial < 400; trial++)
        {
            int n = random.Next(1, 60);
            var w = new double[n + 1];
            var x = new double[n];
            for (int i = 0; i < n; i++)
            {
                w[i] = ((2 * random.NextDouble()) - 1) * double.MaxValue;
                x[i] = 0.5 + random.NextDouble();
            }

            w[n] = ((2 * random.NextDouble()) - 1) * double.MaxValue;
            var scaledW = Array.ConvertAll(w, v => Math.ScaleB(v, -16));
            double plain = Rules.Dot(new ValuesIn(scaledW), new ValuesIn(x), scaledW[n]);
            double expected = Math.ScaleB(plain, 16);
            overflowed += double.IsFinite(expected) && !double.IsFinite(NaiveInOrder(w, x)) ? 1 : 0;

            Bits(Rules.Dot(new ValuesIn(w), new ValuesIn(x), w[n])).Should().Be(Bits(expected), $"trial {trial}, n = {n}");
            foreach (int bits in s_widths)
            {
                Bits(Rules.Dot(w, x, w[n], bits)).Should().Be(Bits(expected), $"trial {trial}, n = {n}, {bits}-bit vectors");
            }
        }

        overflowed.Should().BeGreaterThan(20, "the trials include running sums that overflow");

        // Products that overflow on their own but cancel.
        Rules.Dot(new ValuesIn([1e200, 1e200]), new ValuesIn([1e200, -1e200]), 1).Should().Be(1);
        double.IsNaN(Rules.Dot(new ValuesIn([0.0]), new ValuesIn([double.PositiveInfinity]), 1)).Should().BeTrue();
        Rules.Dot(new ValuesIn([1e308, 1e308]), new ValuesIn([1.0, 1.0]), 0).Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Log_sum_exp_keeps_the_tiny_share_of_the_terms_below_the_largest()
    {
        Rules.LogSumExp(new ValuesIn([0.0, -40.0])).Should().BeApproximately(Math.Exp(-40), Math.Exp(-40) * 1e-15);
        Rules.LogSumExp(new ValuesIn([-40.0, 0.0, -40.0])).Should().BeApproximately(2 * Math.Exp(-40), Math.Exp(-40) * 1e-15);
        Rules.LogSumExp(new ValuesIn([3.0, 3.0])).Should().BeApproximately(3 + Math.Log(2), 1e-15);
        Rules.LogSumExp(new ValuesIn([double.NegativeInfinity, double.NegativeInfinity])).Should().Be(double.NegativeInfinity);
        double.IsNaN(Rules.LogSumExp(new ValuesIn([1.0, double.NaN]))).Should().BeTrue();

        var shares = new double[2];
        var gradients = new GradientsIn(shares);
        Rules.LogSumExpBackward(new ValuesIn([double.NegativeInfinity, double.NegativeInfinity]), 1, ref gradients);
        shares.Should().Equal(0.5, 0.5);
    }

    [Fact]
    public void The_short_dot_products_give_the_bits_of_the_dot_product_lane_by_lane()
    {
        // Every length a short dot product takes, values that overflow, signed zeros and non-finite numbers: the
        // four-lane form, each lane, and the one-neuron form give what Rules.Dot gives.
        double[] specials = [0.0, -0.0, 1e308, -1e308, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 5e-324, -2.5];
        var random = new Random(44);
        for (int round = 0; round < 4000; round++)
        {
            int n = round % (Rules.ShortDotTerms + 1);
            double Pick() => random.Next(4) == 0 ? specials[random.Next(specials.Length)] : Spread(random);
            var x = Enumerable.Range(0, n).Select(_ => Pick()).ToArray();
            var w = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, n + 1).Select(_ => Pick()).ToArray()).ToArray();
            Vector256<double> Lane(int k) => k < n ? Vector256.Create(w[0][k], w[1][k], w[2][k], w[3][k]) : Vector256<double>.Zero;
            var lanes = Rules.ShortDot4(Lane(0), Lane(1), Lane(2), Lane(3), x, Vector256.Create(w[0][n], w[1][n], w[2][n], w[3][n]));
            for (int l = 0; l < 4; l++)
            {
                double expected = Rules.Dot(w[l].AsSpan(0, n), x, w[l][n]);
                Bits(Rules.ShortDot(w[l].AsSpan(0, n), x, w[l][n])).Should().Be(Bits(expected), $"round {round}, neuron {l}");
                if (double.IsFinite(lanes[l]))
                {
                    // (A lane that is not finite is done again one at a time, by Rules.Dot's fallback for overflows.)
                    Bits(lanes[l]).Should().Be(Bits(expected), $"round {round}, lane {l}");
                }
            }
        }
    }

    [Fact]
    public void The_short_dot_product_refuses_more_than_four_inputs_or_too_few_weights()
    {
        var tooLong = () => Rules.ShortDot(new double[5], new double[5], 0);
        tooLong.Should().Throw<ArgumentException>().WithParameterName("x");
        var tooFew = () => Rules.ShortDot(new double[1], new double[2], 0);
        tooFew.Should().Throw<ArgumentException>().WithParameterName("w");
    }

    [Fact]
    public void The_relu_without_a_branch_gives_the_bits_of_the_relu()
    {
        double[] values =
        [
            0.0, -0.0, 1.5, -1.5, 5e-324, -5e-324, double.MaxValue, -double.MaxValue, double.PositiveInfinity,
            double.NegativeInfinity, double.NaN, -double.NaN, BitConverter.Int64BitsToDouble(0x7FF0_0000_0000_0123),
        ];
        var random = new Random(7);
        foreach (double a in values.Concat(Enumerable.Range(0, 1000).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-60, 60)))))
        {
            Bits(Rules.Relu.ForwardWithoutBranch(a)).Should().Be(Bits(Rules.Relu.Forward(a)), $"relu({a}), bits {Bits(a):X}");
        }
    }

    [Fact]
    public void The_four_lane_relu_gives_the_bits_of_the_relu_lane_by_lane()
    {
        double[] values = [0.0, -0.0, 1.5, -1.5, 5e-324, -5e-324, double.PositiveInfinity, double.NegativeInfinity, double.NaN, -double.NaN];
        foreach (double a0 in values)
        {
            foreach (double a1 in values)
            {
                var a = Vector256.Create(a0, a1, a1, a0);
                var y = Rules.Relu.Forward4(a);
                for (int l = 0; l < 4; l++)
                {
                    Bits(y[l]).Should().Be(Bits(Rules.Relu.Forward(a[l])), $"relu({a[l]})");
                }

                foreach (double dy in values)
                {
                    foreach (double g in new[] { 0.0, -0.0, 2.0 })
                    {
                        var use = Vector256.Create(-1L, 0L, -1L, 0L).AsDouble();
                        var got = Rules.Relu.Backward4(y, Vector256.Create(dy), Vector256.Create(g), use);
                        for (int l = 0; l < 4; l++)
                        {
                            double expected = g;
                            if (l % 2 == 0) // the lanes use selects
                            {
                                Rules.Relu.Backward(a[l], y[l], dy, ref expected);
                            }

                            Bits(got[l]).Should().Be(Bits(expected), $"relu'({a[l]}), dy {dy}, grad {g}, lane {l}");
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void The_four_lane_weight_and_bias_terms_and_the_halves_of_the_term_rule_give_its_bits()
    {
        // Each lane, where it is used, is what DotTermBackward and BiasBackward give one neuron; the other lanes keep
        // their gradient. The input's half alone is what DotTermBackward gives dx. Where two of an operation's operands
        // are NaNs, IEEE 754 leaves open which one's sign and payload the result carries, and the processor takes the
        // one in the first register, which the compiler may swap (an addition's operands commute): there the result must
        // be a NaN, and otherwise have the same bits.
        double[] values = [0.0, -0.0, 1.5, -3.25, 1e300, 5e-324, double.PositiveInfinity, double.NegativeInfinity, double.NaN, BitConverter.Int64BitsToDouble(0x7FF0_0000_0000_0ABC)];
        var use = Vector256.Create(-1L, 0L, -1L, -1L).AsDouble();
        int checkedLanes = 0;
        foreach (double x in values)
        {
            foreach (double dy in values)
            {
                foreach (double dw in values)
                {
                    var d = Vector256.Create(dy, dy, -dy, 0.5 * dy);
                    var before = Vector256.Create(dw, -dw, dw, 2 * dw);
                    var weights = Rules.WeightTermBackward4(x, d, before, use);
                    var biases = Rules.BiasBackward4(d, before, use);
                    for (int l = 0; l < 4; l++)
                    {
                        double expectedWeight = before[l], expectedBias = before[l], unused = 0;
                        if (l != 1)
                        {
                            Rules.DotTermBackward(0, x, d[l], ref expectedWeight, ref unused);
                            Rules.BiasBackward(d[l], ref expectedBias);
                            checkedLanes++;
                        }

                        double[] weightOperands = l != 1 ? [before[l], x, d[l]] : [before[l]], biasOperands = l != 1 ? [before[l], d[l]] : [before[l]];
                        Same(weights[l], expectedWeight, $"dw {before[l]} + x {x} · dy {d[l]}, lane {l}", weightOperands);
                        Same(biases[l], expectedBias, $"db {before[l]} + dy {d[l]}, lane {l}", biasOperands);
                    }

                    double dx = dw, ignored = 0;
                    Rules.DotTermBackward(x, 0, dy, ref ignored, ref dx);
                    Same(Rules.InputTermBackward(x, dy, dw), dx, $"dx {dw} + w {x} · dy {dy}", dw, x, dy);
                    double weight = dw, inputGradient = 0;
                    Rules.DotTermBackward(0, x, dy, ref weight, ref inputGradient);
                    Same(Rules.WeightTermBackward(x, dy, dw), weight, $"dw {dw} + x {x} · dy {dy}", dw, x, dy);
                    Same(weight, Math.FusedMultiplyAdd(x, dy, dw), "a single rounding", dw, x, dy);
                }
            }
        }

        checkedLanes.Should().Be(3 * values.Length * values.Length * values.Length);

        static void Same(double actual, double expected, string because, params double[] operands)
        {
            if (operands.Count(double.IsNaN) >= 2)
            {
                double.IsNaN(actual).Should().BeTrue(because);
                double.IsNaN(expected).Should().BeTrue(because);
            }
            else
            {
                Bits(actual).Should().Be(Bits(expected), because);
            }
        }
    }

    private static double NaiveInOrder(double[] w, double[] x)
    {
        var s = new double[16];
        for (int i = 0; i < x.Length; i++)
        {
            s[i % 16] = Math.FusedMultiplyAdd(w[i], x[i], s[i % 16]);
        }

        return w[x.Length] + (((s[0] + s[4]) + (s[8] + s[12])) + ((s[1] + s[5]) + (s[9] + s[13])))
            + (((s[2] + s[6]) + (s[10] + s[14])) + ((s[3] + s[7]) + (s[11] + s[15])));
    }

    private static double Spread(Random random) => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 4));

    // Spread numbers, one after the other.
    private static double[] Spreads(Random random, int length) => [.. Enumerable.Range(0, length).Select(_ => Spread(random))];

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
