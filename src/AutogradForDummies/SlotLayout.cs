namespace AutogradForDummies;

/// <summary>
/// Decides where each node of a <see cref="CompiledGraph"/> keeps its value and gradient, so that the operands of
/// fused operations sit side by side in memory where they can.
/// </summary>
/// <remarks>
/// A dot product whose weights and inputs occupy consecutive slots reads two plain runs of numbers, instead of
/// looking up every operand's position first. In a network that is the usual case: a layer's outputs for one example
/// are the next layer's inputs, and a neuron's weights are a run within the model's parameters. Operand lists are
/// placed longest first; a list whose nodes already have places is used where it happens to be consecutive and read
/// through its indices otherwise, which gives the same numbers.
/// </remarks>
internal static class SlotLayout
{
    /// <summary>Returns the slot of every node; <paramref name="nodes"/> are in topological order.</summary>
    public static int[] Assign(Scalar[] nodes, Dictionary<Scalar, int> index)
    {
        var slot = new int[nodes.Length];
        Array.Fill(slot, -1);
        int next = 0;

        foreach (var list in OperandListsLongestFirst(nodes))
        {
            if (AllUnplacedAndDistinct(list, index, slot))
            {
                foreach (var node in list)
                {
                    slot[index[node]] = next++;
                }
            }
        }

        for (int i = 0; i < slot.Length; i++)
        {
            if (slot[i] < 0)
            {
                slot[i] = next++;
            }
        }

        return slot;
    }

    /// <summary>Returns the first slot of <paramref name="list"/> if its nodes occupy consecutive slots in order, else −1.</summary>
    public static int ConsecutiveStart(Scalar[] list, Dictionary<Scalar, int> index, int[] slot)
    {
        if (list.Length == 0)
        {
            return -1;
        }

        int start = slot[index[list[0]]];
        for (int k = 1; k < list.Length; k++)
        {
            if (slot[index[list[k]]] != start + k)
            {
                return -1;
            }
        }

        return start;
    }

    private static List<Scalar[]> OperandListsLongestFirst(Scalar[] nodes)
    {
        var seen = new HashSet<Scalar[]>(ReferenceEqualityComparer.Instance);
        var lists = new List<Scalar[]>();
        foreach (var node in nodes)
        {
            if (node.Code is OpCode.Dot or OpCode.Sum or OpCode.LogSumExp && seen.Add(node.Xs))
            {
                lists.Add(node.Xs);
            }

            if (node.Code is OpCode.Dot && seen.Add(node.Ys))
            {
                lists.Add(node.Ys);
            }
        }

        // A stable sort: lists of equal length keep the order in which the graph uses them.
        return [.. lists.OrderByDescending(list => list.Length)];
    }

    private static bool AllUnplacedAndDistinct(Scalar[] list, Dictionary<Scalar, int> index, int[] slot)
    {
        var distinct = new HashSet<Scalar>(list.Length, ReferenceEqualityComparer.Instance);
        foreach (var node in list)
        {
            if (slot[index[node]] >= 0 || !distinct.Add(node))
            {
                return false;
            }
        }

        return true;
    }
}
