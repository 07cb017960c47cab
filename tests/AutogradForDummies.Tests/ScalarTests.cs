using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests;

public sealed class ScalarTests
{
    [Fact]
    public void Sanity_check_matches_pytorch()
    {
        // micrograd's test_sanity_check; the reference values come from PyTorch.
        var x = new Scalar(-4.0);
        var z = (2 * x) + 2 + x;
        var q = z.Relu() + (z * x);
        var h = (z * z).Relu();
        var y = h + q + (q * x);
        y.Backward();

        y.Data.Should().BeApproximately(-20.0, 1e-10);
        x.Grad.Should().BeApproximately(46.0, 1e-10);
    }

    [Fact]
    public void More_ops_match_pytorch()
    {
        // micrograd's test_more_ops; the reference values come from PyTorch.
        var a = new Scalar(-4.0);
        var b = new Scalar(2.0);
        var c = a + b;
        var d = (a * b) + b.Pow(3);
        c += c + 1;
        c += 1 + c + (-a);
        d += (d * 2) + (b + a).Relu();
        d += (3 * d) + (b - a).Relu();
        var e = c - d;
        var f = e.Pow(2);
        var g = f / 2.0;
        g += 10.0 / f;
        g.Backward();

        g.Data.Should().BeApproximately(24.70408163265306, 1e-10);
        a.Grad.Should().BeApproximately(138.83381924198252, 1e-10);
        b.Grad.Should().BeApproximately(645.5772594752186, 1e-10);
    }

    [Fact]
    public void Reused_nodes_get_every_contribution()
    {
        var x = new Scalar(3.0);
        (x - x).Backward();
        x.Grad.Should().Be(0);

        var y = new Scalar(3.0);
        (y / y).Backward();
        y.Grad.Should().Be(0);

        var a = new Scalar(5.0);
        var b = a + a;
        var c = b + b;
        c.Backward();
        a.Grad.Should().Be(4);
    }

    [Fact]
    public void Backward_handles_a_chain_a_million_nodes_deep()
    {
        var x = new Scalar(1.0);
        var y = x;
        for (int i = 0; i < 1_000_000; i++)
        {
            y = y + 1e-6;
        }

        y.Backward();
        x.Grad.Should().Be(1);
        y.Data.Should().BeApproximately(2.0, 1e-6);
    }

    [Fact]
    public void Compiled_graph_matches_dynamic()
    {
        var a = new Scalar(-4.0);
        var b = new Scalar(2.0);
        var loss = ((a * b) + b.Pow(3) - a.Tanh() + Scalar.Dot([a, b], [b, a], a) + Scalar.Sum([a, b, a])).Sigmoid();
        loss.Backward();
        var (ga, gb) = (a.Grad, b.Grad);
        a.Grad = 0;
        b.Grad = 0;
        var graph = loss.Compile();
        graph.Forward().Should().Be(loss.Data);
        graph.Backward();
        a.Grad.Should().Be(ga);
        b.Grad.Should().Be(gb);
    }
}
