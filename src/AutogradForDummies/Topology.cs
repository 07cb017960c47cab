using System.Buffers;

namespace AutogradForDummies;

/// <summary>
/// Sorts a graph topologically: every node comes after all of its parents.
/// </summary>
/// <remarks>
/// <para>
/// A depth-first search emits a node once all its parents are emitted (post-order). It recurses down to a depth of
/// 1,000 and goes on with an explicit stack below that, so a chain of a million nodes cannot overflow the call stack.
/// </para>
/// <para>
/// Visits are marked in a field of the node itself (no hash set), and the marks are cleared again when the caller
/// disposes the result. <see cref="SortOperations"/>, used by <see cref="Scalar.Backward"/>, leaves the leaves out:
/// they have nothing to pass on, and a neuron's weights (all leaves) are then not even looked at. Leaving them out
/// does not change the order of the other nodes, so it is the order of <see cref="Number"/> without the leaves. Its
/// buffers come from the shared <see cref="ArrayPool{T}"/>, so a training loop does not allocate them again on every
/// pass, and the pool gives unused ones back to the garbage collector when memory is short.
/// </para>
/// </remarks>
internal static class Topology
{
    [ThreadStatic]
    private static Search? t_search;

    /// <summary>Sorts the operation nodes of the graph that ends in <paramref name="root"/> (leaves left out) and sets
    /// each one's gradient to 0. Dispose the result to clear the marks and return the buffers.</summary>
    public static SortedNodes SortOperations(Scalar root)
    {
        // One search object per thread, reused: a training loop's Backward allocates nothing for its sort.
        var search = t_search ?? new Search(includeLeaves: false);
        t_search = null; // a sort inside a sort (none today) would make its own
        search.Start();
        try
        {
            search.Run(root);
        }
        catch
        {
            search.Abandon();
            throw;
        }

        var sorted = new SortedNodes(search.Order, search.Count, search.Stack);
        search.Release();
        t_search = search;
        return sorted;
    }

    /// <summary>Sorts every node of the graph that ends in <paramref name="root"/>, leaves included, into a new array and
    /// leaves each node's position + 1 in its <see cref="Scalar.Mark"/> until the result is disposed: for code that
    /// keeps the order and looks nodes up by position, such as a compiled graph or a drawing.</summary>
    public static NumberedGraph Number(Scalar root)
    {
        var search = new Search(includeLeaves: true);
        search.Start();
        Scalar[] nodes;
        try
        {
            search.Run(root);
            nodes = search.Order.AsSpan(0, search.Count).ToArray();
        }
        catch
        {
            search.Abandon();
            throw;
        }

        search.ReturnBuffers(clearMarks: false);
        for (int i = 0; i < nodes.Length; i++)
        {
            nodes[i].Mark = i + 1;
        }

        return new NumberedGraph(nodes);
    }

    /// <summary>The sorted operation nodes in a pooled buffer. Dispose clears the marks and returns the buffers.</summary>
    internal readonly ref struct SortedNodes(Scalar[] order, int count, Frame[] stack)
    {
        /// <summary>Gets the nodes, parents before children; the root is last (if it is not a leaf).</summary>
        public ReadOnlySpan<Scalar> Nodes => order.AsSpan(0, count);

        public void Dispose() => ReturnBuffers(order, count, stack, clearMarks: true);
    }

    /// <summary>Every node of a graph in topological order, each marked with its position + 1 until disposed.</summary>
    internal readonly struct NumberedGraph(Scalar[] nodes) : IDisposable
    {
        /// <summary>Gets the nodes, parents before children; the root is last.</summary>
        public Scalar[] Nodes { get; } = nodes;

        /// <summary>Returns the position of a node of this graph in <see cref="Nodes"/>.</summary>
        public static int PositionOf(Scalar node) => node.Mark - 1;

        public void Dispose()
        {
            foreach (var node in Nodes)
            {
                node.Mark = 0;
            }
        }
    }

    /// <summary>One entry of the depth-first stack: a node to expand, or a node whose parents are done.</summary>
    internal readonly struct Frame(Scalar node, bool expanded)
    {
        public Scalar Node { get; } = node;

        public bool Expanded { get; } = expanded;
    }

    private static void ReturnBuffers(Scalar[] order, int count, Frame[] stack, bool clearMarks)
    {
        if (clearMarks)
        {
            for (int i = 0; i < count; i++)
            {
                order[i].Mark = 0;
            }
        }

        // Drop the references, so that the pool keeps no graph alive. The stack is already empty: its used part
        // was cleared by the search.
        Array.Clear(order, 0, count);
        ArrayPool<Scalar>.Shared.Return(order);
        ArrayPool<Frame>.Shared.Return(stack);
    }

    /// <summary>The depth-first search itself.</summary>
    private sealed class Search(bool includeLeaves)
    {
        private const int Marked = -1;
        private const int MinListToRemember = 8; // shorter lists are checked element by element
        private const int MaxRecursion = 1000;   // about 150 KB of call stack

        private readonly Scalar[]?[] _recentLists = new Scalar[]?[4];
        private int _nextRecent;

        public Scalar[] Order = null!;
        public Frame[] Stack = null!;
        public int Count;
        private int _top;
        private int _highWater;

        /// <summary>Takes fresh buffers from the pool and forgets the last search.</summary>
        public void Start()
        {
            Order = ArrayPool<Scalar>.Shared.Rent(256);
            Stack = ArrayPool<Frame>.Shared.Rent(256);
            Count = 0;
            _top = 0;
            _highWater = 0;
            Array.Clear(_recentLists);
        }

        /// <summary>Lets go of the buffers (the sorted result owns them now).</summary>
        public void Release()
        {
            Order = null!;
            Stack = null!;
            Array.Clear(_recentLists);
        }

        public void Run(Scalar root)
        {
            if (Wanted(root))
            {
                Visit(root, depth: 0);
            }
        }

        /// <summary>
        /// Emits <paramref name="node"/> (unmarked and wanted) after its parents, by recursion: in the common case of a
        /// graph no deeper than <see cref="MaxRecursion"/> this keeps the work in the processor's registers and call
        /// stack. Parents are visited last operand first, which is the order in which the explicit stack of
        /// <see cref="RunOnStack"/> pops them, so both give the same order; a deeper graph goes on with that stack.
        /// </summary>
        public void Visit(Scalar node, int depth)
        {
            if (depth >= MaxRecursion)
            {
                RunOnStack(node);
                return;
            }

            node.Mark = Marked;
            try
            {
                VisitParents(node, depth + 1);
                Emit(node);
            }
            catch
            {
                node.Mark = 0; // unmark the path back to the root (emitted nodes are unmarked by Abandon)
                throw;
            }
        }

        /// <summary>Visits a parent if it needs a visit.</summary>
        public void VisitIfWanted(Scalar parent, int depth)
        {
            if (parent.Mark == 0 && Wanted(parent))
            {
                Visit(parent, depth);
            }
        }

        /// <summary>Visits every parent of a list that needs a visit, last first. A list visited before in this search
        /// needs nothing: a later node that takes it cannot be an ancestor of its elements (the graph has no cycles),
        /// so all of them are emitted already. The layers of a network pass one array of outputs to all their neurons,
        /// so remembering the last few lists saves looking at the same elements again and again.</summary>
        public void VisitAll(Scalar[] parents, int depth)
        {
            if (!Remember(parents))
            {
                return;
            }

            for (int i = parents.Length - 1; i >= 0; i--)
            {
                VisitIfWanted(parents[i], depth);
            }
        }

        /// <summary>The same search with an explicit stack, for a graph too deep for the call stack.</summary>
        private void RunOnStack(Scalar start)
        {
            Push(start, expanded: false);
            while (_top > 0)
            {
                var frame = Stack[--_top];
                var node = frame.Node;
                if (frame.Expanded)
                {
                    // All parents are emitted: the node can follow them.
                    Emit(node);
                    continue;
                }

                if (node.Mark != 0)
                {
                    continue;
                }

                node.Mark = Marked;
                Push(node, expanded: true);
                PushParents(node);
            }

            Array.Clear(Stack, 0, _highWater);
            _highWater = 0;
        }

        /// <summary>Unmarks every node marked so far and returns the buffers, after a failure.</summary>
        public void Abandon()
        {
            for (int i = 0; i < Count; i++)
            {
                Order[i].Mark = 0;
            }

            for (int i = 0; i < _top; i++)
            {
                if (Stack[i].Expanded)
                {
                    Stack[i].Node.Mark = 0;
                }
            }

            Array.Clear(Stack, 0, _highWater);
            Topology.ReturnBuffers(Order, Count, Stack, clearMarks: false);
        }

        public void ReturnBuffers(bool clearMarks) => Topology.ReturnBuffers(Order, Count, Stack, clearMarks);

        public void PushIfWanted(Scalar parent)
        {
            if (parent.Mark == 0 && Wanted(parent))
            {
                Push(parent, expanded: false);
            }
        }

        /// <summary>Pushes every parent in a list that needs a visit; a list pushed or visited before in this search needs
        /// nothing (see <see cref="VisitAll"/>): everything pushed for it is done before a later node takes it.</summary>
        public void PushAll(Scalar[] parents)
        {
            if (!Remember(parents))
            {
                return;
            }

            foreach (var parent in parents)
            {
                PushIfWanted(parent);
            }
        }

        /// <summary>Remembers a long list as visited; false if it was visited before in this search.</summary>
        private bool Remember(Scalar[] parents)
        {
            if (parents.Length < MinListToRemember)
            {
                return true;
            }

            if (Array.IndexOf(_recentLists, parents) >= 0)
            {
                return false;
            }

            _recentLists[_nextRecent] = parents;
            _nextRecent = (_nextRecent + 1) % _recentLists.Length;
            return true;
        }

        public bool SkipsLeaves => !includeLeaves;

        /// <summary>Visits a node's parents last operand first (the order in which the explicit stack pops what
        /// <see cref="PushParents"/> pushes); lists that hold only leaves are skipped when leaves are not wanted.</summary>
        private void VisitParents(Scalar node, int depth)
        {
            switch (node.Shape)
            {
                case NodeShape.Leaf:
                    break;
                case NodeShape.OneOperand:
                    VisitIfWanted(node.First, depth);
                    break;
                case NodeShape.TwoOperands:
                    VisitIfWanted(node.Second, depth);
                    VisitIfWanted(node.First, depth);
                    break;
                case NodeShape.Dot:
                    if (!(SkipsLeaves && node.SecondListAllLeaves))
                    {
                        VisitAll(node.Inputs, depth);
                    }

                    if (!(SkipsLeaves && node.FirstListAllLeaves))
                    {
                        VisitAll(node.WeightsAndBias, depth);
                    }

                    break;
                case NodeShape.Terms:
                    if (!(SkipsLeaves && node.FirstListAllLeaves))
                    {
                        VisitAll(node.Terms, depth);
                    }

                    break;
            }
        }

        /// <summary>Pushes a node's parents, in operand order; lists that hold only leaves are skipped when leaves are
        /// not wanted.</summary>
        private void PushParents(Scalar node)
        {
            switch (node.Shape)
            {
                case NodeShape.Leaf:
                    break;
                case NodeShape.OneOperand:
                    PushIfWanted(node.First);
                    break;
                case NodeShape.TwoOperands:
                    PushIfWanted(node.First);
                    PushIfWanted(node.Second);
                    break;
                case NodeShape.Dot:
                    if (!(SkipsLeaves && node.FirstListAllLeaves))
                    {
                        PushAll(node.WeightsAndBias);
                    }

                    if (!(SkipsLeaves && node.SecondListAllLeaves))
                    {
                        PushAll(node.Inputs);
                    }

                    break;
                case NodeShape.Terms:
                    if (!(SkipsLeaves && node.FirstListAllLeaves))
                    {
                        PushAll(node.Terms);
                    }

                    break;
            }
        }

        private bool Wanted(Scalar node) => includeLeaves || !node.IsLeaf;

        private void Emit(Scalar node)
        {
            if (Count == Order.Length)
            {
                Order = Grow(Order, Count);
            }

            if (!includeLeaves)
            {
                node.Grad = 0; // an intermediate gradient starts from zero on every pass
            }

            Order[Count++] = node;
        }

        private void Push(Scalar node, bool expanded)
        {
            if (_top == Stack.Length)
            {
                Stack = Grow(Stack, _top);
            }

            Stack[_top++] = new Frame(node, expanded);
            _highWater = Math.Max(_highWater, _top);
        }

        private static T[] Grow<T>(T[] array, int used)
        {
            var bigger = ArrayPool<T>.Shared.Rent(array.Length * 2);
            Array.Copy(array, bigger, used);
            Array.Clear(array, 0, used);
            ArrayPool<T>.Shared.Return(array);
            return bigger;
        }
    }
}
