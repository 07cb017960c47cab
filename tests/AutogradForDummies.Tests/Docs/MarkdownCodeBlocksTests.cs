using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Docs;

public sealed class MarkdownCodeBlocksTests
{
    [Fact]
    public void Csharp_blocks_are_numbered_and_paired_with_the_text_block_that_follows()
    {
        const string markdown = """
            # Title

            ```csharp
            Console.WriteLine(1);
            ```

            ```text
            1
            ```

            Some prose.

            ```bash
            dotnet test
            ```

            ```csharp skip-until-nn
            var m = new MLP(2, [1]);
            ```
            """;

        var blocks = MarkdownCodeBlocks.Parse(markdown);

        blocks.Should().HaveCount(2);
        blocks[0].Should().Be(new CodeBlock(1, 3, "csharp", "Console.WriteLine(1);", "1"));
        blocks[0].IsSkipped.Should().BeFalse();
        blocks[1].Number.Should().Be(2);
        blocks[1].Info.Should().Be("csharp skip-until-nn");
        blocks[1].IsSkipped.Should().BeTrue();
        blocks[1].ExpectedOutput.Should().BeNull();
    }

    [Fact]
    public void A_text_block_after_prose_is_not_an_expected_output()
    {
        const string markdown = "```csharp\nConsole.WriteLine(2);\n```\nThis prints:\n```text\n2\n```\n";

        MarkdownCodeBlocks.Parse(markdown).Single().ExpectedOutput.Should().BeNull();
    }

    [Fact]
    public void An_unclosed_fence_is_an_error_naming_its_line()
    {
        var act = () => MarkdownCodeBlocks.Parse("text\n```csharp\nConsole.WriteLine(3);\n");

        act.Should().Throw<FormatException>().WithMessage("*line 2*");
    }

    [Fact]
    public void Windows_line_endings_are_read_like_unix_ones()
    {
        var block = MarkdownCodeBlocks.Parse("```csharp\r\nvar x = 1;\r\n```\r\n\r\n```text\r\nok\r\n```\r\n").Single();

        block.Code.Should().Be("var x = 1;");
        block.ExpectedOutput.Should().Be("ok");
    }

    [Fact]
    public void The_command_right_above_a_block_names_its_file()
    {
        const string markdown = """
            ```bash
            dotnet run docs/examples/01-slope.cs
            ```

            ```csharp
            Console.WriteLine(1);
            ```

            Run it with `dotnet run docs/examples/readme-expression.cs`:

            ```csharp
            Console.WriteLine(2);
            ```

            ```bash
            dotnet run docs/examples/02-other.cs
            ```

            Some prose in between.

            ```csharp
            Console.WriteLine(3);
            ```

            ```text
            3
            ```

            ```csharp
            Console.WriteLine(4);
            ```
            """;

        var blocks = MarkdownCodeBlocks.Parse(markdown);

        blocks.Select(b => b.ExampleFile).Should().Equal("docs/examples/01-slope.cs", "docs/examples/readme-expression.cs", null, null);
    }
}
