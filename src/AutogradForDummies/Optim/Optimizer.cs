namespace AutogradForDummies.Optim;

/// <summary>
/// Updates parameters from their gradients, one <see cref="Step"/> at a time: the "descent" in gradient descent.
/// </summary>
/// <remarks>
/// <para>A training step is: compute the loss, <see cref="ZeroGrad"/>, <c>loss.Backward()</c>, <see cref="Step"/>.
/// An optimizer only reads each parameter's <see cref="Scalar.Grad"/> and writes its <see cref="Scalar.Data"/>, so it
/// works the same whether the gradients come from <see cref="Scalar.Backward"/> or from a
/// <see cref="CompiledGraph"/>.</para>
/// <para>Steps allocate nothing: any state (momentum, moment estimates) lives in arrays created with the optimizer.</para>
/// </remarks>
public abstract class Optimizer
{
    private readonly Scalar[] _parameters;

    /// <summary>Takes charge of <paramref name="parameters"/> (a copy of the list: later changes to it do not matter).</summary>
    /// <param name="parameters">The parameters to optimize, usually <c>model.Parameters()</c>; each at most once.</param>
    /// <exception cref="ArgumentNullException">The list or one of its elements is null.</exception>
    /// <exception cref="ArgumentException">The list is empty or holds a parameter twice.</exception>
    protected Optimizer(IReadOnlyList<Scalar> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
        {
            throw new ArgumentException("There are no parameters to optimize.", nameof(parameters));
        }

        _parameters = new Scalar[parameters.Count];
        var seen = new HashSet<Scalar>(parameters.Count, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < _parameters.Length; i++)
        {
            var p = parameters[i] ?? throw new ArgumentNullException(nameof(parameters), $"parameters[{i}] is null.");
            if (!seen.Add(p))
            {
                throw new ArgumentException(
                    $"parameters[{i}] appears twice in the list; it would be updated twice per step.", nameof(parameters));
            }

            _parameters[i] = p;
        }

        Parameters = Array.AsReadOnly(_parameters);
    }

    /// <summary>Gets the parameters this optimizer updates.</summary>
    public IReadOnlyList<Scalar> Parameters { get; }

    /// <summary>Gets how many steps have been taken. The next <see cref="Step"/> is step number <c>StepCount</c>,
    /// counting from 0.</summary>
    public int StepCount { get; private set; }

    /// <summary>Updates every parameter from its current gradient, then increments <see cref="StepCount"/>.
    /// Allocates nothing.</summary>
    public void Step()
    {
        Update(_parameters, StepCount);
        StepCount++;
    }

    /// <summary>Sets the gradient of every parameter to 0; call it before each backward pass, because
    /// gradients of leaves accumulate.</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            p.Grad = 0;
        }
    }

    /// <summary>Updates every parameter from its gradient. Called by <see cref="Step"/>; must not allocate.</summary>
    /// <param name="parameters">The parameters, always in the same order, so index i can key per-parameter state.</param>
    /// <param name="stepIndex">The number of this step, counting from 0 (equal to <see cref="StepCount"/> before the step).</param>
    protected abstract void Update(ReadOnlySpan<Scalar> parameters, int stepIndex);

    /// <summary>Throws unless <paramref name="value"/> is finite and positive.</summary>
    private protected static void CheckPositive(double value, string paramName)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Must be positive and finite.");
        }
    }

    /// <summary>Throws unless 0 ≤ <paramref name="value"/> &lt; 1 (a decay rate).</summary>
    private protected static void CheckDecay(double value, string paramName)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Must be at least 0 and less than 1.");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and not negative.</summary>
    private protected static void CheckNonNegative(double value, string paramName)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Must be finite and not negative.");
        }
    }
}
