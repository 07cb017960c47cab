using AutogradForDummies.Data;
using AutogradForDummies.Nn;

namespace AutogradForDummies.Samples;

/// <summary>Where a sample writes what it produced: the decision-boundary picture and the trained model.</summary>
internal static class Results
{
    /// <summary>
    /// Writes decision-boundary.png (see <see cref="DecisionBoundaryPlot.Save"/> for the other parameters) and
    /// model.json (readable again with <see cref="ModelFile.Load(string)"/>) into <paramref name="folder"/>.
    /// </summary>
    /// <returns>The exit code: 0, or 1 when training diverged and there is nothing worth saving, or a file could
    /// not be written.</returns>
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

        bool written =
            OutputFiles.TryWrite(
                Path.Combine(folder, "decision-boundary.png"),
                path => DecisionBoundaryPlot.Save(path, title, training, heldOut, classNames, predict))
            && OutputFiles.TryWrite(Path.Combine(folder, "model.json"), path => ModelFile.Save(model, path));
        return written ? 0 : 1;
    }
}
