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

    /// <summary>Returns the slot of every node of a numbered graph (see <see cref="Topology.Number"/>), by position.</summary>
    /// <remarks>
    /// Two passes. The first chooses the operand lists that get consecutive slots: longest first, each if none of its
    /// nodes is taken by a list chosen before and none occurs twice in it; then, for each chosen list of one-operand
    /// nodes, the list of their operands on the same terms (a layer's weighted sums beside its activations, so that a
    /// run of neurons reads and writes both as vectors). The second hands out slots in topological
    /// order, a chosen list as a block when its first node comes up, so that the nodes of one example of a batch sit
    /// near each other, as the forward and backward passes visit them.
    /// </remarks>
    public static int[] Assign(Scalar[] nodes)
    {
        // Pass 1: choose[position] is the chosen list that the node at that position belongs to, if any.
        var chosen = new Scalar[]?[nodes.Length];
        var chosenLists = new List<Scalar[]>();
        foreach (var list in OperandListsLongestFirst(nodes))
        {
            if (TryChoose(list, chosen))
            {
                chosenLists.Add(list);
            }
        }

        // Then, for a chosen list of one-operand nodes (a layer's activations, the next layer's inputs), their operands
        // (the layer's weighted sums), so that a run of neurons keeps its sums side by side as well as its activations.
        foreach (var list in chosenLists)
        {
            if (Array.TrueForAll(list, node => node.Shape == NodeShape.OneOperand))
            {
                TryChoose(Array.ConvertAll(list, node => node.First), chosen);
            }
        }

        // Pass 2: slots in topological order; a chosen list takes a block of slots when its first node is reached.
        var slot = new int[nodes.Length];
        Array.Fill(slot, Unplaced);
        int next = 0;
        for (int i = 0; i < nodes.Length; i++)
        {
            if (slot[i] != Unplaced)
            {
                continue; // placed with its list
            }

            if (chosen[i] is { } list)
            {
                foreach (var node in list)
                {
                    slot[Topology.NumberedGraph.PositionOf(node)] = next++;
                }
            }
            else
            {
                slot[i] = next++;
            }
        }

        return slot;
    }

    /// <summary>Returns the first slot of <paramref name="list"/> if its nodes occupy consecutive slots in order, else −1.
    /// An empty list is a run of no slots anywhere: slot 0, which every graph has.</summary>
    public static int ConsecutiveStart(Scalar[] list, int[] slot)
    {
        if (list.Length == 0)
        {
            return 0;
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

    /// <summary>Chooses <paramref name="list"/> for consecutive slots if none of its nodes belongs to a list chosen
    /// already and none occurs twice in it, and says whether it did; otherwise leaves everything as it was.</summary>
    private static bool TryChoose(Scalar[] list, Scalar[]?[] chosen)
    {
        int k = 0;
        for (; k < list.Length; k++)
        {
            int position = Topology.NumberedGraph.PositionOf(list[k]);
            if (chosen[position] is not null)
            {
                break; // in a list chosen before, or a second occurrence in this one
            }

            chosen[position] = list;
        }

        if (k < list.Length)
        {
            for (int j = 0; j < k; j++)
            {
                chosen[Topology.NumberedGraph.PositionOf(list[j])] = null;
            }

            return false;
        }

        return true;
    }

    private static Scalar[][] OperandListsLongestFirst(Scalar[] nodes)
    {
        var seen = new HashSet<Scalar[]>(ReferenceEqualityComparer.Instance);
        var lists = new List<Scalar[]>();
        foreach (var node in nodes)
        {
            // The operand lists of a fused node, found by the shape the node records (none for other operations).
            switch (node.Shape)
            {
                case NodeShape.Dot:
                    AddOnce(node.WeightsAndBias);
                    AddOnce(node.Inputs);
                    break;
                case NodeShape.Terms:
                    AddOnce(node.Terms);
                    break;
            }
        }

        // A stable sort: lists of equal length keep the order in which the graph uses them.
        return [.. lists.OrderByDescending(list => list.Length)];

        void AddOnce(Scalar[] list)
        {
            if (seen.Add(list))
            {
                lists.Add(list);
            }
        }
    }
}
