namespace AutogradForDummies;

/// <summary>
/// Decides where each node of a <see cref="CompiledGraph"/> keeps its value and gradient, so that the operands of
/// fused operations sit side by side in memory where they can.
/// </summary>
/// <remarks>
/// A dot product whose weights and inputs occupy consecutive slots reads two plain runs of numbers, which the vector
/// units can take four at a time, instead of looking up every operand's position first. In a network that is the
/// usual case: a layer's outputs for one example are the next layer's inputs, and a neuron's weights and bias are a
/// run within the model's parameters. Operand lists are placed longest first; a list whose nodes already have places
/// is used where it happens to be consecutive and read through its slot numbers otherwise, which gives the same
/// numbers. The work is linear in the number of operands: positions come from the nodes' marks, not from a dictionary.
/// </remarks>
internal static class SlotLayout
{
    private const int Unplaced = -1;
    private const int Pending = -2;

    /// <summary>Returns the slot of every node of a numbered graph (see <see cref="Topology.Number"/>), by position.</summary>
    public static int[] Assign(Scalar[] nodes)
    {
        var slot = new int[nodes.Length];
        Array.Fill(slot, Unplaced);
        int next = 0;
        foreach (var list in OperandListsLongestFirst(nodes))
        {
            TryPlaceConsecutively(list, slot, ref next);
        }

        for (int i = 0; i < slot.Length; i++)
        {
            if (slot[i] == Unplaced)
            {
                slot[i] = next++;
            }
        }

        return slot;
    }

    /// <summary>Returns the first slot of <paramref name="list"/> if its nodes occupy consecutive slots in order, else −1.</summary>
    public static int ConsecutiveStart(Scalar[] list, int[] slot)
    {
        if (list.Length == 0)
        {
            return -1;
        }

        int start = slot[Topology.NumberedGraph.PositionOf(list[0])];
        for (int k = 1; k < list.Length; k++)
        {
            if (slot[Topology.NumberedGraph.PositionOf(list[k])] != start + k)
            {
                return -1;
            }
        }

        return start;
    }

    /// <summary>Gives the nodes of <paramref name="list"/> the next slots, in order, if none of them has a slot yet and
    /// none occurs twice; otherwise leaves everything as it was.</summary>
    private static void TryPlaceConsecutively(Scalar[] list, int[] slot, ref int next)
    {
        int k = 0;
        for (; k < list.Length; k++)
        {
            int position = Topology.NumberedGraph.PositionOf(list[k]);
            if (slot[position] != Unplaced)
            {
                break; // placed already, or a second occurrence in this list
            }

            slot[position] = Pending;
        }

        bool placeable = k == list.Length;
        for (int j = 0; j < k; j++)
        {
            slot[Topology.NumberedGraph.PositionOf(list[j])] = placeable ? next++ : Unplaced;
        }
    }

    private static Scalar[][] OperandListsLongestFirst(Scalar[] nodes)
    {
        var seen = new HashSet<Scalar[]>(ReferenceEqualityComparer.Instance);
        var lists = new List<Scalar[]>();
        foreach (var node in nodes)
        {
            var visitor = new OperandLists(node);
            var (first, second) = Operations.Visit<OperandLists, (Scalar[]?, Scalar[]?)>(node.Code, ref visitor);
            AddOnce(first);
            AddOnce(second);
        }

        // A stable sort: lists of equal length keep the order in which the graph uses them.
        return [.. lists.OrderByDescending(list => list.Length)];

        void AddOnce(Scalar[]? list)
        {
            if (list is not null && seen.Add(list))
            {
                lists.Add(list);
            }
        }
    }

    /// <summary>The operand lists of a fused node (none for the other operations).</summary>
    private readonly struct OperandLists(Scalar node) : IOperationVisitor<(Scalar[]?, Scalar[]?)>
    {
        public (Scalar[]?, Scalar[]?) Leaf() => default;

        public (Scalar[]?, Scalar[]?) Unary<TRule>()
            where TRule : IUnaryRule => default;

        public (Scalar[]?, Scalar[]?) Binary<TRule>()
            where TRule : IBinaryRule => default;

        public (Scalar[]?, Scalar[]?) WithConstants<TRule>()
            where TRule : IConstantRule => default;

        public (Scalar[]?, Scalar[]?) Dot() => (node.WeightsAndBias, node.Inputs);

        public (Scalar[]?, Scalar[]?) Sum() => (node.Terms, null);

        public (Scalar[]?, Scalar[]?) Mean() => (node.Terms, null);

        public (Scalar[]?, Scalar[]?) LogSumExp() => (node.Terms, null);
    }
}
