using AutogradForDummies.Nn;
using AutogradForDummies.Optim;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Optim;

public sealed class OptimizerTests
{
    [Fact]
    public void Step_passes_the_step_number_from_zero_and_then_counts_it()
    {
        var optimizer = new Recording([new Scalar(0)]);

        optimizer.Step();
        optimizer.Step();
        optimizer.Step();

        optimizer.Seen.Should().Equal(0, 1, 2);
        optimizer.StepCount.Should().Be(3);
    }

    [Fact]
    public void ZeroGrad_resets_the_gradients_of_its_parameters()
    {
        var model = new MLP(2, [3, 1], seed: 1);
        model.Forward([1.0, -1.0])[0].Backward();
        var optimizer = new Recording(model.Parameters());

        optimizer.ZeroGrad();

        model.Parameters().Should().OnlyContain(p => p.Grad == 0);
    }

    [Fact]
    public void It_keeps_its_own_copy_of_the_parameter_list()
    {
        var a = new Scalar(1);
        var list = new List<Scalar> { a };
        var optimizer = new Recording(list);

        list.Add(new Scalar(2));

        optimizer.Parameters.Should().Equal(a);
        optimizer.Parameters.Should().NotBeAssignableTo<Scalar[]>();
    }

    [Fact]
    public void Empty_null_or_repeated_parameters_are_rejected()
    {
        var a = new Scalar(1);

        FluentActions.Invoking(() => new Recording(null!)).Should().Throw<ArgumentNullException>().WithParameterName("parameters");
        FluentActions.Invoking(() => new Recording([]))
            .Should().Throw<ArgumentException>().WithParameterName("parameters").WithMessage("There are no parameters*");
        FluentActions.Invoking(() => new Recording([a, null!]))
            .Should().Throw<ArgumentNullException>().WithParameterName("parameters").WithMessage("parameters[1] is null*");
        FluentActions.Invoking(() => new Recording([a, new Scalar(1), a]))
            .Should().Throw<ArgumentException>().WithParameterName("parameters").WithMessage("parameters[2] appears twice*");
    }

    private sealed class Recording(IReadOnlyList<Scalar> parameters) : Optimizer(parameters)
    {
        public List<int> Seen { get; } = [];

        protected override void Update(ReadOnlySpan<Scalar> parameters, int stepIndex) => Seen.Add(stepIndex);
    }
}
