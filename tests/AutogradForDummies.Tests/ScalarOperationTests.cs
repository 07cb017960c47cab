using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests;

/// <summary>
/// Every operation of <see cref="Scalar"/>: its value, its gradient with respect to every operand
/// (against central differences, at several points, negative ones included where defined), its
/// name, its parents, the numerics policy and its argument checks.
/// </summary>
public sealed class ScalarOperationTests
{
    private static readonly Dictionary<string, OperationCase> s_cases = OperationCase.All.ToDictionary(c => c.Name);

    // Every row of the operation table at each of its points.
    public static TheoryData<string, double[]> Points
    {
        get
        {
            var data = new TheoryData<string, double[]>();
            foreach (var operation in OperationCase.All)
            {
                foreach (double[] point in operation.Points)
                {
                    data.Add(operation.Name, point);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Gradient_matches_central_difference(string operation, double[] point)
    {
        FiniteDifference.CheckGradients(s_cases[operation].Build, point, operation);
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Value_matches_the_definition(string operation, double[] point)
    {
        var row = s_cases[operation];
        var leaves = Array.ConvertAll(point, v => new Scalar(v));

        double expected = row.Value(point);
        row.Build(leaves).Data.Should().BeApproximately(expected, 1e-12 * Math.Max(1, Math.Abs(expected)));
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Backward_adds_the_node_gradient_times_each_local_derivative_into_the_parents(string operation, double[] point)
    {
        var leaves = Array.ConvertAll(point, v => new Scalar(v));
        var node = s_cases[operation].Build(leaves);
        var locals = node.LocalDerivatives();
        var expected = new Dictionary<Scalar, double>(ReferenceEqualityComparer.Instance);
        for (int k = 0; k < locals.Count; k++)
        {
            expected[node.Parents[k]] = expected.GetValueOrDefault(node.Parents[k]) + locals[k];
        }

        node.Backward();

        foreach (var (parent, gradient) in expected)
        {
            parent.Grad.Should().BeApproximately(gradient, 1e-12 * Math.Max(1, Math.Abs(gradient)));
        }
    }

    [Fact]
    public void Known_gradients_are_exact()
    {
        var a = new Scalar(3.0);
        var b = new Scalar(-2.0);
        (a * b).Backward();
        a.Grad.Should().Be(-2); // d(ab)/da = b
        b.Grad.Should().Be(3);  // d(ab)/db = a

        var x = new Scalar(2.0);
        x.Pow(3).Backward();
        x.Grad.Should().Be(12); // 3x²

        var y = new Scalar(-5.0);
        y.Relu().Backward();
        y.Grad.Should().Be(0);

        var z = new Scalar(0.0);
        z.Tanh().Backward();
        z.Grad.Should().Be(1); // 1 − tanh²(0)

        var s = new Scalar(0.0);
        s.Sigmoid().Backward();
        s.Grad.Should().Be(0.25); // σ(0)(1 − σ(0))
    }

    [Fact]
    public void Gradients_at_the_kinks_are_zero()
    {
        var r = new Scalar(0.0);
        r.Relu().Backward();
        r.Grad.Should().Be(0);

        var a = new Scalar(0.0);
        a.Abs().Backward();
        a.Grad.Should().Be(0);

        var p = new Scalar(0.0);
        p.Pow(0).Backward();
        p.Grad.Should().Be(0, "a⁰ = 1 is flat even at 0");
    }

    [Fact]
    public void Pow_with_a_negative_base_and_integer_exponent_differentiates_the_base_only()
    {
        var a = new Scalar(-2.0);
        var b = new Scalar(3.0);
        var y = a.Pow(b);
        y.Backward();

        y.Data.Should().Be(-8);
        a.Grad.Should().Be(12); // b·a^(b−1) = 3·4
        b.Grad.Should().Be(double.NaN, "a^b·ln(a) has no real value for a negative base");
    }

    [Fact]
    public void Pow_with_a_zero_base_has_a_zero_exponent_gradient()
    {
        var a = new Scalar(0.0);
        var b = new Scalar(2.0);
        a.Pow(b).Backward();

        a.Grad.Should().Be(0);
        b.Grad.Should().Be(0, "a^b·ln(a) tends to 0 as a → 0 for b > 0");
    }

    [Fact]
    public void Empty_dot_and_sum_are_their_bias_or_zero()
    {
        var b = new Scalar(1.5);
        var withBias = Scalar.Dot([], [], b);
        withBias.Data.Should().Be(1.5);
        withBias.Backward();
        b.Grad.Should().Be(1);

        Scalar.Dot([], []).Data.Should().Be(0);
        Scalar.Sum([]).Data.Should().Be(0);
    }

    [Fact]
    public void Dot_and_sum_copy_their_lists()
    {
        var w = new List<Scalar> { new(2.0) };
        var x = new List<Scalar> { new(3.0) };
        var dot = Scalar.Dot(w, x);
        var sum = Scalar.Sum(w);
        w[0] = new Scalar(100.0);
        x.Clear();

        dot.Parents.Should().HaveCount(2);
        dot.Parents[0].Data.Should().Be(2);
        sum.Parents[0].Data.Should().Be(2);
        dot.Compile().Forward().Should().Be(6);
    }

    [Fact]
    public void Constants_convert_implicitly_on_either_side()
    {
        var x = new Scalar(4.0);
        ((2 * x) + 1).Data.Should().Be(9);
        (1 - x).Data.Should().Be(-3);
        (x / 2).Data.Should().Be(2);
        Scalar.FromDouble(2.5).Data.Should().Be(2.5);
        Scalar.FromDouble(2.5).IsLeaf.Should().BeTrue();
    }

    public static TheoryData<string> Operations => [.. OperationCase.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Operations))]
    public void Op_names_the_operation(string operation)
    {
        var row = s_cases[operation];
        var node = row.Build(Array.ConvertAll(row.Points[0], v => new Scalar(v)));

        node.Op.Should().Be(row.Op);
        node.IsLeaf.Should().BeFalse();
        new Scalar(1).Op.Should().BeEmpty();
    }

    [Fact]
    public void Op_names_constant_exponents_with_the_invariant_culture()
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            new Scalar(2.0).Pow(0.5).Op.Should().Be("**0.5");
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Parents_are_the_operands_in_order()
    {
        var a = new Scalar(1.0);
        var b = new Scalar(2.0);
        var c = new Scalar(3.0);
        var d = new Scalar(4.0);
        var bias = new Scalar(5.0);

        (a - b).Parents.Should().Equal([a, b], ReferenceEquals);
        (b / a).Parents.Should().Equal([b, a], ReferenceEquals);
        (a * a).Parents.Should().Equal([a, a], ReferenceEquals);
        a.Pow(b).Parents.Should().Equal([a, b], ReferenceEquals);
        a.Pow(3).Parents.Should().Equal([a], ReferenceEquals, "the constant exponent is not an operand");
        (-a).Parents.Should().Equal([a], ReferenceEquals);
        a.Tanh().Parents.Should().Equal([a], ReferenceEquals);
        Scalar.Dot([a, b], [c, d], bias).Parents.Should().Equal([a, b, c, d, bias], ReferenceEquals, "weights, then inputs, then the bias");
        Scalar.Dot([a, b], [c, d]).Parents.Should().Equal([a, b, c, d], ReferenceEquals);
        Scalar.Sum([c, a, c]).Parents.Should().Equal([c, a, c], ReferenceEquals);
        a.Parents.Should().BeEmpty();
    }

    [Fact]
    public void Parents_is_a_new_list_every_time()
    {
        var a = new Scalar(1.0);
        var y = a + a;

        y.Parents.Should().NotBeSameAs(y.Parents);
    }

    // ---- Numerics policy: IEEE results, never an exception.

    [Theory]
    [InlineData(1000.0)]
    [InlineData(-1000.0)]
    [InlineData(710.0)]
    [InlineData(-745.5)]
    public void Sigmoid_and_tanh_of_huge_inputs_are_finite_with_finite_gradients(double value)
    {
        var s = new Scalar(value);
        var sigmoid = s.Sigmoid();
        sigmoid.Backward();
        sigmoid.Data.Should().BeInRange(0, 1);
        sigmoid.Data.Should().Be(value > 0 ? 1 : 0);
        double.IsFinite(s.Grad).Should().BeTrue();
        s.Grad.Should().Be(Math.Exp(-Math.Abs(value)), "σ′(a) = σ(a)·σ(−a) = e^−|a| here, kept even where it is subnormal");

        var t = new Scalar(value);
        var tanh = t.Tanh();
        tanh.Backward();
        tanh.Data.Should().Be(Math.Sign(value));
        double.IsFinite(t.Grad).Should().BeTrue();
        t.Grad.Should().Be(0);
    }

    [Fact]
    public void Sigmoid_is_accurate_far_into_the_negative_tail()
    {
        new Scalar(-700.0).Sigmoid().Data.Should().BeApproximately(Math.Exp(-700), Math.Exp(-700) * 1e-12);
    }

    [Fact]
    public void Exp_overflows_to_infinity_without_throwing()
    {
        var x = new Scalar(1000.0);
        var y = x.Exp();
        y.Backward();

        y.Data.Should().Be(double.PositiveInfinity);
        x.Grad.Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Log_of_zero_is_minus_infinity_and_of_a_negative_number_NaN()
    {
        var zero = new Scalar(0.0);
        var logZero = zero.Log();
        logZero.Backward();
        logZero.Data.Should().Be(double.NegativeInfinity);
        zero.Grad.Should().Be(double.PositiveInfinity);

        var negative = new Scalar(-1.0);
        var logNegative = negative.Log();
        logNegative.Backward();
        logNegative.Data.Should().Be(double.NaN);
    }

    [Fact]
    public void Fractional_power_of_a_negative_number_is_NaN()
    {
        var x = new Scalar(-8.0);
        var y = x.Pow(1 / 3.0);
        y.Backward();

        y.Data.Should().Be(double.NaN);
        x.Grad.Should().Be(double.NaN);
    }

    [Fact]
    public void Sqrt_of_a_negative_number_is_NaN_and_its_slope_at_zero_infinite()
    {
        new Scalar(-4.0).Sqrt().Data.Should().Be(double.NaN);

        var zero = new Scalar(0.0);
        zero.Sqrt().Backward();
        zero.Grad.Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Division_by_zero_follows_IEEE()
    {
        (new Scalar(1.0) / 0).Data.Should().Be(double.PositiveInfinity);
        (new Scalar(-1.0) / 0).Data.Should().Be(double.NegativeInfinity);
        (new Scalar(0.0) / 0).Data.Should().Be(double.NaN);
    }

    // ---- Bad arguments: an exception naming the argument.

    private static readonly Scalar s_x = new(1.0);

    private static readonly Dictionary<string, (Action Act, string Parameter)> s_nullArguments = new()
    {
        ["x.Add(null)"] = (() => s_x.Add(null!), "other"),
        ["x.Subtract(null)"] = (() => s_x.Subtract(null!), "other"),
        ["x.Multiply(null)"] = (() => s_x.Multiply(null!), "other"),
        ["x.Divide(null)"] = (() => s_x.Divide(null!), "other"),
        ["x.Pow(null)"] = (() => s_x.Pow(null!), "exponent"),
        ["null + x"] = (() => _ = null! + s_x, "left"),
        ["null - x"] = (() => _ = null! - s_x, "left"),
        ["null * x"] = (() => _ = null! * s_x, "left"),
        ["null / x"] = (() => _ = null! / s_x, "left"),
        ["-null"] = (() => _ = -(Scalar)null!, "value"),
        ["Dot(null, x)"] = (() => Scalar.Dot(null!, [s_x]), "weights"),
        ["Dot(w, null)"] = (() => Scalar.Dot([s_x], null!), "inputs"),
        ["Dot([null], x)"] = (() => Scalar.Dot([null!], [s_x]), "weights"),
        ["Dot(w, [null])"] = (() => Scalar.Dot([s_x], [null!]), "inputs"),
        ["Sum(null)"] = (() => Scalar.Sum(null!), "terms"),
        ["Sum([x, null])"] = (() => Scalar.Sum([s_x, null!]), "terms"),
        ["WithLabel(null)"] = (() => new Scalar(1.0).WithLabel(null!), "label"),
    };

    public static TheoryData<string> NullArguments => [.. s_nullArguments.Keys];

    [Theory]
    [MemberData(nameof(NullArguments))]
    public void Null_arguments_throw_naming_the_parameter(string call)
    {
        var (act, parameter) = s_nullArguments[call];

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be(parameter);
    }

    [Theory]
    [InlineData("+")]
    [InlineData("-")]
    [InlineData("*")]
    [InlineData("/")]
    public void Operators_with_a_null_right_operand_throw(string op)
    {
        NullRightOperand(op).Should().Throw<ArgumentNullException>();
    }

    [Theory]
    [InlineData("+")]
    [InlineData("-")]
    [InlineData("*")]
    [InlineData("/")]
    public void Operators_with_a_null_right_operand_throw_naming_it(string op)
    {
        NullRightOperand(op).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("right");
    }

    private static Action NullRightOperand(string op)
    {
        Scalar right = null!;
        return op switch
        {
            "+" => () => _ = s_x + right,
            "-" => () => _ = s_x - right,
            "*" => () => _ = s_x * right,
            _ => () => _ = s_x / right,
        };
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void WithLabel_rejects_a_blank_label(string label)
    {
        var x = new Scalar(1.0, "x");
        var act = () => x.WithLabel(label);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("label");
        x.Label.Should().Be("x");
    }

    [Fact]
    public void Dot_rejects_lists_of_different_lengths()
    {
        var act = () => Scalar.Dot([s_x, s_x], [s_x]);

        act.Should().Throw<ArgumentException>().Which.Should().Match<ArgumentException>(e =>
            e.ParamName == "inputs" && e.Message.Contains("1 inputs for 2 weights", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1000.0, 1000.0, 1.0)]
    [InlineData(-1000.0, 0.0, 0.0)]
    public void Softplus_of_huge_inputs_is_finite_with_a_finite_gradient(double value, double expected, double slope)
    {
        var x = new Scalar(value);
        var y = x.Softplus();
        y.Backward();

        y.Data.Should().Be(expected);
        x.Grad.Should().Be(slope);
    }

    [Fact]
    public void LogSumExp_of_huge_terms_is_finite_and_its_gradient_is_the_softmax()
    {
        var a = new Scalar(1000.0);
        var b = new Scalar(1000.0);
        var c = new Scalar(-1000.0);
        var y = Scalar.LogSumExp([a, b, c]);
        y.Backward();

        y.Data.Should().BeApproximately(1000 + Math.Log(2), 1e-12);
        a.Grad.Should().BeApproximately(0.5, 1e-12); // e^(x − y) with y ≈ 1000.69 rounded to 1e-13
        b.Grad.Should().BeApproximately(0.5, 1e-12);
        c.Grad.Should().Be(0);
    }

    [Fact]
    public void A_compiled_LogSumExp_shifts_by_the_new_maximum_on_every_forward()
    {
        var a = new Scalar(0.0);
        var b = new Scalar(1.0);
        var graph = Scalar.LogSumExp([a, b]).Compile();

        a.Data = 900;
        b.Data = 901;

        graph.Forward().Should().BeApproximately(901 + Math.Log(1 + Math.Exp(-1)), 1e-12);
    }

    [Fact]
    public void LogSumExp_needs_at_least_one_term()
    {
        var act = () => Scalar.LogSumExp([]);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("terms");
    }

    [Fact]
    public void Relu_keeps_NaN()
    {
        new Scalar(double.NaN).Relu().Data.Should().Be(double.NaN);
    }

    [Fact]
    public void Zero_to_the_power_zero_has_slope_zero_for_a_variable_exponent_as_for_a_constant()
    {
        var a = new Scalar(0.0);
        var b = new Scalar(0.0);
        var y = a.Pow(b);
        y.Backward();

        y.Data.Should().Be(1);
        a.Grad.Should().Be(0);
        b.Grad.Should().Be(0);
    }
}
