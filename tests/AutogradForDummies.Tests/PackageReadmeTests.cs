using System.Text.RegularExpressions;
using AutogradForDummies.Tests.Docs;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests;

/// <summary>
/// The package's own readme (src/AutogradForDummies/PACKAGE.md, packed as README.md): nuget.org shows it on the
/// package's page, where relative links lead nowhere, so every link must be absolute; and its example must be the
/// README's, which the test suite and the package smoke test run.
/// </summary>
public sealed partial class PackageReadmeTests
{
    private static string PackageReadme => File.ReadAllText(Repository.FullPath("src/AutogradForDummies/PACKAGE.md"));

    [Fact]
    public void Every_link_and_image_is_absolute()
    {
        var targets = LinkTargets().Matches(PackageReadme).Select(m => m.Groups[1].Value).ToList();

        targets.Should().NotBeEmpty();
        targets.Should().OnlyContain(t => t.StartsWith("https://", StringComparison.Ordinal), "nuget.org cannot follow relative links");
    }

    [Fact]
    public void Images_are_pngs_from_the_repository_s_raw_files()
    {
        var images = ImageTargets().Matches(PackageReadme).Select(m => m.Groups[1].Value).ToList();

        images.Should().NotBeEmpty();
        images.Should().OnlyContain(
            i => i.StartsWith("https://raw.githubusercontent.com/", StringComparison.Ordinal) && i.EndsWith(".png", StringComparison.Ordinal),
            "nuget.org shows images from trusted hosts only, and no SVG");
        foreach (string image in images)
        {
            string relative = image[(image.IndexOf("/main/", StringComparison.Ordinal) + "/main/".Length)..];
            File.Exists(Repository.FullPath(relative)).Should().BeTrue($"{relative} exists in the repository");
        }
    }

    [Fact]
    public void Its_example_and_output_are_the_READMEs_first_example_and_output()
    {
        string readme = File.ReadAllText(Repository.FullPath("README.md"));

        FirstBlock(PackageReadme, "csharp").Should().Be(FirstBlock(readme, "csharp"));
        FirstBlock(PackageReadme, "text").Should().Be(FirstBlock(readme, "text"));
    }

    private static string FirstBlock(string markdown, string info)
    {
        var match = Regex.Match(markdown, "```" + info + "\n(.*?)```", RegexOptions.Singleline);
        match.Success.Should().BeTrue($"there is a ```{info} block");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkTargets();

    [GeneratedRegex(@"!\[[^\]]*\]\(([^)\s]+)\)")]
    private static partial Regex ImageTargets();
}
