using System.Globalization;
using System.Numerics;
using AutogradForDummies.Tests.Docs;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests;

/// <summary>
/// What users of micrograd and PyTorch reach for first: local derivatives, comparisons, conversion and formatting,
/// Detach, static forms, generic math, and a refusal to set the value of a computed node.
/// </summary>
public sealed class ScalarApiTests
{
    [Fact]
    public void LocalDerivatives_are_each_parents_partial_derivative_at_the_current_values()
    {
        var a = new Scalar(2.0);
        var b = new Scalar(5.0);
        var w = new Scalar(-3.0);
        var x = new Scalar(0.5);
        var bias = new Scalar(1.0);

        (a * b).LocalDerivatives().Should().Equal(5, 2);             // d(ab)/da = b, d(ab)/db = a
        (a * a).LocalDerivatives().Should().Equal(2, 2);             // one entry per occurrence: a and a
        (a / b).LocalDerivatives().Should().Equal(1 / 5.0, -0.4 / 5); // 1/b and −a/b² = −y/b
        (a - b).LocalDerivatives().Should().Equal(1, -1);
        a.Pow(3).LocalDerivatives().Should().Equal(12);
        new Scalar(-1.0).Relu().LocalDerivatives().Should().Equal(0);
        Scalar.Dot([w], [x], bias).LocalDerivatives().Should().Equal(0.5, -3, 1); // x for w, w for x, 1 for the bias
        Scalar.Mean([a, b, a, b]).LocalDerivatives().Should().Equal(0.25, 0.25, 0.25, 0.25);
        Scalar.Max(a, b).LocalDerivatives().Should().Equal(0, 1);
        Scalar.Max(a, a).LocalDerivatives().Should().Equal([0.5, 0.5], "a tie splits the gradient");
        a.LocalDerivatives().Should().BeEmpty();
    }

    [Fact]
    public void Comparisons_compare_values_with_scalars_and_numbers()
    {
        var small = new Scalar(1.0);
        var big = new Scalar(2.0);
        var nan = new Scalar(double.NaN);

        (small < big).Should().BeTrue();
        (big > small).Should().BeTrue();
        (small <= new Scalar(1.0)).Should().BeTrue();
        (small >= new Scalar(1.0)).Should().BeTrue();
        (small < 1.5).Should().BeTrue();
        (small > 1.5).Should().BeFalse();
        (big >= 2).Should().BeTrue();
        (0.5 < small).Should().BeTrue();
        (3.0 <= big).Should().BeFalse();
        (nan < big || nan > big || nan <= big || nan >= big).Should().BeFalse("every comparison with NaN is false");
    }

    [Fact]
    public void Equality_is_identity_and_comparing_with_a_number_does_not_compile()
    {
        var a = new Scalar(1.0);
        var b = new Scalar(1.0);
        var alias = a;

        (a == alias).Should().BeTrue();
        (a == b).Should().BeFalse("two nodes with the same value are still two nodes");
        (a != b).Should().BeTrue();
        a.Equals(b).Should().BeFalse();
        a.GetHashCode().Should().Be(alias.GetHashCode());
        (a == null).Should().BeFalse();

        var (image, problems) = SnippetRunner.Compile("var x = new Scalar(1.0);\nConsole.WriteLine(x == 1.0);");
        image.Should().BeNull();
        problems.Should().Contain(p => p.Contains("CS0619", StringComparison.Ordinal) && p.Contains("x.Data == 0", StringComparison.Ordinal));
    }

    [Fact]
    public void CompareTo_orders_by_value_so_scalars_sort()
    {
        Scalar[] values = [new(3), new(-1), new(double.NaN), new(2)];

        Array.Sort(values);

        values.Select(v => v.Data).Should().Equal(double.NaN, -1, 2, 3);
        new Scalar(1).CompareTo(null).Should().BePositive();
    }

    [Fact]
    public void A_format_string_formats_the_value_and_no_format_describes_the_node()
    {
        var x = new Scalar(2.0 / 3);

        $"{x:F2}".Should().Be(0.67.ToString("F2", CultureInfo.CurrentCulture));
        x.ToString("F3", CultureInfo.InvariantCulture).Should().Be("0.667");
        x.ToString("F3", CultureInfo.GetCultureInfo("de-DE")).Should().Be("0,667");
        x.ToString(null, null).Should().Be(x.ToString());
        $"{new Scalar(2.5)}".Should().Be("Scalar(data=2.5, grad=0)");
    }

    [Fact]
    public void A_scalar_converts_explicitly_to_its_value()
    {
        var x = new Scalar(4.25);

        ((double)x).Should().Be(4.25);
        x.ToDouble().Should().Be(4.25);
        FluentActions.Invoking(() => (double)(Scalar)null!).Should().Throw<ArgumentNullException>().WithParameterName("value");
    }

    [Fact]
    public void Detach_gives_a_leaf_with_the_same_value_that_no_gradient_flows_through()
    {
        var x = new Scalar(3.0);
        var y = x * x;

        var frozen = y.Detach();
        var z = frozen * x;
        z.Backward();

        frozen.IsLeaf.Should().BeTrue();
        frozen.Data.Should().Be(9);
        x.Grad.Should().Be(9, "only the direct path through x counts: d(9x)/dx");
        y.Grad.Should().Be(0);
    }

    [Fact]
    public void Setting_the_value_of_a_computed_node_is_refused_and_a_leaf_accepts_it()
    {
        var a = new Scalar(2.0);
        var y = a * 3;

        FluentActions.Invoking(() => y.Data = 5).Should().Throw<InvalidOperationException>()
            .WithMessage("*result of '*'*Detach()*");
        y.Data.Should().Be(6);

        a.Data = 4;
        a.Data.Should().Be(4);
    }

    [Fact]
    public void Generic_code_written_against_the_operator_interfaces_builds_a_graph_that_differentiates()
    {
        var x = new Scalar(3.0);
        var y = new Scalar(-2.0);

        var z = Polynomial(x, y); // x·x·y + x − y, through the interfaces only
        z.Backward();

        z.Data.Should().Be(-13);
        x.Grad.Should().Be((2 * 3 * -2) + 1);
        y.Grad.Should().Be((3 * 3) - 1);
        Polynomial(3.0, -2.0).Should().Be(-13, "the same generic code on plain doubles");
        Largest([new Scalar(1), new Scalar(7), new Scalar(4)]).Data.Should().Be(7);
        Total<Scalar>([new Scalar(1), new Scalar(2)]).Data.Should().Be(3);
        (+x).Should().BeSameAs(x);
    }

    [Fact]
    public void The_static_forms_build_the_same_nodes_as_the_methods()
    {
        var a = new Scalar(0.7);
        var b = new Scalar(-1.3);

        Scalar.Tanh(a).Data.Should().Be(a.Tanh().Data);
        Scalar.Exp(a).Data.Should().Be(a.Exp().Data);
        Scalar.Log(a).Data.Should().Be(a.Log().Data);
        Scalar.Sigmoid(b).Data.Should().Be(b.Sigmoid().Data);
        Scalar.Relu(b).Data.Should().Be(0);
        Scalar.LeakyRelu(b).Data.Should().Be(b.LeakyRelu().Data);
        Scalar.Abs(b).Data.Should().Be(1.3);
        Scalar.Sqrt(a).Data.Should().Be(a.Sqrt().Data);
        Scalar.Softplus(b).Data.Should().Be(b.Softplus().Data);
        Scalar.Pow(a, 2.0).Data.Should().Be(a.Pow(2).Data);
        Scalar.Pow(a, b).Data.Should().Be(a.Pow(b).Data);
        Scalar.Clamp(b, -1, 1).Data.Should().Be(-1);
        Scalar.Max(a, b).Data.Should().Be(0.7);
        Scalar.Min(a, b).Data.Should().Be(-1.3);
        Scalar.Max(a, 2.0).Data.Should().Be(2, "a number converts to a constant leaf");
    }

    [Fact]
    public void Bad_arguments_of_the_new_operations_are_refused_naming_the_argument()
    {
        var x = new Scalar(1.0);

        FluentActions.Invoking(() => x.LeakyRelu(double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("slope");
        FluentActions.Invoking(() => x.LeakyRelu(double.PositiveInfinity)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("slope");
        FluentActions.Invoking(() => x.Clamp(2, 1)).Should().Throw<ArgumentException>().WithParameterName("min");
        FluentActions.Invoking(() => x.Clamp(double.NaN, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("min");
        FluentActions.Invoking(() => x.Clamp(0, double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("max");
        FluentActions.Invoking(() => Scalar.Mean([])).Should().Throw<ArgumentException>().WithParameterName("terms");
        FluentActions.Invoking(() => Scalar.Mean(null!)).Should().Throw<ArgumentNullException>().WithParameterName("terms");
        FluentActions.Invoking(() => Scalar.Max(null!, x)).Should().Throw<ArgumentNullException>().WithParameterName("a");
        FluentActions.Invoking(() => Scalar.Min(x, null!)).Should().Throw<ArgumentNullException>().WithParameterName("b");
        FluentActions.Invoking(() => Scalar.Tanh(null!)).Should().Throw<ArgumentNullException>().WithParameterName("x");
        FluentActions.Invoking(() => _ = x < (Scalar)null!).Should().Throw<ArgumentNullException>().WithParameterName("right");
        x.Clamp(1, 1).Data.Should().Be(1, "equal bounds are allowed");
        x.Clamp(double.NegativeInfinity, double.PositiveInfinity).Data.Should().Be(1);
    }

    [Fact]
    public void Labels_live_beside_the_graph_and_can_be_changed_or_removed()
    {
        var x = new Scalar(1.0, "x");
        var y = (x + 1).WithLabel("y");

        x.Label.Should().Be("x");
        y.Label.Should().Be("y");
        (x * 2).Label.Should().BeNull();
        y.Label = "renamed";
        y.Label.Should().Be("renamed");
        y.Label = null;
        y.Label.Should().BeNull();
    }

    private static T Polynomial<T>(T x, T y)
        where T : IAdditionOperators<T, T, T>, ISubtractionOperators<T, T, T>, IMultiplyOperators<T, T, T> => (x * x * y) + x - y;

    private static T Largest<T>(IEnumerable<T> values)
        where T : IComparisonOperators<T, T, bool>
    {
        T best = values.First();
        foreach (var value in values)
        {
            best = value > best ? value : best;
        }

        return best;
    }

    private static T Total<T>(IEnumerable<T> values)
        where T : IAdditionOperators<T, T, T>, IAdditiveIdentity<T, T>
    {
        T total = T.AdditiveIdentity;
        foreach (var value in values)
        {
            total += value;
        }

        return total;
    }
}
