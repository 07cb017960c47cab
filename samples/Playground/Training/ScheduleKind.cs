namespace AutogradForDummies.Playground.Training;

/// <summary>How the optimizer's learning rate changes over the steps (<see cref="AutogradForDummies.Optim.LearningRateSchedule"/>).</summary>
public enum ScheduleKind
{
    /// <summary>The same rate at every step.</summary>
    Constant,

    /// <summary>From the rate down to a tenth of it, in a straight line, over the schedule's steps.</summary>
    Linear,

    /// <summary>From the rate down to a tenth of it along half a cosine, over the schedule's steps.</summary>
    Cosine,
}
