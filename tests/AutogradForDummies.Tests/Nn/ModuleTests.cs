using AutogradForDummies.Nn;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Nn;

public sealed class ModuleTests
{
    [Fact]
    public void A_custom_module_lists_its_parameters_once_and_caches_them()
    {
        var module = new Affine();

        module.Parameters().Should().Equal(module.Scale, module.Shift);
        module.Parameters().Should().BeSameAs(module.Parameters());
        module.NamedParameters()[1].Key.Should().Be("shift");
        module.ParameterCount.Should().Be(2);
        module.ListCalls.Should().Be(1);
    }

    [Fact]
    public void ZeroGrad_resets_a_custom_modules_parameters()
    {
        var module = new Affine();
        ((module.Scale * 3.0) + module.Shift).Backward();
        module.Scale.Grad.Should().Be(3);

        module.ZeroGrad();

        module.Scale.Grad.Should().Be(0);
        module.Shift.Grad.Should().Be(0);
    }

    [Fact]
    public void A_module_that_lists_a_null_parameter_is_reported()
    {
        FluentActions.Invoking(() => new Broken().Parameters())
            .Should().Throw<InvalidOperationException>().WithMessage("Broken listed its parameter 'w' as null*");
    }

    private sealed class Affine : Module
    {
        public Scalar Scale { get; } = new(2.0);

        public Scalar Shift { get; } = new(0.5);

        public int ListCalls { get; private set; }

        protected override IEnumerable<KeyValuePair<string, Scalar>> ListNamedParameters()
        {
            ListCalls++;
            return [new("scale", Scale), new("shift", Shift)];
        }
    }

    private sealed class Broken : Module
    {
        protected override IEnumerable<KeyValuePair<string, Scalar>> ListNamedParameters() => [new("w", null!)];
    }
}
