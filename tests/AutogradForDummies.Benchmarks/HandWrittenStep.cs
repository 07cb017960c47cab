namespace AutogradForDummies.Benchmarks;

/// <summary>
/// The ceiling: one full-batch training step of MLP(2, [H, H, 1]) (ReLU hidden layers, linear output) on N points,
/// mean hinge loss + α·Σp², SGD, written by hand on <c>double</c> arrays with the backward pass derived manually, and
/// written to be fast: every loop over a layer runs on the processor's vector units with fused multiply-adds and
/// several running sums (<see cref="Kernels"/>), and a step allocates nothing.
/// </summary>
/// <remarks>
/// <para>It does the work the library does, sample after sample, and skips what the library skips: a point outside
/// the margin sends no gradient back (the library skips every node whose gradient is exactly 0), and neither does a
/// unit of the second hidden layer whose ReLU is off. Each hidden neuron's weights lie in one row, so the forward pass
/// is one dot product per neuron and its backward pass one sweep that adds to the weights' and the inputs' gradients,
/// as the library's dot-product node does over consecutive slots; and it goes further than the library's loops, which
/// handle one node at a time: four neurons share each sweep over their inputs (<see cref="Kernels.Dot4"/>,
/// <see cref="Kernels.AddScaledPair4"/>), so every input and every input gradient is loaded once for four rows, which
/// makes a step 15–20 % faster than one neuron per sweep.</para>
/// <para>What it does not do is batch the samples: a matrix-matrix product that reuses each weight for many samples
/// while it sits in a register, as a BLAS does for PyTorch, is a different algorithm from the library's (one graph
/// node per neuron and sample), and the comparison with PyTorch shows what it is worth.</para>
/// <para><see cref="HandWrittenSingleSumStep"/> is the earlier yardstick: the same step with plain
/// loops and a single running sum.</para>
/// </remarks>
internal sealed class HandWrittenStep
{
    private readonly int _h;
    private readonly double[] _x0, _x1, _y;

    // The first layer column by column (the weights of input 0, of input 1), so that it is computed for 4 units at once;
    // the second layer row by row (neuron j's weights are _w2[j·H .. j·H + H − 1]), a dot product per neuron.
    private readonly double[] _w1a, _w1b, _b1, _w2, _b2, _w3;
    private readonly double[] _gw1a, _gw1b, _gb1, _gw2, _gb2, _gw3;
    private readonly double[] _b3 = new double[1], _gb3 = new double[1];
    private readonly double[] _h1, _h2, _dz2, _dh1;
    private double _alpha; // of the last step
    private readonly int[] _active; // the units of the second hidden layer that pass a gradient back, for one sample

    /// <summary>Copies the data and the initial parameters.</summary>
    /// <param name="x">The points, two coordinates each.</param>
    /// <param name="y">The labels, −1 or +1.</param>
    /// <param name="hidden">H, the width of both hidden layers.</param>
    /// <param name="initialParameters">The parameters in the library's order (<c>Module.Parameters()</c>): layer by
    /// layer, neuron by neuron, the weights and then the bias.</param>
    public HandWrittenStep(double[][] x, double[] y, int hidden, IReadOnlyList<double> initialParameters)
    {
        CheckArguments(x, y, hidden, initialParameters);

        int h = _h = hidden;
        int n = x.Length;
        _x0 = new double[n];
        _x1 = new double[n];
        for (int s = 0; s < n; s++)
        {
            _x0[s] = x[s][0];
            _x1[s] = x[s][1];
        }

        _y = [.. y];
        (_w1a, _w1b, _b1, _w2, _b2, _w3) = (new double[h], new double[h], new double[h], new double[h * h], new double[h], new double[h]);
        (_gw1a, _gw1b, _gb1, _gw2, _gb2, _gw3) = (new double[h], new double[h], new double[h], new double[h * h], new double[h], new double[h]);
        (_h1, _h2, _dz2, _dh1) = (new double[h], new double[h], new double[h], new double[h]);
        _active = new int[h];

        int k = 0;
        for (int j = 0; j < h; j++)
        {
            _w1a[j] = initialParameters[k++];
            _w1b[j] = initialParameters[k++];
            _b1[j] = initialParameters[k++];
        }

        for (int j = 0; j < h; j++)
        {
            for (int i = 0; i < h; i++)
            {
                _w2[(j * h) + i] = initialParameters[k++];
            }

            _b2[j] = initialParameters[k++];
        }

        for (int i = 0; i < h; i++)
        {
            _w3[i] = initialParameters[k++];
        }

        _b3[0] = initialParameters[k];
    }

    /// <summary>Throws unless the arguments of a step written outside the library fit together: at least one point,
    /// each of two coordinates, one label per point, each −1 or +1, a positive H and one initial value per parameter
    /// of MLP(2, [H, H, 1]).</summary>
    /// <param name="x">The points.</param>
    /// <param name="y">The labels.</param>
    /// <param name="hidden">H.</param>
    /// <param name="initialParameters">The parameters.</param>
    public static void CheckArguments(double[][] x, double[] y, int hidden, IReadOnlyList<double> initialParameters)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(initialParameters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        if (x.Length == 0 || x.Length != y.Length)
        {
            throw new ArgumentException($"{x.Length} points and {y.Length} labels; a step needs one label per point, at least one.", nameof(y));
        }

        for (int s = 0; s < x.Length; s++)
        {
            if (x[s] is not { Length: 2 })
            {
                throw new ArgumentException($"Point {s} has {x[s]?.Length ?? 0} coordinates, not 2.", nameof(x));
            }

            if (y[s] is not (-1.0 or 1.0))
            {
                throw new ArgumentException($"Label {s} is {y[s]}, not −1 or +1.", nameof(y));
            }
        }

        int count = ParameterCount(hidden);
        if (initialParameters.Count != count)
        {
            throw new ArgumentException(
                $"MLP(2, [{hidden}, {hidden}, 1]) has {count} parameters, not {initialParameters.Count}.", nameof(initialParameters));
        }
    }

    /// <summary>The number of parameters of MLP(2, [H, H, 1]).</summary>
    public static int ParameterCount(int hidden) => (3 * hidden) + (hidden * (hidden + 1)) + (hidden + 1);

    /// <summary>One full-batch step: forward, loss, backward, SGD update. Allocates nothing.</summary>
    /// <param name="learningRate">The SGD learning rate; 0 leaves the parameters as they are.</param>
    /// <param name="alpha">The strength α of the L2 term.</param>
    /// <returns>The loss before the update.</returns>
    public double Step(double learningRate, double alpha)
    {
        int h = _h;
        int n = _x0.Length;
        _alpha = alpha;
        Array.Clear(_gw1a);
        Array.Clear(_gw1b);
        Array.Clear(_gb1);
        Array.Clear(_gw2);
        Array.Clear(_gb2);
        Array.Clear(_gw3);
        _gb3[0] = 0;
        double perPoint = 1.0 / n; // the mean's gradient, as the library's mean node passes it on
        double hinge = 0;
        for (int s = 0; s < n; s++)
        {
            double x0 = _x0[s], x1 = _x1[s];
            Kernels.FirstLayerForward(_w1a, _w1b, _b1, x0, x1, _h1);
            SecondLayerForward();
            double score = Kernels.Dot(_w3, _h2) + _b3[0];
            double margin = 1 - (_y[s] * score);
            if (margin <= 0)
            {
                continue; // relu(margin) = 0: no loss, and no gradient to send back
            }

            hinge += margin;
            double dScore = -_y[s] * perPoint;
            _gb3[0] += dScore;
            Kernels.OutputBackward(dScore, _h2, _w3, _gw3, _dz2);
            SecondLayerBackward();
            Kernels.FirstLayerBackward(_h1, _dh1, x0, x1, _gw1a, _gw1b, _gb1);
        }

        double squares = SumOfSquares(_w1a) + SumOfSquares(_w1b) + SumOfSquares(_b1) + SumOfSquares(_w2) + SumOfSquares(_b2)
            + SumOfSquares(_w3) + (_b3[0] * _b3[0]);
        double loss = (hinge / n) + (alpha * squares);

        Kernels.SgdUpdate(_w1a, _gw1a, learningRate, alpha);
        Kernels.SgdUpdate(_w1b, _gw1b, learningRate, alpha);
        Kernels.SgdUpdate(_b1, _gb1, learningRate, alpha);
        Kernels.SgdUpdate(_w2, _gw2, learningRate, alpha);
        Kernels.SgdUpdate(_b2, _gb2, learningRate, alpha);
        Kernels.SgdUpdate(_w3, _gw3, learningRate, alpha);
        Kernels.SgdUpdate(_b3, _gb3, learningRate, alpha);
        return loss;
    }

    /// <summary>The gradient of the last step's whole loss (before the update), L2 term included, in the library's
    /// parameter order: what each parameter's <c>Grad</c> holds after the library's <c>Backward()</c>.</summary>
    public double[] Gradients()
    {
        int h = _h;
        var g = new double[ParameterCount(h)];
        int k = 0;
        for (int j = 0; j < h; j++)
        {
            g[k++] = Full(_gw1a[j], _w1a[j]);
            g[k++] = Full(_gw1b[j], _w1b[j]);
            g[k++] = Full(_gb1[j], _b1[j]);
        }

        for (int j = 0; j < h; j++)
        {
            for (int i = 0; i < h; i++)
            {
                g[k++] = Full(_gw2[(j * h) + i], _w2[(j * h) + i]);
            }

            g[k++] = Full(_gb2[j], _b2[j]);
        }

        for (int i = 0; i < h; i++)
        {
            g[k++] = Full(_gw3[i], _w3[i]);
        }

        g[k] = Full(_gb3[0], _b3[0]);
        return g;
    }

    // The hinge part of a gradient plus the L2 term's 2αp (the step adds that one in the update).
    private double Full(double hinge, double p) => hinge + (2 * _alpha * p);

    /// <summary>h2 = relu(W2·h1 + b2): one dot product per neuron, four neurons per sweep over h1.</summary>
    private void SecondLayerForward()
    {
        int h = _h;
        ReadOnlySpan<double> w2 = _w2;
        int j = 0;
        for (; j + 4 <= h; j += 4)
        {
            var (z0, z1, z2, z3) = Kernels.Dot4(w2.Slice(j * h, h), w2.Slice((j + 1) * h, h), w2.Slice((j + 2) * h, h), w2.Slice((j + 3) * h, h), _h1);
            _h2[j] = Relu(z0 + _b2[j]);
            _h2[j + 1] = Relu(z1 + _b2[j + 1]);
            _h2[j + 2] = Relu(z2 + _b2[j + 2]);
            _h2[j + 3] = Relu(z3 + _b2[j + 3]);
        }

        for (; j < h; j++)
        {
            _h2[j] = Relu(Kernels.Dot(w2.Slice(j * h, h), _h1) + _b2[j]);
        }
    }

    /// <summary>
    /// The second hidden layer's backward pass, from the gradients dz2 that reach its units through their ReLUs: the
    /// biases', the weights' (gW2[j] += dz2[j]·h1) and the first layer's outputs' (dh1 = Σ dz2[j]·W2[j]), for the units
    /// whose gradient is not 0, four at a time.
    /// </summary>
    private void SecondLayerBackward()
    {
        int h = _h;
        ReadOnlySpan<double> w2 = _w2;
        Span<double> gw2 = _gw2;
        int count = 0;
        for (int j = 0; j < h; j++)
        {
            double dz = _dz2[j];
            if (dz != 0) // a unit whose ReLU is off passes nothing on
            {
                _gb2[j] += dz;
                _active[count++] = j;
            }
        }

        Array.Clear(_dh1);
        int k = 0;
        for (; k + 4 <= count; k += 4)
        {
            int j0 = _active[k], j1 = _active[k + 1], j2 = _active[k + 2], j3 = _active[k + 3];
            Kernels.AddScaledPair4(
                _dz2[j0], _dz2[j1], _dz2[j2], _dz2[j3], _h1,
                gw2.Slice(j0 * h, h), gw2.Slice(j1 * h, h), gw2.Slice(j2 * h, h), gw2.Slice(j3 * h, h),
                w2.Slice(j0 * h, h), w2.Slice(j1 * h, h), w2.Slice(j2 * h, h), w2.Slice(j3 * h, h), _dh1);
        }

        for (; k < count; k++)
        {
            int j = _active[k];
            Kernels.AddScaledPair(_dz2[j], _h1, gw2.Slice(j * h, h), w2.Slice(j * h, h), _dh1);
        }
    }

    private static double Relu(double z) => z > 0 ? z : 0;

    private static double SumOfSquares(double[] a) => Kernels.Dot(a, a);
}
