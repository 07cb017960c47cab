using System.Reflection;
using System.Reflection.Emit;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Samples.Tests.CommandLine;

public sealed class SampleVersionTests
{
    [Fact]
    public void The_text_names_the_library_and_its_package_version()
    {
        SampleVersion.Text.Should().Be("AutogradForDummies " + SampleVersion.PackageVersion(typeof(Scalar).Assembly));
        SampleVersion.PackageVersion(typeof(Scalar).Assembly).Should().NotContain("+");
    }

    [Theory]
    [InlineData("1.0.0+8d448cb0a1b2c3d4e5f6", "1.0.0")]
    [InlineData("2.1.0-beta.1+abc", "2.1.0-beta.1")]
    [InlineData("1.2.3", "1.2.3")]
    public void The_package_version_drops_the_build_metadata(string informationalVersion, string expected)
    {
        var attribute = new CustomAttributeBuilder(
            typeof(AssemblyInformationalVersionAttribute).GetConstructor([typeof(string)])!, [informationalVersion]);
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Versioned"), AssemblyBuilderAccess.Run, [attribute]);

        SampleVersion.PackageVersion(assembly).Should().Be(expected);
    }

    [Fact]
    public void Without_an_informational_version_the_assembly_version_is_used()
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Plain") { Version = new Version(3, 4, 5, 6) }, AssemblyBuilderAccess.Run);

        SampleVersion.PackageVersion(assembly).Should().Be("3.4.5");
    }
}
