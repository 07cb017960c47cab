namespace AutogradForDummies;

/// <summary>
/// Sorts a graph topologically: every node comes after all of its parents.
/// </summary>
/// <remarks>
/// <para>
/// A depth-first search emits a node once all its parents are emitted (post-order). It runs on an
/// explicit stack rather than by recursion, so a chain of a million nodes cannot overflow the call stack.
/// </para>
/// <para>
/// Visits are marked with a flag on the node itself (no HashSet), and the flags are cleared again when
/// the caller disposes the result. The order and stack buffers are kept per thread and reused, so a
/// training loop does not allocate a fresh large array on every pass.
/// </para>
/// </remarks>
internal static class Topology
{
    // Buffers longer than this are not kept after use, so one huge graph does not pin memory forever.
    private const int MaxPooledLength = 1 << 20;

    [ThreadStatic]
    private static Scalar[]? t_order;

    [ThreadStatic]
    private static Frame[]? t_stack;

    /// <summary>Sorts the graph that ends in <paramref name="root"/>. Dispose the result to clear the marks.</summary>
    public static SortedNodes Sort(Scalar root)
    {
        // Take the buffers out of the pool while in use, so a nested call would get its own.
        var order = t_order ?? new Scalar[256];
        var stack = t_stack ?? new Frame[256];
        t_order = null;
        t_stack = null;

        int count = 0;
        int top = 0;
        int highWater = 0;
        try
        {
            stack[top++] = new Frame(root, expanded: false);
            while (top > 0)
            {
                if (count == order.Length)
                {
                    Array.Resize(ref order, order.Length * 2);
                }

                var frame = stack[--top];
                var node = frame.Node;
                if (frame.Expanded)
                {
                    // All parents are emitted: the node can follow them.
                    order[count++] = node;
                    continue;
                }

                if (node.Visited)
                {
                    continue;
                }

                int needed = top + 1 + node.ParentCountForTraversal();
                if (needed > stack.Length)
                {
                    Array.Resize(ref stack, Math.Max(needed, stack.Length * 2));
                }

                node.Visited = true;
                stack[top++] = new Frame(node, expanded: true);
                top = PushUnvisitedParents(node, stack, top);
                highWater = Math.Max(highWater, top);
            }
        }
        catch
        {
            // Leave no node marked: the emitted ones, and the ones still being expanded.
            for (int i = 0; i < count; i++)
            {
                order[i].Visited = false;
            }

            for (int i = 0; i < top; i++)
            {
                if (stack[i].Expanded)
                {
                    stack[i].Node.Visited = false;
                }
            }

            throw;
        }

        Array.Clear(stack, 0, highWater);
        return new SortedNodes(order, count, stack);
    }

    /// <summary>
    /// Sorts the graph that ends in <paramref name="root"/> into a new array (no marks left behind) and numbers its
    /// nodes by their position in it: for code that keeps the order, such as a compiled graph or a drawing.
    /// </summary>
    public static (Scalar[] Nodes, Dictionary<Scalar, int> Position) Numbered(Scalar root)
    {
        Scalar[] nodes;
        var sorted = Sort(root);
        try
        {
            nodes = sorted.Nodes.ToArray();
        }
        finally
        {
            sorted.Dispose();
        }

        var position = new Dictionary<Scalar, int>(nodes.Length, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < nodes.Length; i++)
        {
            position.Add(nodes[i], i);
        }

        return (nodes, position);
    }

    private static int PushUnvisitedParents(Scalar node, Frame[] stack, int top)
    {
        switch (node.Code)
        {
            case OpCode.Leaf:
                break;
            case OpCode.Sum or OpCode.LogSumExp:
                top = PushAll(node.Xs, stack, top);
                break;
            case OpCode.Dot:
                top = PushAll(node.Xs, stack, top);
                top = PushAll(node.Ys, stack, top);
                if (node.BiasOrNull is { } bias)
                {
                    top = Push(bias, stack, top);
                }

                break;
            case OpCode.PowConstant:
                top = Push(node.A, stack, top);
                break;
            default:
                top = Push(node.A, stack, top);
                if (node.ParentCountForTraversal() == 2)
                {
                    top = Push(node.B, stack, top);
                }

                break;
        }

        return top;
    }

    private static int PushAll(Scalar[] parents, Frame[] stack, int top)
    {
        foreach (var parent in parents)
        {
            top = Push(parent, stack, top);
        }

        return top;
    }

    private static int Push(Scalar parent, Frame[] stack, int top)
    {
        if (!parent.Visited)
        {
            stack[top++] = new Frame(parent, expanded: false);
        }

        return top;
    }

    /// <summary>The sorted nodes in a pooled buffer. Dispose clears the visit marks and returns the buffers.</summary>
    internal readonly ref struct SortedNodes
    {
        private readonly Scalar[] _order;
        private readonly int _count;
        private readonly Frame[] _stack;

        public SortedNodes(Scalar[] order, int count, Frame[] stack)
        {
            _order = order;
            _count = count;
            _stack = stack;
        }

        /// <summary>Gets the nodes, parents before children; the root is last.</summary>
        public ReadOnlySpan<Scalar> Nodes => _order.AsSpan(0, _count);

        public void Dispose()
        {
            for (int i = 0; i < _count; i++)
            {
                _order[i].Visited = false;
            }

            // Drop the references so the pool keeps no graph alive.
            Array.Clear(_order, 0, _count);
            if (_order.Length <= MaxPooledLength)
            {
                t_order = _order;
            }

            if (_stack.Length <= MaxPooledLength)
            {
                t_stack = _stack;
            }
        }
    }

    /// <summary>One entry of the depth-first stack: a node to expand, or a node whose parents are done.</summary>
    internal readonly struct Frame(Scalar node, bool expanded)
    {
        public Scalar Node { get; } = node;

        public bool Expanded { get; } = expanded;
    }
}
