using AutogradForDummies.Nn;
using AutogradForDummies.Playground.Training;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Training;

[Collection(SerialBuilds.Name)]
public sealed class ProgramGeneratorTests
{
    [Fact]
    public void The_package_line_names_the_librarys_version()
    {
        string project = File.ReadAllText(Browser.Repository.Path("src/AutogradForDummies/AutogradForDummies.csproj"));
        var version = System.Text.RegularExpressions.Regex.Match(project, "<Version>(?<version>[^<]+)</Version>").Groups["version"].Value;
        version.Should().NotBeEmpty("the library's project sets <Version>");

        ProgramGenerator.PackageVersion.Should().Be(version);
        ProgramGenerator.Generate(new ArenaSettings(), 10).Should().Contain($"#:package AutogradForDummies@{version}");
    }

    public static TheoryData<string, ArenaSettings, int> Setups() => new()
    {
        {
            "spiral-adamw-compiled-batches",
            new ArenaSettings
            {
                Dataset = DatasetKind.Spiral, Points = 90, Classes = 3, Noise = 0.2, Seed = 5, HiddenLayers = [8, 8],
                Activation = Activation.LeakyRelu, Loss = LossKind.SoftmaxCrossEntropy, Optimizer = OptimizerKind.AdamW,
                LearningRate = 0.02, Schedule = ScheduleKind.Cosine, ScheduleSteps = 20, WeightDecay = 0.05, L2 = 0,
                BatchSize = 32, Compiled = true,
            },
            25
        },
        {
            "circles-bce-momentum-cosine",
            new ArenaSettings
            {
                Dataset = DatasetKind.Circles, Points = 80, Noise = 0.05, Seed = 1, HiddenLayers = [6],
                Activation = Activation.Sigmoid, Loss = LossKind.BinaryCrossEntropy, Optimizer = OptimizerKind.SGD,
                LearningRate = 0.5, Momentum = 0.9, Schedule = ScheduleKind.Cosine, ScheduleSteps = 20, L2 = 1e-3,
            },
            30
        },
    };

    [Theory]
    [MemberData(nameof(Setups))]
    public async Task The_generated_program_trains_exactly_as_the_arena_does(string name, ArenaSettings settings, int steps)
    {
        var trainer = new Trainer(settings);
        var expected = new List<string>();
        for (int i = 0; i < steps; i++)
        {
            var record = trainer.Step();
            if (TrainingText.Reported(record.Step, steps))
            {
                expected.Add(TrainingText.Line(record));
            }
        }

        var printed = await GeneratedProgram.RunAsync(ProgramGenerator.Generate(settings, steps), name);

        printed.Should().Equal(expected);
    }

    [Fact]
    public void The_program_names_every_setting_it_uses()
    {
        var settings = new ArenaSettings { Dataset = DatasetKind.Blobs, Classes = 4, Noise = 1.5, Optimizer = OptimizerKind.Adam, LearningRate = 0.003, BatchSize = 20, Loss = LossKind.SoftmaxCrossEntropy };

        string program = ProgramGenerator.Generate(settings, 40);

        program.Should().Contain("Datasets.MakeBlobs(100, centers: 4, std: 1.5, seed: 2)")
            .And.Contain("new MLP(2, [16, 16, 4], Activation.Relu, seed: 2)")
            .And.Contain("new Adam(model.Parameters(), LearningRateSchedule.Linear(0.003, 0.00030000000000000003, 100))")
            .And.Contain("new Random(2).Shuffle(order);")
            .And.Contain("order.Chunk(20)")
            .And.Contain("Losses.L2(model.Parameters(), 0.0001)")
            .And.Contain("const int Steps = 40;")
            .And.Contain("#:project src/AutogradForDummies")
            .And.Contain("#:package AutogradForDummies@");
        program.Should().NotContain("\r");
    }

    [Fact]
    public void Generate_refuses_a_run_of_no_steps_and_a_blank_project_path()
    {
        var noSteps = () => ProgramGenerator.Generate(new ArenaSettings(), 0);
        var noPath = () => ProgramGenerator.Generate(new ArenaSettings(), 10, " ");

        noSteps.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("steps");
        noPath.Should().Throw<ArgumentException>().WithParameterName("projectPath");
    }
}
