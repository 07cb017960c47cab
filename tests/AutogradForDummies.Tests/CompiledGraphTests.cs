using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests;

/// <summary>
/// The compiled path must give bit for bit the numbers of the dynamic path: it applies the same
/// rules in the same order, so exact equality is asserted throughout.
/// </summary>
public sealed class CompiledGraphTests
{
    private const int GraphCount = 3000;

    [Fact]
    public void Matches_the_dynamic_path_on_a_graph_with_every_kind_of_fused_node()
    {
        var a = new Scalar(-4.0);
        var b = new Scalar(2.0);
        var loss = ((a * b) + b.Pow(3) - a.Tanh() + Scalar.Dot([a, b], [b, a], a) + Scalar.Sum([a, b, a])).Sigmoid();
        loss.Backward();
        var (ga, gb) = (a.Grad, b.Grad);
        a.Grad = 0;
        b.Grad = 0;

        var graph = loss.Compile();
        graph.Forward().Should().Be(loss.Data);
        graph.Backward();

        a.Grad.Should().Be(ga);
        b.Grad.Should().Be(gb);
    }

    public static TheoryData<string> EmptyFusedNodes() =>
        ["Sum([])", "Dot([], [])", "Dot([], [], c)", "Sum([]) * c + c", "Dot([], [], c) * Sum([])"];

    [Theory]
    [MemberData(nameof(EmptyFusedNodes))]
    public void Fused_nodes_with_no_terms_compile_to_the_dynamic_numbers(string expression)
    {
        var c = new Scalar(3.0, "c");
        Scalar y = expression switch
        {
            "Sum([])" => Scalar.Sum([]),
            "Dot([], [])" => Scalar.Dot([], []),
            "Dot([], [], c)" => Scalar.Dot([], [], c),
            "Sum([]) * c + c" => (Scalar.Sum([]) * c) + c,
            "Dot([], [], c) * Sum([])" => Scalar.Dot([], [], c) * Scalar.Sum([]),
            _ => throw new ArgumentOutOfRangeException(nameof(expression)),
        };
        y.Backward();
        long value = BitConverter.DoubleToInt64Bits(y.Data);
        long gradient = BitConverter.DoubleToInt64Bits(c.Grad);

        foreach (var updates in Enum.GetValues<NodeUpdates>())
        {
            c.Grad = 0;
            var graph = y.Compile(updates);
            BitConverter.DoubleToInt64Bits(graph.Forward()).Should().Be(value, $"{expression} ({updates})");
            graph.Backward();
            BitConverter.DoubleToInt64Bits(c.Grad).Should().Be(gradient, $"d({expression})/dc ({updates})");
        }
    }

    [Fact]
    public void Random_graphs_give_exactly_the_dynamic_values_and_gradients()
    {
        for (int seed = 0; seed < GraphCount; seed++)
        {
            var nodes = RandomExpression.ForSeed(seed).Build();
            var root = nodes[^1];
            root.Backward();
            double[] dynamicData = Array.ConvertAll(nodes, n => n.Data);
            double[] dynamicGrads = Array.ConvertAll(nodes, n => n.Grad);
            ZeroLeafGrads(nodes);

            var graph = root.Compile();
            Bits(graph.Forward()).Should().Be(Bits(root.Data), $"graph {seed}");
            graph.Backward();

            for (int i = 0; i < nodes.Length; i++)
            {
                Bits(nodes[i].Data).Should().Be(Bits(dynamicData[i]), $"node {i} of graph {seed}");
                Bits(nodes[i].Grad).Should().Be(Bits(dynamicGrads[i]), $"node {i} of graph {seed}");
            }
        }
    }

    [Fact]
    public void Forward_after_changing_leaves_gives_what_rebuilding_the_graph_gives()
    {
        for (int seed = 0; seed < GraphCount; seed++)
        {
            var expression = RandomExpression.ForSeed(seed);
            var nodes = expression.Build();
            var graph = nodes[^1].Compile();

            // New leaf values near the old ones, so the domains stay valid (the comparison is exact either way).
            double[] moved = Array.ConvertAll(expression.LeafValues, v => v * 1.01);
            for (int i = 0; i < moved.Length; i++)
            {
                nodes[i].Data = moved[i];
            }

            double value = graph.Forward();
            var rebuilt = expression.Build(moved);

            Bits(value).Should().Be(Bits(rebuilt[^1].Data), $"graph {seed}");
            for (int i = 0; i < nodes.Length; i++)
            {
                Bits(nodes[i].Data).Should().Be(Bits(rebuilt[i].Data), $"every node is updated: node {i} of graph {seed}");
            }

            graph.Backward();
            rebuilt[^1].Backward();
            for (int i = 0; i < nodes.Length; i++)
            {
                Bits(nodes[i].Grad).Should().Be(Bits(rebuilt[i].Grad), $"node {i} of graph {seed}");
            }
        }
    }

    public static TheoryData<string> Operations => [.. OperationCase.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Operations))]
    public void Every_operation_compiles_and_matches_the_dynamic_path_bit_for_bit(string operation)
    {
        var row = OperationCase.All.Single(c => c.Name == operation);
        var leaves = Array.ConvertAll(row.Points[0], v => new Scalar(v));
        var scale = new Scalar(-1.3);

        // Each operation feeds a product, so its output gradient is not just 1.
        var root = row.Build(leaves) * scale;
        var graph = root.Compile();
        graph.Root.Should().BeSameAs(root);
        graph.NodeCount.Should().BeGreaterThan(2);

        // At the point it was compiled at, and after moving the leaves to each other point: the same as a fresh build.
        foreach (double[] point in row.Points)
        {
            for (int i = 0; i < leaves.Length; i++)
            {
                leaves[i].Data = point[i];
                leaves[i].Grad = 0;
            }

            scale.Grad = 0;
            double value = graph.Forward();
            graph.Backward();
            long[] compiled = [.. leaves.Select(l => Bits(l.Grad)), Bits(scale.Grad)];

            var freshLeaves = Array.ConvertAll(point, v => new Scalar(v));
            var freshScale = new Scalar(-1.3);
            var fresh = row.Build(freshLeaves) * freshScale;
            fresh.Backward();

            Bits(value).Should().Be(Bits(fresh.Data), $"{operation} at ({string.Join(", ", point)})");
            compiled.Should().Equal([.. freshLeaves.Select(l => Bits(l.Grad)), Bits(freshScale.Grad)], $"{operation} at ({string.Join(", ", point)})");
        }
    }

    [Fact]
    public void Backward_gives_every_node_the_gradient_Scalar_Backward_gives()
    {
        var x = new Scalar(0.5, "x");
        var w = new Scalar(-1.5, "w");
        var h = (x * w).Tanh();
        var y = (h * h) + h.Exp() - x;
        y.Backward();
        double[] expected = [x.Grad, w.Grad, h.Grad, y.Grad];
        x.Grad = w.Grad = 0;
        h.Grad = 123; // stale interior gradients must not leak in
        y.Grad = 456;

        y.Compile().Backward();

        new[] { x.Grad, w.Grad, h.Grad, y.Grad }.Should().Equal(expected);
    }

    [Fact]
    public void Backward_accumulates_into_leaves_like_the_dynamic_path()
    {
        var a = new Scalar(1.5);
        var b = new Scalar(-2.0);
        var mid = a * b;
        var root = mid.Sigmoid() + a;
        var graph = root.Compile();

        graph.Backward();
        double ga = a.Grad;
        double gMid = mid.Grad;
        graph.Backward();

        a.Grad.Should().Be(2 * ga);
        mid.Grad.Should().Be(gMid);
        root.Grad.Should().Be(1);
    }

    [Fact]
    public void Backward_before_any_forward_uses_the_values_at_compilation()
    {
        var x = new Scalar(3.0);
        var y = x * x;
        var graph = y.Compile();

        graph.Backward();

        x.Grad.Should().Be(6);
    }

    [Fact]
    public void Training_loop_on_a_compiled_graph_converges()
    {
        var w = new Scalar(0.5);
        var x = new Scalar(2.0);
        var loss = ((w * x) - 3.0).Pow(2); // (wx − 3)², minimal at w = 1.5
        var graph = loss.Compile();
        for (int step = 0; step < 200; step++)
        {
            graph.Forward();
            w.Grad = 0;
            graph.Backward();
            w.Data -= 0.05 * w.Grad;
        }

        w.Data.Should().BeApproximately(1.5, 1e-9);
        graph.Forward().Should().BeApproximately(0, 1e-15);
    }

    [Fact]
    public void NodeCount_counts_each_node_once_however_often_it_is_used()
    {
        var a = new Scalar(1.0);
        var b = a + a;     // a, b
        var c = b * b;     // c
        var d = Scalar.Dot([a, b], [b, c], a); // d

        d.Compile().NodeCount.Should().Be(4);
        new Scalar(2.0).Compile().NodeCount.Should().Be(1);
    }

    [Fact]
    public void A_leaf_compiles_to_itself()
    {
        var x = new Scalar(2.0);
        var graph = x.Compile();

        x.Data = 5;
        graph.Forward().Should().Be(5);
        graph.Backward();
        x.Grad.Should().Be(1);
    }

    [Fact]
    public void Compiles_a_chain_a_million_nodes_deep()
    {
        var x = new Scalar(1.0);
        var y = x;
        for (int i = 0; i < 1_000_000; i++)
        {
            y = y + 1e-6;
        }

        var graph = y.Compile();
        graph.NodeCount.Should().Be(2_000_001);

        x.Data = 2.0;
        graph.Forward().Should().BeApproximately(3.0, 1e-6);
        graph.Backward();
        x.Grad.Should().Be(1);
    }

    // Exact equality down to the sign of zero and the NaN payload.
    [Fact]
    public void A_first_layer_on_low_dimensional_points_runs_as_one_step_and_gives_the_dynamic_bits()
    {
        // MLPs on points of 1 to 4 coordinates (runs of short dot products, four neurons at a time on the vector
        // units, then the rest one by one), with weights and points that include zeros of both signs, numbers whose
        // products overflow, infinities and NaNs, so that some ReLUs are off, some gradients are 0 and some blocks
        // of four redo an overflow one at a time. Every parameter's gradient and the loss must keep their bits.
        double[] specials = [0.0, -0.0, 1e200, -1e200, double.PositiveInfinity, double.NaN, 3.0];
        int inRuns = 0, inTables = 0;
        for (int seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            int inputs = 1 + (seed % Rules.ShortDotTerms), width = 1 + random.Next(11), examples = 1 + random.Next(4);
            var model = new AutogradForDummies.Nn.MLP(inputs, [width, 1 + random.Next(5), 1], seed: seed);
            var parameters = model.Parameters();
            foreach (var p in parameters)
            {
                if (random.Next(8) == 0)
                {
                    p.Data = specials[random.Next(specials.Length)];
                }
            }

            var points = Enumerable.Range(0, examples)
                .Select(_ => Enumerable.Range(0, inputs).Select(_ => random.Next(6) == 0 ? specials[random.Next(specials.Length)] : random.NextDouble() - 0.5).ToArray())
                .ToArray();
            Scalar Build() => Scalar.Sum(points.Select(x => model.Forward(x)[0].Relu()).ToArray());

            var graphs = CompiledAsDynamic(Build, [.. parameters], $"seed {seed}");
            inRuns += graphs.Sum(graph => graph.InShortRuns);
            inTables += graphs.Sum(graph => graph.InTableRuns);
        }

        inRuns.Should().BeGreaterThan(1000, "the first layers form runs");
        inTables.Should().Be(Lanes ? inRuns : 0, "every run of a first layer's ReLUs shares the table of the layer's weights");
    }

    public static TheoryData<string> FirstLayerLosses() =>
    [
        "sum", "L2 after", "L2 before", "tanh",
        "a weight between the examples", "a bias between the examples", "a weight's power between the examples",
        "a weight's tanh between the examples", "a dot product over a neuron's weights between the examples",
        "a dot product over a neuron's weights in another order between the examples",
        "a sum of a neuron's weights between the examples", "a log-sum-exp of a weight between the examples",
    ];

    [Theory]
    [MemberData(nameof(FirstLayerLosses))]
    public void A_first_layer_reads_its_weights_from_a_table_only_where_nothing_else_between_its_runs_uses_them(string loss)
    {
        // The table's gradients go back to the weights' slots once all its runs are done, so an instruction between
        // two of them that adds into one of those slots would come in the wrong order; such a layer keeps one
        // instruction's order per neuron, and every gradient keeps the dynamic bits either way.
        var model = new AutogradForDummies.Nn.MLP(2, [7, 3, 1], loss == "tanh" ? AutogradForDummies.Nn.Activation.Tanh : AutogradForDummies.Nn.Activation.Relu, seed: 11);
        var parameters = model.Parameters();
        var firstWeight = parameters[0];
        var firstBias = parameters[2];
        double[][] points = [[0.3, -0.7], [-1.2, 0.4], [0.9, 1.1], [-0.2, -0.8], [1.5, -0.1]];
        Scalar Build()
        {
            // Each kind of operand an instruction can have: two operands, one (with or without constants), a dot
            // product's consecutive weights or gathered ones, a sum's consecutive terms or gathered ones.
            Scalar total = 0;
            for (int i = 0; i < points.Length; i++)
            {
                Scalar[] x = [new(points[i][0]), new(points[i][1])];
                var score = model.Forward(x)[0];
                total += loss switch
                {
                    "a weight between the examples" => score * firstWeight,
                    "a bias between the examples" => Scalar.Sum([score, firstBias]),
                    "a weight's power between the examples" => score * firstWeight.Pow(2),
                    "a weight's tanh between the examples" => score + firstWeight.Tanh(),
                    "a dot product over a neuron's weights between the examples" => score + Scalar.Dot([parameters[0], parameters[1]], x),
                    "a dot product over a neuron's weights in another order between the examples" => score + Scalar.Dot([parameters[1], parameters[0]], x),
                    "a sum of a neuron's weights between the examples" => score * Scalar.Sum([parameters[0], parameters[1]]),
                    "a log-sum-exp of a weight between the examples" => Scalar.LogSumExp([score, firstWeight]),
                    _ => score,
                };
            }

            return loss switch
            {
                "L2 after" => total + AutogradForDummies.Nn.Losses.L2(parameters, 0.1),
                "L2 before" => AutogradForDummies.Nn.Losses.L2(parameters, 0.1) + total,
                _ => total,
            };
        }

        bool table = Lanes && (loss is "sum" or "L2 after" or "L2 before");
        foreach (var graph in CompiledAsDynamic(Build, [.. parameters], loss))
        {
            graph.InShortRuns.Should().Be(7 * points.Length, loss);
            graph.InTableRuns.Should().Be(table ? 7 * points.Length : 0, loss);
        }
    }

    [Theory]
    [InlineData(NodeUpdates.EveryNode)]
    [InlineData(NodeUpdates.LeavesAndRoot)]
    public void A_first_layers_table_keeps_the_dynamic_bits_over_passes_that_accumulate_and_parameters_that_change(NodeUpdates updates)
    {
        // The table loads the weights' gradients when its first run goes backward: they must be what the leaves held
        // (not 0) and what an earlier pass added, and the weights must be read again when they change.
        var model = new AutogradForDummies.Nn.MLP(2, [6, 4, 1], seed: 12);
        var parameters = model.Parameters();
        double[][] points = [[0.3, -0.7], [-1.2, 0.4], [0.9, 1.1], [-0.2, -0.8]];
        Scalar Build() => Scalar.Sum(points.Select(p => model.Forward(p)[0]).ToArray()) + AutogradForDummies.Nn.Losses.L2(parameters, 0.1);
        var random = new Random(5);
        double[] start = [.. parameters.Select(_ => random.NextDouble() - 0.5)];

        var dynamic = Build();
        var graph = Build().Compile(updates);
        graph.InTableRuns.Should().Be(Lanes ? 6 * points.Length : 0);
        for (int round = 0; round < 3; round++)
        {
            for (int k = 0; k < parameters.Count; k++)
            {
                parameters[k].Grad = start[k];
            }

            // The dynamic path: the graph built anew on the current weights, two backward passes, the leaves accumulating.
            dynamic = Build();
            dynamic.Backward();
            dynamic.Backward();
            long[] expected = [.. parameters.Select(p => Bits(p.Grad))];

            for (int k = 0; k < parameters.Count; k++)
            {
                parameters[k].Grad = start[k];
            }

            Bits(graph.Forward()).Should().Be(Bits(dynamic.Data), $"round {round}, {updates}");
            graph.Backward();
            graph.Backward(); // again, without a Forward between
            parameters.Select(p => Bits(p.Grad)).Should().Equal(expected, $"round {round}, {updates}");

            foreach (var p in parameters)
            {
                p.Data -= 0.05 * p.Grad; // new weights for the next round
            }
        }
    }

    [Fact]
    public void Two_first_layers_on_the_same_points_get_a_table_each_unless_something_else_uses_their_weights()
    {
        // Two networks read the same points, their examples interleaved in the loss: each first layer's runs share a
        // table, and the other's runs lie between them without touching its weights. With one of the first network's
        // weights used again in every example, that network's layer has no table; the other's still has one.
        double[][] points = [[0.3, -0.7], [-1.2, 0.4], [0.9, 1.1]];
        foreach (bool reused in new[] { false, true })
        {
            var a = new AutogradForDummies.Nn.MLP(2, [5, 1], seed: 1);
            var b = new AutogradForDummies.Nn.MLP(2, [4, 1], seed: 2);
            var weight = a.Layers[0].Neurons[0].Weights[0];
            Scalar Build() => Scalar.Sum(points.Select(p =>
            {
                var score = a.Forward(p)[0] + b.Forward(p)[0];
                return reused ? score + (weight * p[0]) : score;
            }).ToArray());

            foreach (var graph in CompiledAsDynamic(Build, [.. a.Parameters(), .. b.Parameters()], $"reused {reused}"))
            {
                graph.InShortRuns.Should().Be((5 + 4) * points.Length, $"reused {reused}");
                graph.InTableRuns.Should().Be(!Lanes ? 0 : reused ? 4 * points.Length : (5 + 4) * points.Length, $"reused {reused}");
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    public void Runs_whose_lanes_hold_the_neurons_in_the_order_of_the_code_or_both_ways_give_the_dynamic_bits(int inputs)
    {
        // A layer's ReLUs get their slots from the longest list that holds them. Listed in reverse by a sum (with one
        // more term, so that it is the longer list) and read by the next dot product in order, their slots run in the
        // order of the code rather than last first. With the first two examples so and the third not, the same neurons
        // lie in lanes both ways, and a first layer's table must not mix the two.
        var random = new Random(61 + inputs);
        Scalar Leaf() => new(random.NextDouble() - 0.5);
        var rows = Enumerable.Range(0, 9).Select(_ => Enumerable.Range(0, inputs + 1).Select(_ => Leaf()).ToArray()).ToArray();
        var readout = Enumerable.Range(0, 9).Select(_ => Leaf()).ToArray();
        var extra = Enumerable.Range(0, 3).Select(_ => Leaf()).ToArray();
        var points = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, inputs).Select(_ => (2 * random.NextDouble()) - 1).ToArray()).ToArray();
        Scalar[] leaves = [.. rows.SelectMany(r => r), .. readout, .. extra];
        foreach (bool mixed in new[] { false, true })
        {
            Scalar Build() => Scalar.Sum(points.Select((p, e) =>
            {
                Scalar[] x = [.. p.Select(v => new Scalar(v))];
                var relus = rows.Select(r => Scalar.Dot(r[..inputs], x, r[inputs]).Relu()).ToArray();
                var output = Scalar.Dot(readout, relus);
                return mixed && e == 2 ? output : Scalar.Sum([Scalar.Sum([.. relus.Reverse(), extra[e].Tanh()]), output]);
            }).ToArray());

            foreach (var graph in CompiledAsDynamic(Build, leaves, $"{inputs} inputs, mixed {mixed}"))
            {
                (inputs == 2 ? graph.InShortRuns : graph.InLayerRuns).Should().Be(27);
                (inputs == 2 ? graph.InTableRuns : graph.InLayerRunsInLanes).Should().Be(Lanes ? 27 : 0);
                graph.InAscendingLanes.Should().Be(Lanes ? (mixed ? 18 : 27) : 0);
            }
        }
    }

    [Fact]
    public void Neurons_that_share_their_weights_have_no_table_and_keep_the_dynamic_bits()
    {
        // Two neurons of one run with the same weights: one lane of a table per weight cannot hold both neurons' terms.
        var w = new Scalar[] { new(0.5), new(-1.25), new(0.1) };
        var v = new Scalar[] { new(-0.75), new(2.0), new(0.3) };
        double[][] points = [[0.3, -0.7], [-1.2, 0.4], [0.9, 1.1]];
        Scalar Build() => Scalar.Sum(points.Select(p =>
        {
            Scalar[] x = [new(p[0]), new(p[1])];
            return Scalar.Sum([Scalar.Dot(w[..2], x, w[2]).Relu(), Scalar.Dot(v[..2], x, v[2]).Relu(), Scalar.Dot(w[..2], x, w[2]).Relu()]);
        }).ToArray());

        foreach (var graph in CompiledAsDynamic(Build, [.. w, .. v], "shared weights"))
        {
            graph.InShortRuns.Should().Be(3 * points.Length);
            graph.InTableRuns.Should().Be(0);
        }
    }

    [Fact]
    public void Every_node_of_a_first_layer_run_holds_the_dynamic_numbers()
    {
        var model = new AutogradForDummies.Nn.MLP(2, [9, 3, 1], seed: 4);
        double[][] points = [[0.3, -0.7], [-0.0, 0.0], [1.5, 2.5]];
        Scalar Build(out List<Scalar> nodes)
        {
            var loss = Scalar.Sum(points.Select(x => model.Forward(x)[0]).ToArray());
            nodes = [.. loss.TopologicalOrder()];
            return loss;
        }

        var dynamic = Build(out var dynamicNodes);
        dynamic.Backward();
        var data = dynamicNodes.Select(n => Bits(n.Data)).ToArray();
        var grads = dynamicNodes.Select(n => Bits(n.Grad)).ToArray();
        foreach (var p in model.Parameters())
        {
            p.Grad = 0;
        }

        var compiled = Build(out var compiledNodes);
        var graph = compiled.Compile();
        graph.InShortRuns.Should().Be(9 * points.Length);
        graph.InTableRuns.Should().Be(Lanes ? 9 * points.Length : 0);
        var parameters = model.Parameters();
        double[] original = [.. parameters.Select(p => p.Data)];
        foreach (var p in parameters)
        {
            p.Data += 0.5;
        }

        graph.Forward(); // every node now holds other numbers, so the next pass must write every one of them
        compiledNodes.Select(n => Bits(n.Data)).Should().NotEqual(data);
        for (int i = 0; i < parameters.Count; i++)
        {
            parameters[i].Data = original[i];
        }

        graph.Forward();
        graph.Backward();
        compiledNodes.Select(n => Bits(n.Data)).Should().Equal(data);
        compiledNodes.Select(n => Bits(n.Grad)).Should().Equal(grads);
    }

    /// <summary>Builds the loss three times: differentiated on the dynamic path, then compiled with each of
    /// <see cref="NodeUpdates"/>' values, each of which must give the loss and every leaf's gradient the same bits.
    /// Returns the two compiled graphs, for what they formed.</summary>
    private static CompiledGraph[] CompiledAsDynamic(Func<Scalar> build, Scalar[] leaves, string because)
    {
        var dynamic = build();
        ZeroLeafGrads(leaves);
        dynamic.Backward();
        long[] expected = [.. leaves.Select(p => Bits(p.Grad))];
        var graphs = new List<CompiledGraph>();
        foreach (var updates in new[] { NodeUpdates.EveryNode, NodeUpdates.LeavesAndRoot })
        {
            var graph = build().Compile(updates);
            ZeroLeafGrads(leaves);
            Bits(graph.Forward()).Should().Be(Bits(dynamic.Data), $"{because}, {updates}");
            graph.Backward();
            leaves.Select(p => Bits(p.Grad)).Should().Equal(expected, $"{because}, {updates}");
            graphs.Add(graph);
        }

        return [.. graphs];
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    // Whether runs put their numbers in lanes and first layers get tables: with 256-bit vectors or wider (on arm64 and
    // in WebAssembly the runs take their other paths, with the same bits).
    private static bool Lanes => Rules.VectorBits >= 256;

    private static void ZeroLeafGrads(Scalar[] nodes)
    {
        foreach (var node in nodes)
        {
            if (node.IsLeaf)
            {
                node.Grad = 0;
            }
        }
    }

    [Fact]
    public void Leaves_and_root_mode_updates_only_what_a_training_step_reads_and_gives_the_same_numbers()
    {
        var model = new AutogradForDummies.Nn.MLP(2, [8, 8, 1], seed: 3);
        var scores = new Scalar[20];
        var labels = new double[20];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = model.Forward([Math.Sin(i), Math.Cos(3 * i)])[0];
            labels[i] = i % 3 == 0 ? 1 : -1;
        }

        var loss = AutogradForDummies.Nn.Losses.Hinge(scores, labels) + AutogradForDummies.Nn.Losses.L2(model.Parameters(), 1e-3);
        var every = loss.Compile();
        var lean = loss.Compile(NodeUpdates.LeavesAndRoot);
        lean.Updates.Should().Be(NodeUpdates.LeavesAndRoot);
        every.Updates.Should().Be(NodeUpdates.EveryNode);

        for (int step = 0; step < 3; step++)
        {
            foreach (var p in model.Parameters())
            {
                p.Data *= 0.9;
            }

            model.ZeroGrad();
            double everyLoss = every.Forward();
            every.Backward();
            double[] everyGrads = [.. model.Parameters().Select(p => p.Grad)];
            double[] everyScores = [.. scores.Select(s => s.Data)];
            double[] everyScoreGrads = [.. scores.Select(s => s.Grad)];

            model.ZeroGrad();
            double staleScore = scores[0].Data;
            double leanLoss = lean.Forward();
            lean.Backward();

            leanLoss.Should().Be(everyLoss);
            loss.Data.Should().Be(everyLoss, "the root is updated");
            loss.Grad.Should().Be(1);
            model.Parameters().Select(p => p.Grad).Should().Equal(everyGrads, "the leaves' gradients are updated");
            scores[0].Data.Should().Be(staleScore, "an intermediate node is left as it was");
            scores.Select(lean.ValueOf).Should().Equal(everyScores);
            scores.Select(lean.GradientOf).Should().Equal(everyScoreGrads);
            scores.Select(every.ValueOf).Should().Equal(everyScores);
            model.Parameters().Select(lean.GradientOf).Should().Equal(everyGrads);
        }
    }

    [Fact]
    public void ValueOf_and_GradientOf_refuse_a_node_of_another_graph()
    {
        var x = new Scalar(2.0);
        var graph = (x * x).Compile();

        graph.ValueOf(x).Should().Be(2);
        FluentActions.Invoking(() => graph.ValueOf(new Scalar(1))).Should().Throw<ArgumentException>().WithParameterName("node");
        FluentActions.Invoking(() => graph.GradientOf(null!)).Should().Throw<ArgumentNullException>().WithParameterName("node");
        FluentActions.Invoking(() => x.Compile((NodeUpdates)7)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("updates");
    }

    [Fact]
    public void Repeated_backward_passes_start_intermediate_gradients_from_zero_in_both_modes()
    {
        foreach (var updates in new[] { NodeUpdates.EveryNode, NodeUpdates.LeavesAndRoot })
        {
            var a = new Scalar(0.5);
            var b = new Scalar(-1.5);
            var mid = (a * b).Tanh();
            var root = (mid * a) + mid;
            var graph = root.Compile(updates);

            graph.Backward();
            double first = a.Grad;
            a.Grad = 0;
            graph.Backward();
            a.Grad.Should().Be(first, $"{updates}: the second pass computes the same gradient");
            graph.Backward();
            a.Grad.Should().Be(2 * first, $"{updates}: leaves accumulate");
        }
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(17, 5)]
    [InlineData(40, 12)]
    [InlineData(70, 3)]
    public void Networks_of_every_size_class_compile_to_the_dynamic_bits_in_both_modes(int hidden, int points)
    {
        // Widths below, at and above the dot product's 16 running sums and its vector blocks, with and without tails.
        var data = AutogradForDummies.Data.Datasets.MakeMoons(points, noise: 0.2, seed: hidden);
        var labels = data.SignedLabels();
        var model = new AutogradForDummies.Nn.MLP(2, [hidden, hidden, 1], seed: points);
        Scalar Loss()
        {
            var scores = data.Features.Select(x => model.Forward(x)[0]).ToArray();
            return AutogradForDummies.Nn.Losses.Hinge(scores, labels) + AutogradForDummies.Nn.Losses.L2(model.Parameters(), 1e-3);
        }

        var dynamic = Loss();
        model.ZeroGrad();
        dynamic.Backward();
        long[] expected = [.. model.Parameters().Select(p => Bits(p.Grad))];

        foreach (var updates in new[] { NodeUpdates.EveryNode, NodeUpdates.LeavesAndRoot })
        {
            var graph = Loss().Compile(updates);
            model.ZeroGrad();
            Bits(graph.Forward()).Should().Be(Bits(dynamic.Data), $"{updates}");
            graph.Backward();
            model.Parameters().Select(p => Bits(p.Grad)).Should().Equal(expected, $"{updates}");
        }
    }

    [Theory]
    [InlineData(AutogradForDummies.Nn.Activation.Relu)]
    [InlineData(AutogradForDummies.Nn.Activation.LeakyRelu)]
    [InlineData(AutogradForDummies.Nn.Activation.Tanh)]
    [InlineData(AutogradForDummies.Nn.Activation.Sigmoid)]
    [InlineData(AutogradForDummies.Nn.Activation.Linear)]
    public void A_neurons_weighted_sum_and_activation_run_as_one_step_with_the_dynamic_numbers(AutogradForDummies.Nn.Activation activation)
    {
        var model = new AutogradForDummies.Nn.MLP(2, [9, 18, 1], activation, seed: 5);
        var outputs = Enumerable.Range(0, 7).Select(i => model.Forward([Math.Sin(i), Math.Cos(i)])[0]).ToArray();
        var loss = AutogradForDummies.Nn.Losses.MeanSquaredError(outputs, [.. Enumerable.Range(0, 7).Select(i => i / 7.0)]);

        model.ZeroGrad();
        loss.Backward();
        long[] expected = [.. model.Parameters().Select(p => Bits(p.Grad))];
        long[] hidden = [.. outputs[3].Inputs.Select(h => Bits(h.Grad))];

        var graph = loss.Compile();
        model.ZeroGrad();
        Bits(graph.Forward()).Should().Be(Bits(loss.Data));
        graph.Backward();

        model.Parameters().Select(p => Bits(p.Grad)).Should().Equal(expected);
        outputs[3].Inputs.Select(h => Bits(h.Grad)).Should().Equal(hidden, "the activations' own gradients too");
    }

    [Fact]
    public void A_weighted_sum_that_also_feeds_another_node_still_gets_every_contribution()
    {
        var w = new[] { new Scalar(0.4), new Scalar(-1.1) };
        var x = new[] { new Scalar(1.5), new Scalar(0.25) };
        var z = Scalar.Dot(w, x);
        var root = (z.Tanh() * 3) + (z * z); // tanh follows the dot, and the dot is also used twice more

        root.Backward();
        long[] expected = [.. w.Concat(x).Select(s => Bits(s.Grad))];
        foreach (var s in w.Concat(x))
        {
            s.Grad = 0;
        }

        var graph = root.Compile();
        graph.Forward();
        graph.Backward();

        w.Concat(x).Select(s => Bits(s.Grad)).Should().Equal(expected);
    }

    [Fact]
    public void Layers_of_every_width_up_to_nine_give_the_dynamic_bits_however_their_forward_sweeps_share_out_the_neurons()
    {
        // Forward, a layer run takes four neurons per sweep where the processor has 512-bit vectors, two where it has
        // 256-bit ones, then a pair or one for what is left: widths 1 to 9 end a run in every way, on input counts below,
        // at and above the 16 running sums (where the kernels have last terms, or only whole groups of 16).
        var random = new Random(47);
        int inRuns = 0, inLanes = 0;
        foreach (int n in new[] { 15, 16, 17, 21 })
        {
            for (int width = 1; width <= 9; width++)
            {
                Scalar Leaf() => new(random.NextDouble() - 0.5);
                var x = Enumerable.Range(0, n).Select(_ => Leaf()).ToArray();
                var rows = Enumerable.Range(0, width).Select(_ => Enumerable.Range(0, n).Select(_ => Leaf()).ToArray()).ToArray();
                var biases = Enumerable.Range(0, width).Select(_ => Leaf()).ToArray(); // some ReLUs on, some off
                var readout = Enumerable.Range(0, width).Select(_ => Leaf()).ToArray();
                Scalar Build() =>
                    Scalar.Dot(readout, [.. rows.Select((w, j) => Scalar.Dot(w, x, biases[j]).Relu())]).Tanh();

                Scalar[] leaves = [.. x, .. rows.SelectMany(r => r), .. biases, .. readout];
                var graphs = CompiledAsDynamic(Build, leaves, $"{width} neurons on {n} inputs");
                inRuns += graphs.Sum(graph => graph.InLayerRuns);
                inLanes += graphs.Sum(graph => graph.InLayerRunsInLanes);
            }
        }

        // Each layer of two or more neurons is one run, in both modes: 2 × 4 × (2 + 3 + … + 9); its ReLUs' numbers lie
        // in lanes (their values side by side, and their activations).
        inRuns.Should().Be(2 * 4 * 44);
        inLanes.Should().Be(Lanes ? inRuns : 0);
    }

    [Theory]
    [InlineData(NodeUpdates.EveryNode)]
    [InlineData(NodeUpdates.LeavesAndRoot)]
    public void Neurons_computed_together_give_the_dynamic_bits_whichever_of_them_pass_a_gradient_back(NodeUpdates updates)
    {
        // Nine neurons on the same 21 inputs (an odd count: forward, in fours and then one, or in pairs and then one),
        // read by an output whose weights are 0 for two of them, with biases that keep each ReLU on (+3) or off (−3)
        // whatever the inputs (|Σ wx| ≤ 2.1). So 2, 4, 5 and 6 pass nothing back: forward, sweeps where all, some or
        // none of their neurons do, and backward one sweep for the five that do, 8, 7, 3, 1 and 0 (not neighbours).
        var random = new Random(41);
        Scalar Leaf() => new((2 * random.NextDouble()) - 1);
        var x = Enumerable.Range(0, 21).Select(_ => new Scalar(Leaf().Data / 10)).ToArray(); // |xᵢ| ≤ 0.1
        var rows = Enumerable.Range(0, 9).Select(_ => Enumerable.Range(0, 21).Select(_ => Leaf()).ToArray()).ToArray();
        var biases = new[] { 3.0, 3, 3, 3, -3, -3, 3, 3, 3 }.Select(b => new Scalar(b)).ToArray();
        var readout = new[] { 0.15, -0.2, 0, 0.05, 0.1, 0.2, 0, 0.3, 0.1 }.Select(k => new Scalar(k)).ToArray();
        Scalar Build()
        {
            var hidden = rows.Select((w, j) => Scalar.Dot(w, x, biases[j]).Relu()).ToArray();
            return Scalar.Dot(readout, hidden).Tanh();
        }

        var leaves = x.Concat(rows.SelectMany(r => r)).Concat(biases).Concat(readout).ToArray();
        var graph = Build().Compile(updates);
        graph.InLayerRuns.Should().Be(9, "the nine neurons are one layer run");
        graph.InLayerRunsInLanes.Should().Be(Lanes ? 9 : 0, "their ReLUs' numbers lie in lanes");

        for (int round = 0; round < 3; round++)
        {
            // New values each round, so that a pair reading a value before it is computed would show.
            for (int k = 0; k < 21 + (9 * 21); k++)
            {
                leaves[k].Data = ((2 * random.NextDouble()) - 1) * (k < 21 ? 0.1 : 1); // the inputs, then the weights
            }

            var dynamic = Build();
            ZeroLeafGrads(leaves);
            dynamic.Backward();
            long[] expected = [.. leaves.Select(l => Bits(l.Grad))];
            var nodes = dynamic.TopologicalOrder();
            long[] expectedNodes = [.. nodes.Select(n => Bits(n.Grad))];

            ZeroLeafGrads(leaves);
            Bits(graph.Forward()).Should().Be(Bits(dynamic.Data), $"round {round}");
            graph.Backward();
            leaves.Select(l => Bits(l.Grad)).Should().Equal(expected, $"round {round}: every leaf's gradient");
            if (updates == NodeUpdates.EveryNode)
            {
                graph.Root.TopologicalOrder().Select(n => Bits(n.Grad)).Should().Equal(expectedNodes, $"round {round}: every node's gradient");
            }
            else
            {
                graph.Root.TopologicalOrder().Select(n => Bits(graph.GradientOf(n))).Should().Equal(expectedNodes, $"round {round}: every node's gradient");
            }
        }
    }

    [Fact]
    public void Dot_products_that_read_each_other_or_share_weights_are_not_computed_together_and_keep_the_dynamic_numbers()
    {
        var random = new Random(42);
        Scalar Leaf() => new((2 * random.NextDouble()) - 1);
        var x = Enumerable.Range(0, 20).Select(_ => Leaf()).ToArray();
        var w0 = Enumerable.Range(0, 20).Select(_ => Leaf()).ToArray();
        var w1 = Enumerable.Range(0, 19).Select(_ => Leaf()).ToArray();
        Scalar Build()
        {
            // In the order they are computed: each next to one it may not share a sweep with.
            var a0 = Scalar.Dot(w0, x).Relu();
            var z1 = Scalar.Dot([a0, .. w1], x);     // its weights hold the first's activation
            var z2 = Scalar.Dot(w0[..19], x[..19]);  // fewer inputs than z1
            var z3 = Scalar.Dot(w0[..19], x[..19]);  // the same weights as z2
            return Scalar.Dot([z1, z2, z3], [z1, z2, z3]);
        }

        var leaves = x.Concat(w0).Concat(w1).ToArray();
        foreach (var updates in new[] { NodeUpdates.EveryNode, NodeUpdates.LeavesAndRoot })
        {
            var graph = Build().Compile(updates);
            graph.InLayerRuns.Should().Be(0, $"{updates}: no two of these can share a sweep");
            foreach (var leaf in leaves)
            {
                leaf.Data = (2 * random.NextDouble()) - 1;
            }

            var dynamic = Build();
            ZeroLeafGrads(leaves);
            dynamic.Backward();
            long[] expected = [.. leaves.Select(l => Bits(l.Grad))];

            ZeroLeafGrads(leaves);
            Bits(graph.Forward()).Should().Be(Bits(dynamic.Data), $"{updates}");
            graph.Backward();
            leaves.Select(l => Bits(l.Grad)).Should().Equal(expected, $"{updates}");
        }
    }

    [Fact]
    public void The_neurons_of_a_wide_layer_form_a_layer_run_on_each_point()
    {
        var model = new AutogradForDummies.Nn.MLP(2, [16, 16, 1], seed: 3);
        var scores = Enumerable.Range(0, 5).Select(i => model.Forward([i, -i])[0]).ToArray();
        var graph = AutogradForDummies.Nn.Losses.Hinge(scores, [1, -1, 1, -1, 1]).Compile();

        // The second hidden layer's 16 neurons read the same inputs (the first layer's 16): one layer run per point. The
        // first layer's, with two inputs each, run as one step per point too (GroupShortDots); the output neuron is
        // alone.
        graph.InLayerRuns.Should().Be(5 * 16);
        graph.InLayerRunsInLanes.Should().Be(Lanes ? 5 * 16 : 0);
        graph.InShortRuns.Should().Be(5 * 16);

        // The parameters' places: without a term over all of them, each neuron's weights go where the first point
        // reaches them, between the layer's other nodes; with an L2 term, they are one list, neuron after neuron, so a
        // pass finds each neuron's weights from the first's.
        graph.InStridedLayerRuns.Should().Be(0);
        var withL2 = (AutogradForDummies.Nn.Losses.Hinge(scores, [1, -1, 1, -1, 1]) + AutogradForDummies.Nn.Losses.L2(model.Parameters(), 1e-3)).Compile();
        withL2.InStridedLayerRuns.Should().Be(5 * 16);
    }

    [Fact]
    public void Layers_whose_weights_lie_either_way_round_give_the_dynamic_bits()
    {
        // An L2 term over the parameters lays each layer's weights out neuron after neuron, and a layer run's neurons
        // come last neuron first, so its weights lie in falling slots; with each layer's neurons listed in reverse, in
        // rising slots. 32 neurons on 32 inputs: long enough for every kernel, four neurons at a time.
        var model = new AutogradForDummies.Nn.MLP(2, [32, 32, 1], seed: 4);
        var parameters = model.Parameters().ToArray();
        Scalar[] neuronsReversed = [.. model.Layers.SelectMany(layer => layer.Neurons.Reverse().SelectMany(neuron => neuron.Parameters()))];
        var random = new Random(5);
        foreach (var p in parameters)
        {
            p.Data = (2 * random.NextDouble()) - 1; // biases too, which start at 0
        }

        double[][] points = [.. Enumerable.Range(0, 6).Select(_ => new[] { (2 * random.NextDouble()) - 1, (2 * random.NextDouble()) - 1 })];
        var rising = new List<int>();
        var falling = new List<int>();
        foreach (bool reversed in new[] { false, true })
        {
            Scalar Build()
            {
                var scores = points.Select(p => model.Forward(p)[0]).ToArray();
                var l2 = AutogradForDummies.Nn.Losses.L2(reversed ? neuronsReversed : parameters, 1e-3);
                return AutogradForDummies.Nn.Losses.Hinge(scores, [1, -1, 1, -1, 1, -1]) + l2;
            }

            foreach (var graph in CompiledAsDynamic(Build, parameters, $"reversed {reversed}"))
            {
                graph.InLayerRunsInLanes.Should().Be(Lanes ? 6 * 32 : 0);
                graph.InStridedLayerRuns.Should().Be(6 * 32);
                rising.Add(graph.InLayerRunsWithRisingWeights);
                falling.Add(graph.InStridedLayerRuns - graph.InLayerRunsWithRisingWeights);
            }
        }

        rising.Should().Contain(6 * 32, "one of the two lays each run's weights first neuron first");
        falling.Should().Contain(6 * 32, "and the other last neuron first");
    }

    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(32)]
    public void A_first_layers_points_get_the_dynamic_gradients(int width)
    {
        // The points are leaves too: a first layer's table passes their gradients on, last neuron first.
        var model = new AutogradForDummies.Nn.MLP(2, [width, 8, 1], seed: 7);
        var random = new Random(3);
        var parameters = model.Parameters().ToArray();
        foreach (var p in parameters)
        {
            p.Data = (2 * random.NextDouble()) - 1;
        }

        Scalar[][] points = [.. Enumerable.Range(0, 5).Select(_ => new[] { new Scalar((2 * random.NextDouble()) - 1), new Scalar((2 * random.NextDouble()) - 1) })];
        Scalar Build() => Scalar.Sum([.. points.Select(p => model.Forward(p)[0])]) + AutogradForDummies.Nn.Losses.L2(parameters, 1e-3);
        foreach (var graph in CompiledAsDynamic(Build, [.. parameters, .. points.SelectMany(p => p)], $"width {width}"))
        {
            graph.InTableRuns.Should().Be(Lanes ? 5 * width : 0);
        }
    }

    [Theory]
    [InlineData(false, 8)]
    [InlineData(true, 8)]
    [InlineData(false, 16)]
    [InlineData(true, 16)]
    public void Layer_runs_in_the_order_of_the_code_with_weights_a_step_apart_give_the_dynamic_bits(bool rowsReversed, int neurons)
    {
        // As in Runs_whose_lanes_hold_the_neurons_in_the_order_of_the_code…, lanes in the order of the code, now with an
        // L2 term over the rows, so that their weights start a step apart, in rising slots or, rows reversed, falling.
        const int inputs = 20;
        var random = new Random(61);
        Scalar Leaf() => new(random.NextDouble() - 0.5);
        var rows = Enumerable.Range(0, neurons).Select(_ => Enumerable.Range(0, inputs + 1).Select(_ => Leaf()).ToArray()).ToArray();
        var readout = Enumerable.Range(0, neurons).Select(_ => Leaf()).ToArray();
        var extra = Enumerable.Range(0, 3).Select(_ => Leaf()).ToArray();
        var points = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, inputs).Select(_ => (2 * random.NextDouble()) - 1).ToArray()).ToArray();
        Scalar[] leaves = [.. rows.SelectMany(r => r), .. readout, .. extra];
        Scalar[] l2 = rowsReversed ? [.. rows.Reverse().SelectMany(r => r)] : [.. rows.SelectMany(r => r)];
        Scalar Build() => Scalar.Sum(points.Select((p, e) =>
        {
            Scalar[] x = [.. p.Select(v => new Scalar(v))];
            var relus = rows.Select(r => Scalar.Dot(r[..inputs], x, r[inputs]).Relu()).ToArray();
            return Scalar.Sum([Scalar.Sum([.. relus.Reverse(), extra[e].Tanh()]), Scalar.Dot(readout, relus)]);
        }).ToArray()) + AutogradForDummies.Nn.Losses.L2(l2, 1e-3);
        foreach (var graph in CompiledAsDynamic(Build, leaves, $"rows reversed {rowsReversed}, {neurons} neurons"))
        {
            graph.InStridedLayerRuns.Should().Be(3 * neurons);
            graph.InAscendingLanes.Should().Be(Lanes ? 3 * neurons : 0);
            graph.InLayerRunsWithRisingWeights.Should().Be(rowsReversed ? 3 * neurons : 0);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Layer_runs_pass_NaN_and_infinite_gradients_on_as_the_dynamic_path_does(bool neuronsReversed)
    {
        // NaN, infinite and zero weights in the output neuron give the hidden layer's neurons NaN, infinite and zero
        // gradients, which the lists of neurons that pass a gradient on must keep or drop as the dynamic path does.
        var model = new AutogradForDummies.Nn.MLP(2, [32, 32, 1], seed: 4);
        var random = new Random(11);
        var parameters = model.Parameters().ToArray();
        foreach (var p in parameters)
        {
            p.Data = (2 * random.NextDouble()) - 1;
        }

        var output = model.Layers[^1].Neurons[0].Parameters().ToArray();
        foreach (int k in new[] { 1, 3, 5, 9, 17, 21, 26, 30 })
        {
            output[k].Data = double.NaN;
        }

        (output[7].Data, output[8].Data, output[12].Data, output[13].Data) = (-0.0, 0.0, double.PositiveInfinity, double.NegativeInfinity);
        Scalar[] reversed = [.. model.Layers.SelectMany(layer => layer.Neurons.Reverse().SelectMany(neuron => neuron.Parameters()))];
        double[][] points = [.. Enumerable.Range(0, 6).Select(_ => new[] { (2 * random.NextDouble()) - 1, (2 * random.NextDouble()) - 1 })];
        Scalar Build() => Scalar.Sum([.. points.Select(p => model.Forward(p)[0])]) + AutogradForDummies.Nn.Losses.L2(neuronsReversed ? reversed : parameters, 1e-3);
        foreach (var graph in CompiledAsDynamic(Build, parameters, $"neurons reversed {neuronsReversed}"))
        {
            graph.InStridedLayerRuns.Should().Be(6 * 32);
        }
    }

    [Fact]
    public void Layers_whose_weights_overlap_inputs_biases_and_each_other_compile_to_the_dynamic_bits()
    {
        // Random layers of dot products over one pool of leaves: weights are slices of the pool, so they may overlap
        // the inputs (also a slice), another neuron's weights or a bias, or hold an earlier neuron's value; the
        // pool is also summed, so it is one long run of slots. Whatever layer runs the graph forms must not change a bit.
        int inRuns = 0, strided = 0;
        for (int seed = 0; seed < 1500; seed++)
        {
            var random = new Random(seed);
            var pool = Enumerable.Range(0, 60).Select(_ => new Scalar(random.NextDouble() - 0.5)).ToArray();
            Scalar Build()
            {
                var r = new Random(seed);
                int n = r.Next(1, 20);
                int start = r.Next(pool.Length - n + 1);
                Scalar[] x = pool[start..(start + n)];
                for (int layer = 0; layer < 1 + r.Next(2); layer++)
                {
                    var outputs = new Scalar[1 + r.Next(6)];
                    for (int j = 0; j < outputs.Length; j++)
                    {
                        int a = r.Next(pool.Length - x.Length + 1);
                        Scalar[] w = j > 0 && r.Next(5) == 0 ? [outputs[j - 1], .. pool[a..(a + x.Length - 1)]] : pool[a..(a + x.Length)];
                        Scalar? bias = r.Next(3) switch { 0 => null, 1 => pool[Math.Min(a + x.Length, pool.Length - 1)], _ => pool[r.Next(pool.Length)] };
                        var z = Scalar.Dot(w, x, bias);
                        outputs[j] = r.Next(3) switch { 0 => z.Tanh(), 1 => z, _ => z.Relu() }; // z itself: a weight may be a dot's value
                    }

                    x = outputs;
                }

                return Scalar.Dot(x, x) + (Scalar.Sum(pool) * 1e-3);
            }

            var graphs = CompiledAsDynamic(Build, pool, $"seed {seed}");
            inRuns += graphs.Sum(graph => graph.InLayerRuns);
            strided += graphs.Sum(graph => graph.InStridedLayerRuns);
        }

        inRuns.Should().BeGreaterThan(2000, "many of these layers form runs");
        strided.Should().BeGreaterThan(100, "some runs' weights start a fixed step apart").And.BeLessThan(inRuns - 100, "and some not");
    }
}
