using AutogradForDummies.Playground.Backprop;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Backprop;

public sealed class LocalDerivativesTests
{
    public static TheoryData<string> Operations() =>
        ["+", "-", "*", "/", "neg", "**", "**2.5", "relu", "tanh", "sigmoid", "exp", "log", "abs", "sqrt", "softplus", "sum", "logsumexp", "dot"];

    [Theory]
    [MemberData(nameof(Operations))]
    public void Each_local_derivative_matches_a_central_finite_difference(string operation)
    {
        var parents = new[] { new Scalar(0.8), new Scalar(1.7), new Scalar(-0.4), new Scalar(0.9), new Scalar(1.1) };
        Func<Scalar[], Scalar> make = operation switch
        {
            "+" => p => p[0] + p[1],
            "-" => p => p[0] - p[1],
            "*" => p => p[0] * p[1],
            "/" => p => p[0] / p[1],
            "neg" => p => -p[0],
            "**" => p => p[0].Pow(p[1]),
            "**2.5" => p => p[0].Pow(2.5),
            "relu" => p => p[0].Relu(),
            "tanh" => p => p[0].Tanh(),
            "sigmoid" => p => p[0].Sigmoid(),
            "exp" => p => p[0].Exp(),
            "log" => p => p[0].Log(),
            "abs" => p => p[2].Abs(),
            "sqrt" => p => p[0].Sqrt(),
            "softplus" => p => p[2].Softplus(),
            "sum" => p => Scalar.Sum([p[0], p[1], p[2]]),
            "logsumexp" => p => Scalar.LogSumExp([p[0], p[1], p[2]]),
            _ => p => Scalar.Dot([p[0], p[1]], [p[2], p[3]], p[4]),
        };
        var node = make(parents);

        double[] local = LocalDerivatives.Of(node);

        local.Should().HaveCount(node.Parents.Count);
        for (int k = 0; k < local.Length; k++)
        {
            var parent = node.Parents[k];
            double x = parent.Data;
            const double h = 1e-6;
            parent.Data = x + h;
            double up = make(parents).Data;
            parent.Data = x - h;
            double down = make(parents).Data;
            parent.Data = x;
            local[k].Should().BeApproximately((up - down) / (2 * h), 1e-6, $"d({operation})/d(parent {k})");
        }
    }

    [Fact]
    public void The_conventions_at_the_kinks_are_the_librarys()
    {
        LocalDerivatives.Of(new Scalar(0).Relu()).Should().Equal(0);
        LocalDerivatives.Of(new Scalar(0).Abs()).Should().Equal(0);
        LocalDerivatives.Of(new Scalar(0).Pow(0)).Should().Equal(0);
        LocalDerivatives.Of(new Scalar(0).Pow(new Scalar(2))).Should().Equal(0, 0);
    }

    [Fact]
    public void A_leaf_has_none()
    {
        LocalDerivatives.Of(new Scalar(3)).Should().BeEmpty();
    }
}
