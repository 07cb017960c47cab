using System.Globalization;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Docs;

public sealed class SnippetRunnerTests
{
    [Fact]
    public void A_snippet_prints_with_the_invariant_culture_and_the_caller_keeps_its_own()
    {
        var german = new CultureInfo("de-DE");
        if (1.5.ToString(german) != "1,5")
        {
            Assert.Skip("This machine has no culture data (invariant globalization), so there is no other culture to switch from.");
        }

        var (image, _) = SnippetRunner.Compile("Console.WriteLine(1.5);");
        var original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = german;
        try
        {
            var (output, error) = SnippetRunner.Run(image!);
            error.Should().BeNull();
            SnippetRunner.Normalize(output).Should().Be("1.5");
            CultureInfo.CurrentCulture.Should().BeSameAs(german);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void A_warning_fails_the_snippet_like_an_error()
    {
        var (image, problems) = SnippetRunner.Compile("int unused = 1;\nConsole.WriteLine(2);");
        image.Should().BeNull();
        problems.Should().ContainSingle().Which.Should().Contain("CS0219");
    }

    [Fact]
    public void Compile_errors_come_back_as_diagnostics()
    {
        var (image, problems) = SnippetRunner.Compile("var x = new Scalar(1.0);\nx.NoSuchMember();");
        image.Should().BeNull();
        problems.Should().ContainSingle().Which.Should().Contain("CS1061").And.Contain("NoSuchMember");
    }

    [Fact]
    public void What_a_snippet_throws_is_captured_with_its_output()
    {
        var (image, _) = SnippetRunner.Compile("Console.WriteLine(\"before\");\nthrow new InvalidOperationException(\"boom\");");
        var (output, error) = SnippetRunner.Run(image!);
        error.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("boom");
        output.Should().StartWith("before");
    }

    [Fact]
    public void Normalizing_output_ignores_trailing_white_space_and_blank_lines_only()
    {
        SnippetRunner.Normalize("a  \r\n b\t\n\n\n").Should().Be("a\n b");
        SnippetRunner.Normalize("a\n\nb").Should().Be("a\n\nb");
    }
}
