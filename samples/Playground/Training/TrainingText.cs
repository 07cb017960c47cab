using System.Globalization;

namespace AutogradForDummies.Playground.Training;

/// <summary>How the arena and the generated program report a step, in the same words and digits.</summary>
public static class TrainingText
{
    /// <summary>The report of one step, such as <c>step 100: loss 0.0123, accuracy 100%</c>.</summary>
    public static string Line(TrainingRecord record) => string.Create(CultureInfo.InvariantCulture,
        $"step {record.Step}: loss {record.Loss:G6}, accuracy {record.Accuracy * 100:0.#}%");

    /// <summary>Whether step <paramref name="step"/> of <paramref name="steps"/> is reported: the first, every tenth
    /// of the run, and the last.</summary>
    public static bool Reported(int step, int steps) => step == 1 || step == steps || step % Every(steps) == 0;

    /// <summary>The interval between reported steps.</summary>
    public static int Every(int steps) => Math.Max(1, steps / 10);
}
