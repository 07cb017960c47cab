using System.Text;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests;

/// <summary>The one place that writes the library's files: path checks first, then write-to-temporary-and-rename.</summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("output-file-tests-");

    public void Dispose() => _folder.Dispose();

    private string PathOf(string name) => _folder.PathOf(name);

    private static void WriteText(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Resolve_returns_the_full_path_of_a_file_in_an_existing_folder()
    {
        OutputFile.Resolve(PathOf("a.json"), "path").Should().Be(PathOf("a.json"));
        OutputFile.Resolve("relative.json", "path").Should().Be(Path.GetFullPath("relative.json"));
    }

    [Fact]
    public void Resolve_refuses_blank_paths_folders_and_missing_folders_naming_the_argument()
    {
        Directory.CreateDirectory(PathOf("folder"));

        FluentActions.Invoking(() => OutputFile.Resolve(" ", "target")).Should().Throw<ArgumentException>().WithParameterName("target");
        FluentActions.Invoking(() => OutputFile.Resolve(null!, "target")).Should().Throw<ArgumentNullException>().WithParameterName("target");
        FluentActions.Invoking(() => OutputFile.Resolve(PathOf("folder"), "target"))
            .Should().Throw<ArgumentException>().WithParameterName("target").WithMessage("'*folder' names a folder; give the path of the file to write.*");
        FluentActions.Invoking(() => OutputFile.Resolve(_folder.FullName + Path.DirectorySeparatorChar, "target"))
            .Should().Throw<ArgumentException>().WithParameterName("target").WithMessage("*names a folder*");
        FluentActions.Invoking(() => OutputFile.Resolve(Path.Combine(PathOf("missing"), "a.json"), "target"))
            .Should().Throw<ArgumentException>().WithParameterName("target").WithMessage("The folder of the file to write does not exist: '*missing'.*");
    }

    [Fact]
    public void Write_replaces_the_file_through_a_hidden_temporary_file_beside_it()
    {
        string path = PathOf("a.json");
        File.WriteAllText(path, "old");
        string? temporary = null;

        OutputFile.Write(path, "path", (Stream stream) =>
        {
            temporary = ((FileStream)stream).Name;
            WriteText(stream, "new");
        });

        File.ReadAllText(path).Should().Be("new");
        Path.GetDirectoryName(temporary).Should().Be(_folder.FullName);
        Path.GetFileName(temporary).Should().StartWith(".a.json.").And.EndWith(".tmp");
        _folder.Info.GetFiles().Should().ContainSingle();
    }

    [Fact]
    public void A_file_name_as_long_as_the_file_system_allows_still_gets_a_temporary_file()
    {
        string path = PathOf(new string('n', 250) + ".json");

        OutputFile.Write(path, "path", (Stream stream) => WriteText(stream, "{}"));

        File.ReadAllText(path).Should().Be("{}");
        _folder.Info.GetFiles().Should().ContainSingle();
    }

    [Fact]
    public void A_failed_write_names_the_callers_path_keeps_the_old_file_and_removes_the_temporary_one()
    {
        string path = PathOf("a.json");
        File.WriteAllText(path, "old");

        var thrown = FluentActions.Invoking(() => OutputFile.Write(path, "path", (string temporary) =>
        {
            File.WriteAllText(temporary, "half");
            throw new IOException($"No space left on device : '{temporary}'");
        })).Should().Throw<IOException>().Which;

        thrown.Message.Should().Be($"Could not write '{path}': No space left on device : '{path}'");
        thrown.InnerException.Should().BeOfType<IOException>();
        File.ReadAllText(path).Should().Be("old");
        _folder.Info.GetFiles().Should().ContainSingle();
    }

    [Fact]
    public void A_refused_write_stays_an_UnauthorizedAccessException_naming_the_callers_path()
    {
        string path = PathOf("a.json");

        var thrown = FluentActions.Invoking(() => OutputFile.Write(path, "path", (string temporary) =>
            throw new UnauthorizedAccessException($"Access to the path '{temporary}' is denied.")))
            .Should().Throw<UnauthorizedAccessException>().Which;

        thrown.Message.Should().Be($"Could not write '{path}': Access to the path '{path}' is denied.");
        _folder.Info.GetFiles().Should().BeEmpty();
    }

    [Fact]
    public void Other_failures_of_the_writer_pass_through_unchanged_and_leave_nothing_behind()
    {
        string path = PathOf("a.json");
        var failure = new InvalidOperationException("the writer's own reason");

        FluentActions.Invoking(() => OutputFile.Write(path, "path", (Stream stream) =>
        {
            WriteText(stream, "half");
            throw failure;
        })).Should().Throw<InvalidOperationException>().Which.Should().BeSameAs(failure);

        _folder.Info.GetFiles().Should().BeEmpty();
    }

    [Fact]
    public void A_bad_path_is_refused_before_the_writer_runs()
    {
        bool ran = false;

        FluentActions.Invoking(() => OutputFile.Write(_folder.FullName, "outputPath", (Stream _) => ran = true))
            .Should().Throw<ArgumentException>().WithParameterName("outputPath");

        ran.Should().BeFalse();
    }
}
