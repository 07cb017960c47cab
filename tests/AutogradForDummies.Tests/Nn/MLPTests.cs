using AutogradForDummies.Nn;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Nn;

public sealed class MLPTests
{
    [Fact]
    public void Micrograds_moons_network_has_337_parameters()
    {
        var model = new MLP(2, [16, 16, 1]);

        model.ParameterCount.Should().Be(337);
        model.Parameters().Should().HaveCount(337).And.OnlyHaveUniqueItems();
        model.NamedParameters().Should().HaveCount(337);
        model.InputCount.Should().Be(2);
        model.OutputCount.Should().Be(1);
        model.LayerSizes.Should().Equal(16, 16, 1);
    }

    [Fact]
    public void Hidden_layers_use_the_hidden_activation_and_the_last_layer_is_linear()
    {
        var model = new MLP(3, [4, 5, 2], seed: 1, hiddenActivation: Activation.Tanh);

        model.Layers.Should().HaveCount(3);
        model.Layers[0].Activation.Should().Be(Activation.Tanh);
        model.Layers[1].Activation.Should().Be(Activation.Tanh);
        model.Layers[2].Activation.Should().Be(Activation.Linear);
        model.Layers[1].InputCount.Should().Be(4);
        model.Layers[2].InputCount.Should().Be(5);
        new MLP(2, [16, 16, 1]).Layers[0].Activation.Should().Be(Activation.Relu);
    }

    [Fact]
    public void ToString_reads_like_micrograd()
    {
        string relu2 = string.Join(", ", Enumerable.Repeat("ReLUNeuron(2)", 16));
        string relu16 = string.Join(", ", Enumerable.Repeat("ReLUNeuron(16)", 16));

        new MLP(2, [16, 16, 1]).ToString().Should().Be(
            $"MLP of [Layer of [{relu2}], Layer of [{relu16}], Layer of [LinearNeuron(16)]]");
    }

    [Fact]
    public void Parameters_follow_micrograds_order_layer_by_layer_neuron_by_neuron_weights_then_bias()
    {
        var model = new MLP(2, [3, 1], seed: 4);

        var expected = new List<Scalar>();
        foreach (var layer in model.Layers)
        {
            foreach (var neuron in layer.Neurons)
            {
                expected.AddRange(neuron.Weights);
                expected.Add(neuron.Bias);
            }
        }

        model.Parameters().Should().Equal(expected);
        model.NamedParameters()[0].Key.Should().Be("layers.0.neurons.0.w.0");
        model.NamedParameters()[2].Key.Should().Be("layers.0.neurons.0.b");
        model.NamedParameters()[7].Key.Should().Be("layers.0.neurons.2.w.1");
        model.NamedParameters()[12].Key.Should().Be("layers.1.neurons.0.b");
        for (int i = 0; i < expected.Count; i++)
        {
            model.NamedParameters()[i].Value.Should().BeSameAs(expected[i]);
        }
    }

    [Fact]
    public void The_parameter_list_is_built_once_and_cannot_be_changed_by_the_caller()
    {
        var model = new MLP(2, [3, 1]);

        model.Parameters().Should().BeSameAs(model.Parameters());
        model.NamedParameters().Should().BeSameAs(model.NamedParameters());
        model.Parameters().Should().NotBeAssignableTo<Scalar[]>();
        ((ICollection<Scalar>)model.Parameters()).IsReadOnly.Should().BeTrue();
    }

    [Fact]
    public void The_same_seed_builds_the_same_network()
    {
        var a = new MLP(2, [4, 1], seed: 21);
        var b = new MLP(2, [4, 1], seed: 21);
        var c = new MLP(2, [4, 1], new Random(21));

        for (int i = 0; i < a.ParameterCount; i++)
        {
            b.Parameters()[i].Data.Should().Be(a.Parameters()[i].Data);
            c.Parameters()[i].Data.Should().Be(a.Parameters()[i].Data);
        }
    }

    [Fact]
    public void Unseeded_networks_start_from_different_weights()
    {
        var a = new MLP(2, [4, 1]);
        var b = new MLP(2, [4, 1]);

        a.Parameters().Select(p => p.Data).Should().NotEqual(b.Parameters().Select(p => p.Data));
        new Neuron(8).Weights.Select(w => w.Data).Should().NotEqual(new Neuron(8).Weights.Select(w => w.Data));
        new Layer(3, 3).Parameters().Select(p => p.Data).Should().NotEqual(new Layer(3, 3).Parameters().Select(p => p.Data));
    }

    [Fact]
    public void Forward_chains_the_layers()
    {
        var model = new MLP(2, [3, 2], seed: 6, hiddenActivation: Activation.Tanh);
        double[] x = [0.3, -0.7];

        var y = model.Forward(x);
        var hidden = model.Layers[0].Forward([new Scalar(0.3), new Scalar(-0.7)]);
        var expected = model.Layers[1].Forward(hidden);

        y.Should().HaveCount(2);
        y[0].Data.Should().Be(expected[0].Data);
        y[1].Data.Should().Be(expected[1].Data);
        model.Forward([new Scalar(0.3), new Scalar(-0.7)])[1].Data.Should().Be(expected[1].Data);
    }

    [Fact]
    public void Each_neuron_is_one_dot_node_and_a_layers_neurons_share_one_input_array()
    {
        var model = new MLP(2, [3, 1], seed: 6);
        var x = new Scalar[] { new(0.3), new(-0.7) };

        var output = model.Forward(x)[0];

        output.Op.Should().Be("dot"); // the last layer is linear: its neuron is just the dot node
        var hidden = output.Inputs;   // the hidden layer's outputs, passed on without a copy
        hidden.Should().HaveCount(3).And.OnlyContain(h => h.Op == "ReLU");
        var firstInputs = hidden[0].First.Inputs;
        firstInputs.Should().NotBeSameAs(x).And.Equal(x[0], x[1]); // the caller's array is copied once...
        hidden[1].First.Inputs.Should().BeSameAs(firstInputs);      // ...and that copy is shared by every neuron
        hidden[2].First.Inputs.Should().BeSameAs(firstInputs);
        hidden[0].First.WeightsAndBias.Should().Equal(model.Layers[0].Neurons[0].Parameters(), "one array: the weights, then the bias");
        model.Forward(x)[0].Inputs[0].First.WeightsAndBias.Should().BeSameAs(
            hidden[0].First.WeightsAndBias, "every forward pass uses the neuron's one array, never a copy");
    }

    [Fact]
    public void ZeroGrad_resets_every_parameter()
    {
        var model = new MLP(2, [3, 1], seed: 2, hiddenActivation: Activation.Tanh);
        model.Forward([1.0, 2.0])[0].Backward();
        model.Parameters().Should().Contain(p => p.Grad != 0);

        model.ZeroGrad();

        model.Parameters().Should().OnlyContain(p => p.Grad == 0);
    }

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.Sigmoid)]
    public void Every_parameter_gradient_matches_central_finite_differences(Activation activation)
    {
        var model = new MLP(3, [4, 3, 1], seed: 12, hiddenActivation: activation);
        double[][] xs = [[0.5, -1.2, 0.3], [-0.4, 0.8, 1.1], [1.5, 0.2, -0.6], [0.1, 0.1, 0.9]];
        double[] targets = [0.7, -0.3, 0.2, 1.0];
        Scalar Loss()
        {
            // Σ (y − t)², written with plain operators so that the check does not depend on Losses.
            Scalar total = 0.0;
            for (int i = 0; i < xs.Length; i++)
            {
                var d = model.Forward(xs[i])[0] - targets[i];
                total += d * d;
            }

            return total;
        }

        var loss = Loss();
        model.ZeroGrad();
        loss.Backward();

        const double h = 1e-6;
        foreach (var (name, p) in model.NamedParameters())
        {
            double saved = p.Data;
            p.Data = saved + h;
            double up = Loss().Data;
            p.Data = saved - h;
            double down = Loss().Data;
            p.Data = saved;

            double numeric = (up - down) / (2 * h);
            p.Grad.Should().BeApproximately(numeric, 1e-6 * Math.Max(1, Math.Abs(numeric)), name);
        }

        Loss().Data.Should().Be(loss.Data);
    }

    [Fact]
    public void Input_gradients_match_central_finite_differences()
    {
        var model = new MLP(2, [5, 1], seed: 3, hiddenActivation: Activation.Tanh);
        var x0 = new Scalar(0.4);
        var x1 = new Scalar(-0.9);

        model.Forward([x0, x1])[0].Backward();

        const double h = 1e-6;
        double F(double a, double b) => model.Forward([a, b])[0].Data;
        x0.Grad.Should().BeApproximately((F(0.4 + h, -0.9) - F(0.4 - h, -0.9)) / (2 * h), 1e-8);
        x1.Grad.Should().BeApproximately((F(0.4, -0.9 + h) - F(0.4, -0.9 - h)) / (2 * h), 1e-8);
    }

    [Fact]
    public void A_network_can_be_assembled_from_layers_with_any_activations()
    {
        var random = new Random(5);
        var model = new MLP([new Layer(2, 3, random, Activation.Tanh), new Layer(3, 1, random, Activation.Sigmoid)]);

        model.ToString().Should().Be("MLP of [Layer of [TanhNeuron(2), TanhNeuron(2), TanhNeuron(2)], Layer of [SigmoidNeuron(3)]]");
        model.Forward([1.0, 2.0])[0].Data.Should().BeInRange(0, 1);
        model.ParameterCount.Should().Be(13);
    }

    [Fact]
    public void Layers_that_do_not_fit_together_are_rejected()
    {
        var layer = new Layer(2, 3);

        FluentActions.Invoking(() => new MLP([layer, new Layer(4, 1)]))
            .Should().Throw<ArgumentException>().WithParameterName("layers").WithMessage("Layer 1 takes 4 inputs, but layer 0 has 3 outputs*");
        FluentActions.Invoking(() => new MLP(Array.Empty<Layer>())).Should().Throw<ArgumentException>().WithParameterName("layers");
        FluentActions.Invoking(() => new MLP([layer, null!])).Should().Throw<ArgumentNullException>().WithParameterName("layers");
        FluentActions.Invoking(() => new MLP((IReadOnlyList<Layer>)null!)).Should().Throw<ArgumentNullException>().WithParameterName("layers");
        var square = new Layer(3, 3);
        FluentActions.Invoking(() => new MLP([square, square])).Should().Throw<ArgumentException>().WithMessage("Layer 1 appears twice*");
    }

    public static TheoryData<int, int[], string> TooManyParameters() => new()
    {
        { int.MaxValue, [1], "inputs" },                       // one neuron that no array can hold
        { 2, [int.MaxValue], "layerSizes" },                   // a layer of int.MaxValue neurons
        { 2, [46_341, 46_341], "layerSizes" },                 // 2 147 673 645 parameters: more than int.MaxValue
        { 2, [50_000, 1, 50_000, 50_000], "layerSizes" },      // the last layer alone is too large
        { 2, [.. Enumerable.Repeat(40_000, 10_000)], "layerSizes" }, // the running total stops at the first excess
    };

    [Theory]
    [MemberData(nameof(TooManyParameters))]
    public void A_network_whose_parameters_no_array_can_hold_is_refused_before_anything_is_allocated(
        int inputs, int[] layerSizes, string parameter)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();

        FluentActions.Invoking(() => new MLP(inputs, layerSizes, seed: 1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter).WithMessage("*parameters*more than one array can hold*");

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(1 << 20);
    }

    [Fact]
    public void Non_positive_sizes_and_other_bad_arguments_are_rejected_with_their_names()
    {
        FluentActions.Invoking(() => new MLP(0, [1])).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("inputs");
        FluentActions.Invoking(() => new MLP(2, [16, 0, 1]))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("layerSizes").WithMessage("Layer 1 has 0 neurons*");
        FluentActions.Invoking(() => new MLP(2, [-4])).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("layerSizes");
        FluentActions.Invoking(() => new MLP(2, [])).Should().Throw<ArgumentException>().WithParameterName("layerSizes");
        FluentActions.Invoking(() => new MLP(2, null!)).Should().Throw<ArgumentNullException>().WithParameterName("layerSizes");
        FluentActions.Invoking(() => new MLP(2, [1], (Random)null!)).Should().Throw<ArgumentNullException>().WithParameterName("random");
        FluentActions.Invoking(() => new MLP(2, [1], (Activation)9, 0))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("hiddenActivation");
    }

    [Fact]
    public void Forward_rejects_the_wrong_number_of_inputs()
    {
        var model = new MLP(2, [3, 1]);

        FluentActions.Invoking(() => model.Forward([1.0, 2.0, 3.0]))
            .Should().Throw<ArgumentException>().WithParameterName("x").WithMessage("Expected 2 inputs but got 3*");
        FluentActions.Invoking(() => model.Forward([new Scalar(1)]))
            .Should().Throw<ArgumentException>().WithParameterName("x").WithMessage("Expected 2 inputs but got 1*");
        FluentActions.Invoking(() => model.Forward((IReadOnlyList<double>)null!)).Should().Throw<ArgumentNullException>().WithParameterName("x");
        FluentActions.Invoking(() => model.Forward([new Scalar(1), null!])).Should().Throw<ArgumentNullException>().WithParameterName("x");
    }

    [Theory]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.LeakyRelu)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Linear)]
    public void Predict_gives_exactly_the_numbers_of_Forward_without_building_a_graph(Activation activation)
    {
        var model = new MLP(2, [16, 20, 3], activation, seed: 4);
        var random = new Random(9);
        for (int trial = 0; trial < 200; trial++)
        {
            double[] x = [(random.NextDouble() * 6) - 3, (random.NextDouble() * 6) - 3];

            double[] predicted = model.Predict(x);
            var forward = model.Forward(x);

            predicted.Select(BitConverter.DoubleToInt64Bits).Should().Equal(forward.Select(s => BitConverter.DoubleToInt64Bits(s.Data)));
        }

        model.Predict(new List<double> { 0.5, 0.25 }).Should().Equal(model.Predict([0.5, 0.25]), "any list of inputs works");
    }

    [Fact]
    public void Predict_allocates_only_its_outputs_no_nodes()
    {
        var model = new MLP(2, [16, 16, 1], seed: 1);
        double[] x = [0.3, -0.2];
        model.Predict(x);
        model.Forward(x);

        long before = GC.GetAllocatedBytesForCurrentThread();
        model.Predict(x);
        long predict = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        model.Forward(x);
        long forward = GC.GetAllocatedBytesForCurrentThread() - before;

        predict.Should().BeLessThanOrEqualTo(3 * (24 + (16 * 8)), "three arrays of outputs, at most 16 numbers each");
        forward.Should().BeGreaterThan(8 * predict, "Forward builds 66 nodes, Predict none");
    }

    [Fact]
    public void Predict_checks_its_inputs_like_Forward()
    {
        var model = new MLP(3, [2, 1], seed: 1);

        FluentActions.Invoking(() => model.Predict([1.0, 2.0])).Should().Throw<ArgumentException>().WithParameterName("x");
        FluentActions.Invoking(() => model.Predict(null!)).Should().Throw<ArgumentNullException>().WithParameterName("x");
        FluentActions.Invoking(() => model.Layers[0].Predict([1.0])).Should().Throw<ArgumentException>().WithParameterName("x");
        FluentActions.Invoking(() => model.Layers[0].Neurons[0].Predict([1.0, 2.0, 3.0, 4.0])).Should().Throw<ArgumentException>().WithParameterName("x");
    }

    [Fact]
    public void Layer_and_neuron_predictions_are_the_forward_values_too()
    {
        var layer = new Layer(3, 4, Activation.LeakyRelu, seed: 2);
        double[] x = [-1.5, 0.25, 2.0];

        layer.Predict(x).Should().Equal(layer.Forward([.. x.Select(v => new Scalar(v))]).Select(s => s.Data));
        layer.Neurons[1].Predict(x).Should().Be(layer.Neurons[1].Forward([.. x.Select(v => new Scalar(v))]).Data);
    }
}
