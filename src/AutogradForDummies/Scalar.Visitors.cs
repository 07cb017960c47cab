namespace AutogradForDummies;

/// <content>
/// What a node does for each kind of operation: its backward step, its name, its parents and its local derivatives.
/// Each is written once for all operations of a kind; the rule (in <see cref="Rules"/>) supplies the math.
/// </content>
public sealed partial class Scalar
{
    /// <summary>The chain rule at one node: adds the node's gradient times each local derivative into its parents.</summary>
    private readonly struct BackwardStep(Scalar node) : IOperationVisitor<bool>
    {
        public bool Leaf() => false;

        public bool Unary<TRule>()
            where TRule : IUnaryRule
        {
            var a = node.First;
            TRule.Backward(a._data, node._data, node._grad, ref a._grad);
            return true;
        }

        public bool Binary<TRule>()
            where TRule : IBinaryRule
        {
            var a = node.First;
            var b = node.Second;
            TRule.Backward(a._data, b._data, node._data, node._grad, ref a._grad, ref b._grad);
            return true;
        }

        public bool WithConstants<TRule>()
            where TRule : IConstantRule
        {
            var a = node.First;
            TRule.Backward(a._data, node.Constants, node._data, node._grad, ref a._grad);
            return true;
        }

        public bool Dot()
        {
            var w = node.WeightsAndBias;
            var x = node.Inputs;
            double dy = node._grad;
            for (int i = 0; i < x.Length; i++)
            {
                Rules.DotTermBackward(w[i]._data, x[i]._data, dy, ref w[i]._grad, ref x[i]._grad);
            }

            if (w.Length > x.Length)
            {
                Rules.BiasBackward(dy, ref w[x.Length]._grad);
            }

            return true;
        }

        public bool Sum()
        {
            double dy = node._grad;
            foreach (var term in node.Terms)
            {
                Rules.SumTermBackward(dy, ref term._grad);
            }

            return true;
        }

        public bool Mean()
        {
            var terms = node.Terms;
            double dy = node._grad;
            foreach (var term in terms)
            {
                Rules.MeanTermBackward(dy, terms.Length, ref term._grad);
            }

            return true;
        }

        public bool LogSumExp()
        {
            var terms = node.Terms;
            var gradients = new GradientsOf(terms);
            Rules.LogSumExpBackward(new DataOf(terms), node._grad, ref gradients);
            return true;
        }
    }

    /// <summary>The gradients of the Scalars in an array, for the fused rules that add into them by position.</summary>
    private readonly struct GradientsOf(Scalar[] nodes) : IGradientList
    {
        public void Add(int index, double value) => nodes[index]._grad += value;
    }

    /// <summary>The name <see cref="Op"/> shows.</summary>
    private readonly struct OperationName(Scalar node) : IOperationVisitor<string>
    {
        public string Leaf() => string.Empty;

        public string Unary<TRule>()
            where TRule : IUnaryRule => TRule.Name;

        public string Binary<TRule>()
            where TRule : IBinaryRule => TRule.Name;

        public string WithConstants<TRule>()
            where TRule : IConstantRule => TRule.Name(node.Constants);

        public string Dot() => "dot";

        public string Sum() => "sum";

        public string Mean() => "mean";

        public string LogSumExp() => "logsumexp";
    }

    /// <summary>The parents in operand order, as <see cref="Parents"/> lists them.</summary>
    private readonly struct ParentList(Scalar node) : IOperationVisitor<Scalar[]>
    {
        public Scalar[] Leaf() => [];

        public Scalar[] Unary<TRule>()
            where TRule : IUnaryRule => [node.First];

        public Scalar[] Binary<TRule>()
            where TRule : IBinaryRule => [node.First, node.Second];

        public Scalar[] WithConstants<TRule>()
            where TRule : IConstantRule => [node.First];

        public Scalar[] Dot()
        {
            var w = node.WeightsAndBias;
            var x = node.Inputs;
            return node.HasBias ? [.. w.AsSpan(0, x.Length), .. x, w[^1]] : [.. w, .. x];
        }

        public Scalar[] Sum() => [.. node.Terms];

        public Scalar[] Mean() => [.. node.Terms];

        public Scalar[] LogSumExp() => [.. node.Terms];
    }

    /// <summary>The local derivative for each entry of <see cref="Parents"/>: each rule's backward step applied
    /// with an output gradient of 1 to a separate zero for every operand slot.</summary>
    private readonly struct LocalDerivativeList(Scalar node) : IOperationVisitor<double[]>
    {
        public double[] Leaf() => [];

        public double[] Unary<TRule>()
            where TRule : IUnaryRule
        {
            double da = 0;
            TRule.Backward(node.First._data, node._data, 1, ref da);
            return [da];
        }

        public double[] Binary<TRule>()
            where TRule : IBinaryRule
        {
            double da = 0, db = 0;
            TRule.Backward(node.First._data, node.Second._data, node._data, 1, ref da, ref db);
            return [da, db];
        }

        public double[] WithConstants<TRule>()
            where TRule : IConstantRule
        {
            double da = 0;
            TRule.Backward(node.First._data, node.Constants, node._data, 1, ref da);
            return [da];
        }

        public double[] Dot()
        {
            var w = node.WeightsAndBias;
            var x = node.Inputs;
            var locals = new double[(2 * x.Length) + (node.HasBias ? 1 : 0)];
            for (int i = 0; i < x.Length; i++)
            {
                Rules.DotTermBackward(w[i]._data, x[i]._data, 1, ref locals[i], ref locals[x.Length + i]);
            }

            if (node.HasBias)
            {
                Rules.BiasBackward(1, ref locals[^1]);
            }

            return locals;
        }

        public double[] Sum()
        {
            var locals = new double[node.Terms.Length];
            for (int i = 0; i < locals.Length; i++)
            {
                Rules.SumTermBackward(1, ref locals[i]);
            }

            return locals;
        }

        public double[] Mean()
        {
            var locals = new double[node.Terms.Length];
            for (int i = 0; i < locals.Length; i++)
            {
                Rules.MeanTermBackward(1, locals.Length, ref locals[i]);
            }

            return locals;
        }

        public double[] LogSumExp()
        {
            var locals = new double[node.Terms.Length];
            var gradients = new GradientsIn(locals);
            Rules.LogSumExpBackward(new DataOf(node.Terms), 1, ref gradients);
            return locals;
        }
    }
}
