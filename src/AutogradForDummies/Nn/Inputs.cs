namespace AutogradForDummies.Nn;

/// <summary>Checks the inputs of a forward pass, and copies them into an array the library owns.</summary>
internal static class Inputs
{
    /// <summary>Copies <paramref name="x"/> into a new array after checking its length and elements: the graph
    /// keeps the array as a node's parents, so it must be one nobody else can change.</summary>
    public static Scalar[] Copy(IReadOnlyList<Scalar> x, int expected, string paramName)
    {
        CheckLength(x, expected, paramName);
        var copy = new Scalar[expected];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = x[i] ?? throw new ArgumentNullException(paramName, $"Input {i} is null.");
        }

        return copy;
    }

    /// <summary>Makes a constant leaf for every number of <paramref name="x"/>, after checking its length.</summary>
    public static Scalar[] Leaves(IReadOnlyList<double> x, int expected, string paramName)
    {
        CheckLength(x, expected, paramName);
        var leaves = new Scalar[expected];
        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i] = new Scalar(x[i]);
        }

        return leaves;
    }

    /// <summary>The numbers of <paramref name="x"/> as an array to read (never written), after checking its length:
    /// <paramref name="x"/> itself when it is an array, else a copy.</summary>
    public static double[] Values(IReadOnlyList<double> x, int expected, string paramName)
    {
        CheckLength(x, expected, paramName);
        return x is double[] array ? array : [.. x];
    }

    /// <summary>Throws unless <paramref name="x"/> is a list of exactly <paramref name="expected"/> entries.</summary>
    internal static void CheckLength<T>(IReadOnlyList<T> x, int expected, string paramName)
    {
        ArgumentNullException.ThrowIfNull(x, paramName);
        if (x.Count != expected)
        {
            throw new ArgumentException($"Expected {expected} inputs but got {x.Count}.", paramName);
        }
    }
}
