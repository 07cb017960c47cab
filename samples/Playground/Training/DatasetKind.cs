namespace AutogradForDummies.Playground.Training;

/// <summary>The data sets of <see cref="AutogradForDummies.Data.Datasets"/>.</summary>
public enum DatasetKind
{
    /// <summary>Two interleaving half moons (two classes).</summary>
    Moons,

    /// <summary>A circle inside a circle (two classes).</summary>
    Circles,

    /// <summary>Gaussian blobs (two or more classes).</summary>
    Blobs,

    /// <summary>Arms of a spiral (two or more classes).</summary>
    Spiral,
}
