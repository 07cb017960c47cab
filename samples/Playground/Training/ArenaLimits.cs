using System.Globalization;

namespace AutogradForDummies.Playground.Training;

/// <summary>
/// What a browser tab can train interactively. Every step builds (or replays) a graph with about
/// batch × parameters nodes, on one thread that also draws the page; beyond these limits a step takes longer
/// than a frame or two and the arena stops feeling live, so settings past them are brought back, with a message.
/// </summary>
public static class ArenaLimits
{
    /// <summary>The most points a data set may have.</summary>
    public const int MaxPoints = 1000;

    /// <summary>The most hidden layers.</summary>
    public const int MaxHiddenLayers = 4;

    /// <summary>The widest hidden layer.</summary>
    public const int MaxWidth = 32;

    /// <summary>The most classes.</summary>
    public const int MaxClasses = 5;

    /// <summary>The most multiply-adds one step may do: batch size × parameters.</summary>
    public const int MaxWorkPerStep = 250_000;

    /// <summary>Brings settings within the limits and within what each setting allows.</summary>
    /// <param name="settings">The settings as entered.</param>
    /// <param name="messages">Receives one sentence per change, saying why.</param>
    /// <returns>Settings that the arena can train.</returns>
    public static ArenaSettings Apply(ArenaSettings settings, ICollection<string> messages)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(messages);
        var s = settings;

        int minPoints = 2 * s.ClassCount;
        if (s.Points > MaxPoints)
        {
            messages.Add(Say($"Points capped at {MaxPoints}: every step runs every point of a batch through the network on the page's only thread, and more would stall the tab."));
            s = s with { Points = MaxPoints };
        }
        else if (s.Points < minPoints)
        {
            messages.Add(Say($"Points raised to {minPoints}: each class needs at least two points."));
            s = s with { Points = minPoints };
        }

        if (s.Classes is < 2 or > MaxClasses)
        {
            int classes = Math.Clamp(s.Classes, 2, MaxClasses);
            messages.Add(Say($"Classes set to {classes}: the arena draws 2 to {MaxClasses} classes."));
            s = s with { Classes = classes };
        }

        if (!(s.Noise >= 0 && s.Noise <= 2))
        {
            messages.Add("Noise set to 0.1: it must be a number from 0 to 2.");
            s = s with { Noise = 0.1 };
        }

        var hidden = s.HiddenLayers.Where(w => w > 0).ToList();
        if (hidden.Count != s.HiddenLayers.Count)
        {
            messages.Add("Layers of width 0 or less were left out.");
        }

        if (hidden.Count > MaxHiddenLayers)
        {
            messages.Add(Say($"Only the first {MaxHiddenLayers} hidden layers are kept: deeper networks train too slowly here to watch."));
            hidden = hidden.Take(MaxHiddenLayers).ToList();
        }

        if (hidden.Any(w => w > MaxWidth))
        {
            messages.Add(Say($"Hidden layers capped at {MaxWidth} neurons: a wider layer multiplies the graph's size and the tab could not keep up."));
            hidden = hidden.Select(w => Math.Min(w, MaxWidth)).ToList();
        }

        s = s with { HiddenLayers = hidden };

        if (s.ClassCount > 2 && s.Loss != LossKind.SoftmaxCrossEntropy)
        {
            messages.Add(Say($"Loss set to softmax cross-entropy: hinge and binary cross-entropy separate two classes, and this data set has {s.ClassCount}."));
            s = s with { Loss = LossKind.SoftmaxCrossEntropy };
        }

        if (!(s.LearningRate > 0 && double.IsFinite(s.LearningRate)))
        {
            messages.Add("Learning rate set to 0.1: it must be a positive number.");
            s = s with { LearningRate = 0.1 };
        }

        if (!(s.Momentum >= 0 && s.Momentum < 1))
        {
            messages.Add("Momentum set to 0: it must be at least 0 and below 1.");
            s = s with { Momentum = 0 };
        }

        if (s.ScheduleSteps < 1)
        {
            messages.Add("Schedule steps set to 100: the schedule needs at least one step.");
            s = s with { ScheduleSteps = 100 };
        }

        if (!(s.WeightDecay >= 0 && double.IsFinite(s.WeightDecay)))
        {
            messages.Add("Weight decay set to 0.01: it must be a number of at least 0.");
            s = s with { WeightDecay = 0.01 };
        }

        if (!(s.L2 >= 0 && double.IsFinite(s.L2)))
        {
            messages.Add("L2 set to 0: it must be a number of at least 0.");
            s = s with { L2 = 0 };
        }

        if (s.BatchSize < 0)
        {
            s = s with { BatchSize = 0 };
        }

        int parameters = s.ParameterCount;
        if ((long)s.EffectiveBatchSize * parameters > MaxWorkPerStep)
        {
            int batch = Math.Max(1, MaxWorkPerStep / parameters);
            messages.Add(Say($"Batch size set to {batch}: with {parameters} parameters, a batch of {s.EffectiveBatchSize} points means {(long)s.EffectiveBatchSize * parameters} multiply-adds per step, and the arena allows {MaxWorkPerStep} so that training stays live."));
            s = s with { BatchSize = batch };
        }

        return s;
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
