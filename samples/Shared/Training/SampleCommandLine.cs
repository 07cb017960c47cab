using System.CommandLine;

namespace AutogradForDummies.Samples;

/// <summary>
/// The command line every training sample has: --seed, --steps, --learning-rate, --output and --compiled (and
/// --help and --version), with the sample's own defaults and wording. It checks what it was given before the
/// sample runs.
/// </summary>
internal sealed class SampleCommandLine
{
    /// <summary>What the sample does, shown by --help.</summary>
    public required string Description { get; init; }

    /// <summary>The default of --seed.</summary>
    public required int DefaultSeed { get; init; }

    /// <summary>What --seed seeds.</summary>
    public required string SeedDescription { get; init; }

    /// <summary>The default of --steps.</summary>
    public required int DefaultSteps { get; init; }

    /// <summary>The default of --learning-rate.</summary>
    public required double DefaultLearningRate { get; init; }

    /// <summary>How the sample uses --learning-rate.</summary>
    public required string LearningRateDescription { get; init; }

    /// <summary>The default of --output.</summary>
    public required string DefaultOutput { get; init; }

    /// <summary>
    /// Parses <paramref name="args"/>; unless they ask for help or are wrong, checks the settings, creates the
    /// output folder and calls <paramref name="train"/>.
    /// </summary>
    /// <returns>The exit code: 0 when the sample ran (or help was shown), 1 when the arguments were wrong or
    /// <paramref name="train"/> reported a failure.</returns>
    public int Run(string[] args, Func<TrainingSettings, int> train)
    {
        var seed = new Option<int>("--seed")
        {
            Description = SeedDescription,
            DefaultValueFactory = _ => DefaultSeed,
        };
        var steps = new Option<int>("--steps")
        {
            Description = "Number of full-batch training steps",
            DefaultValueFactory = _ => DefaultSteps,
        };
        var learningRate = new Option<double>("--learning-rate")
        {
            Description = LearningRateDescription,
            DefaultValueFactory = _ => DefaultLearningRate,
        };
        var output = new Option<string>("--output")
        {
            Description = "Folder for the decision-boundary picture and the model file",
            DefaultValueFactory = _ => DefaultOutput,
        };
        var compiled = new Option<bool>("--compiled")
        {
            Description = "Build the loss graph once and replay it with Compile() instead of rebuilding it every step",
        };

        var root = new RootCommand(Description) { seed, steps, learningRate, output, compiled };
        SampleVersion.Use(root);
        root.SetAction(parseResult =>
        {
            var settings = new TrainingSettings(
                parseResult.GetValue(seed),
                parseResult.GetValue(steps),
                parseResult.GetValue(learningRate),
                parseResult.GetValue(output)!,
                parseResult.GetValue(compiled));
            string? problem = settings.Problem();
            if (problem is not null)
            {
                Console.Error.WriteLine(problem);
                return 1;
            }

            if (!OutputFiles.TryCreateFolder(settings.Output))
            {
                return 1;
            }

            return train(settings);
        });

        return root.Parse(args).Invoke();
    }
}
