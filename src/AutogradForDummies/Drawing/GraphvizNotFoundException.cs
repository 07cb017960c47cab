namespace AutogradForDummies;

/// <summary>
/// Thrown by <see cref="GraphvizRenderer"/> when Graphviz's <c>dot</c> program is not installed.
/// The message says how to install it.
/// </summary>
public sealed class GraphvizNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception with the standard message.</summary>
    public GraphvizNotFoundException()
        : base(
            "Graphviz's 'dot' program was not found on the PATH, so the graph cannot be rendered to an image. " +
            "Install Graphviz (Debian/Ubuntu: 'sudo apt-get install graphviz'; macOS: 'brew install graphviz'; " +
            "Windows: 'winget install graphviz') or render the text of Scalar.ToDot() with any Graphviz tool.")
    {
    }

    /// <summary>Creates the exception with a custom message.</summary>
    /// <param name="message">The message.</param>
    public GraphvizNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a custom message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public GraphvizNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
