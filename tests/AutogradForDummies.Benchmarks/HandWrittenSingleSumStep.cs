namespace AutogradForDummies.Benchmarks;

/// <summary>
/// The grid's training step written by hand on double arrays the plain way: the same network (MLP(2, [H, H, 1]),
/// ReLU), the same loss (mean hinge + α·Σp²) and the same SGD update, with the backward pass derived manually, in
/// scalar loops with a single running sum per dot product.
/// </summary>
/// <remarks>The earlier yardstick, kept for comparison with the figures measured against it. The ceiling the
/// benchmarks now measure against is <see cref="HandWrittenStep"/>, which does the same work on the vector
/// units.</remarks>
internal sealed class HandWrittenSingleSumStep
{
    private readonly int _h;
    private readonly double[][] _x;
    private readonly double[] _y;
    private readonly double[] _w1, _b1, _w2, _b2, _w3;
    private double _b3;
    private readonly double[] _gw1, _gb1, _gw2, _gb2, _gw3;
    private double _gb3;
    private readonly double[] _z1, _h1, _z2, _h2, _dh1, _dh2;
    private double _lastLearningRate = double.NaN, _lastAlpha;

    /// <summary>Copies the initial parameters; the points are the caller's and must not change.</summary>
    /// <param name="x">The points, two coordinates each.</param>
    /// <param name="y">The labels, −1 or +1.</param>
    /// <param name="hidden">H, the width of both hidden layers.</param>
    /// <param name="initialParameters">The parameters in the library's order (<c>Module.Parameters()</c>).</param>
    public HandWrittenSingleSumStep(double[][] x, double[] y, int hidden, IReadOnlyList<double> initialParameters)
    {
        HandWrittenStep.CheckArguments(x, y, hidden, initialParameters);
        int h = _h = hidden;
        _x = x;
        _y = y;
        (_w1, _b1, _w2, _b2, _w3) = (new double[h * 2], new double[h], new double[h * h], new double[h], new double[h]);
        (_gw1, _gb1, _gw2, _gb2, _gw3) = (new double[h * 2], new double[h], new double[h * h], new double[h], new double[h]);
        (_z1, _h1, _z2, _h2, _dh1, _dh2) = (new double[h], new double[h], new double[h], new double[h], new double[h], new double[h]);

        // micrograd's parameter order: layer by layer, neuron by neuron, weights then bias.
        int k = 0;
        for (int j = 0; j < _h; j++)
        {
            _w1[(j * 2) + 0] = initialParameters[k++];
            _w1[(j * 2) + 1] = initialParameters[k++];
            _b1[j] = initialParameters[k++];
        }

        for (int j = 0; j < _h; j++)
        {
            for (int i = 0; i < _h; i++)
            {
                _w2[(j * _h) + i] = initialParameters[k++];
            }

            _b2[j] = initialParameters[k++];
        }

        for (int i = 0; i < _h; i++)
        {
            _w3[i] = initialParameters[k++];
        }

        _b3 = initialParameters[k];
    }

    /// <summary>One full-batch step: forward, loss, backward, SGD update. Returns the loss.</summary>
    public double Step(double learningRate, double alpha)
    {
        (_lastLearningRate, _lastAlpha) = (learningRate, alpha);
        Array.Clear(_gw1);
        Array.Clear(_gb1);
        Array.Clear(_gw2);
        Array.Clear(_gb2);
        Array.Clear(_gw3);
        _gb3 = 0;

        int n = _x.Length;
        double loss = 0;
        for (int s = 0; s < n; s++)
        {
            double x0 = _x[s][0], x1 = _x[s][1];
            for (int j = 0; j < _h; j++)
            {
                double z = _b1[j] + (_w1[j * 2] * x0) + (_w1[(j * 2) + 1] * x1);
                _z1[j] = z;
                _h1[j] = z > 0 ? z : 0;
            }

            for (int j = 0; j < _h; j++)
            {
                double z = _b2[j];
                for (int i = 0; i < _h; i++)
                {
                    z += _w2[(j * _h) + i] * _h1[i];
                }

                _z2[j] = z;
                _h2[j] = z > 0 ? z : 0;
            }

            double score = _b3;
            for (int i = 0; i < _h; i++)
            {
                score += _w3[i] * _h2[i];
            }

            double margin = 1 - (_y[s] * score);
            if (margin <= 0)
            {
                continue; // relu(margin) = 0: no loss, no gradient
            }

            loss += margin / n;
            double dScore = -_y[s] / n;

            _gb3 += dScore;
            for (int i = 0; i < _h; i++)
            {
                _gw3[i] += dScore * _h2[i];
                _dh2[i] = _z2[i] > 0 ? dScore * _w3[i] : 0;
            }

            Array.Clear(_dh1);
            for (int j = 0; j < _h; j++)
            {
                double dz = _dh2[j];
                if (dz == 0)
                {
                    continue;
                }

                _gb2[j] += dz;
                for (int i = 0; i < _h; i++)
                {
                    _gw2[(j * _h) + i] += dz * _h1[i];
                    _dh1[i] += dz * _w2[(j * _h) + i];
                }
            }

            for (int j = 0; j < _h; j++)
            {
                double dz = _z1[j] > 0 ? _dh1[j] : 0;
                _gb1[j] += dz;
                _gw1[j * 2] += dz * x0;
                _gw1[(j * 2) + 1] += dz * x1;
            }
        }

        loss += alpha * (SumSq(_w1) + SumSq(_b1) + SumSq(_w2) + SumSq(_b2) + SumSq(_w3) + (_b3 * _b3));

        Update(_w1, _gw1, learningRate, alpha);
        Update(_b1, _gb1, learningRate, alpha);
        Update(_w2, _gw2, learningRate, alpha);
        Update(_b2, _gb2, learningRate, alpha);
        Update(_w3, _gw3, learningRate, alpha);
        _b3 -= learningRate * (_gb3 + (2 * alpha * _b3));
        return loss;
    }

    /// <summary>The gradient of the last step's loss (before the update), in micrograd's parameter order.</summary>
    public double[] Gradients()
    {
        var g = new List<double>();
        for (int j = 0; j < _h; j++)
        {
            g.Add(_gw1[j * 2]);
            g.Add(_gw1[(j * 2) + 1]);
            g.Add(_gb1[j]);
        }

        for (int j = 0; j < _h; j++)
        {
            for (int i = 0; i < _h; i++)
            {
                g.Add(_gw2[(j * _h) + i]);
            }

            g.Add(_gb2[j]);
        }

        g.AddRange(_gw3);
        g.Add(_gb3);
        return [.. g];
    }

    /// <summary>The gradient of the last step's whole loss, its L2 term 2αp included, in the library's parameter order:
    /// what the library's <c>Backward()</c> leaves in the parameters. It needs the parameters the gradient was taken
    /// at, so the last step must have had learning rate 0 (an update that leaves them as they were).</summary>
    /// <exception cref="InvalidOperationException">No step was made, or the last one changed the parameters.</exception>
    public double[] LossGradients()
    {
        if (_lastLearningRate != 0)
        {
            throw new InvalidOperationException(
                $"The last step's learning rate was {_lastLearningRate}; LossGradients() needs a step with learning rate 0.");
        }

        double alpha = _lastAlpha;
        var g = Gradients();
        var p = new List<double>(_w1.Length + _b1.Length + _w2.Length + _b2.Length + _w3.Length + 1);
        for (int j = 0; j < _h; j++)
        {
            p.Add(_w1[j * 2]);
            p.Add(_w1[(j * 2) + 1]);
            p.Add(_b1[j]);
        }

        for (int j = 0; j < _h; j++)
        {
            p.AddRange(_w2.AsSpan(j * _h, _h));
            p.Add(_b2[j]);
        }

        p.AddRange(_w3);
        p.Add(_b3);
        for (int i = 0; i < g.Length; i++)
        {
            g[i] += 2 * alpha * p[i]; // d(α·p²)/dp = 2αp
        }

        return g;
    }

    private static double SumSq(double[] a)
    {
        double s = 0;
        foreach (double v in a)
        {
            s += v * v;
        }

        return s;
    }

    // The L2 term adds d(α·p²)/dp = 2αp to every gradient.
    private static void Update(double[] p, double[] g, double lr, double alpha)
    {
        for (int i = 0; i < p.Length; i++)
        {
            p[i] -= lr * (g[i] + (2 * alpha * p[i]));
        }
    }
}
