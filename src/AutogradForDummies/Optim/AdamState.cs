namespace AutogradForDummies.Optim;

/// <summary>
/// The running moment estimates of Adam and AdamW, and the update they share.
/// </summary>
internal sealed class AdamState(int count, double beta1, double beta2, double epsilon)
{
    private readonly double[] _m = new double[count]; // first moment: a running mean of the gradients
    private readonly double[] _v = new double[count]; // second moment: a running mean of the squared gradients

    /// <summary>One Adam step (number <paramref name="step"/>, from 0) with learning rate <paramref name="lr"/>.</summary>
    public void Update(ReadOnlySpan<Scalar> parameters, int step, double lr)
    {
        // The moments start at 0, so early on they are biased towards 0; dividing by 1 − βᵗ removes that bias.
        int t = step + 1;
        double correction1 = 1 - Math.Pow(beta1, t);
        double correction2 = 1 - Math.Pow(beta2, t);
        var m = _m;
        var v = _v;
        for (int i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            double g = p.Grad;
            m[i] = (beta1 * m[i]) + ((1 - beta1) * g);     // m ← β₁·m + (1 − β₁)·g
            v[i] = (beta2 * v[i]) + ((1 - beta2) * g * g); // v ← β₂·v + (1 − β₂)·g²
            double mHat = m[i] / correction1;
            double vHat = v[i] / correction2;
            p.Data -= lr * mHat / (Math.Sqrt(vHat) + epsilon); // a step of about lr, whatever the gradient's scale
        }
    }
}
