using AutogradForDummies.Data;
using AutogradForDummies.Nn;

namespace AutogradForDummies.Samples;

/// <summary>Where a sample writes what it produced: the decision-boundary picture and the trained model.</summary>
internal static class Results
{
    /// <summary>Creates the output folder before training, so a bad --output fails fast.</summary>
    /// <returns>False, after saying why on the error output, when the folder cannot be created.</returns>
    public static bool TryCreateFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Console.Error.WriteLine($"Cannot create the output folder '{folder}': {e.Message}");
            return false;
        }
    }

    /// <summary>
    /// Writes decision-boundary.png (see <see cref="DecisionBoundaryPlot.Save"/> for the other parameters) and
    /// model.json (readable again with <see cref="ModelFile.Load(string)"/>) into <paramref name="folder"/>.
    /// </summary>
    /// <returns>The exit code: 0, or 1 when training diverged and there is nothing worth saving.</returns>
    public static int Save(
        string folder,
        MLP model,
        string title,
        Dataset training,
        Dataset? heldOut,
        IReadOnlyList<string> classNames,
        Func<double, double, int> predict)
    {
        foreach (var parameter in model.Parameters())
        {
            if (!double.IsFinite(parameter.Data))
            {
                Console.Error.WriteLine(
                    "Training diverged: the weights are no longer finite numbers. Try a smaller --learning-rate. Nothing was written.");
                return 1;
            }
        }

        string picturePath = Path.Combine(folder, "decision-boundary.png");
        DecisionBoundaryPlot.Save(picturePath, title, training, heldOut, classNames, predict);
        Console.WriteLine($"wrote {picturePath}");

        string modelPath = Path.Combine(folder, "model.json");
        ModelFile.Save(model, modelPath);
        Console.WriteLine($"wrote {modelPath}");
        return 0;
    }
}
