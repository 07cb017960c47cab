using AutogradForDummies.Data;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Tests.Data;

public sealed class DatasetTests
{
    [Fact]
    public void Holds_rows_and_labels_with_their_sizes()
    {
        var data = new Dataset([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], [0, 2, 1]);

        data.Count.Should().Be(3);
        data.FeatureCount.Should().Be(2);
        data.ClassCount.Should().Be(3);
        data.Features[1].Should().Equal(3.0, 4.0);
        data.Labels.Should().Equal(0, 2, 1);
        data.ToString().Should().Be("Dataset(3 examples, 2 features, 3 classes)");
    }

    [Fact]
    public void Copies_its_input_and_cannot_be_changed()
    {
        double[] row = [1.0, 2.0];
        var rows = new List<IReadOnlyList<double>> { row };
        var labels = new List<int> { 1 };
        var data = new Dataset(rows, labels);

        row[0] = 99;
        rows.Add([5.0, 6.0]);
        labels[0] = 0;

        data.Features.Should().HaveCount(1);
        data.Features[0].Should().Equal(1.0, 2.0);
        data.Labels.Should().Equal(1);
        FluentActions.Invoking(() => ((IList<double>)data.Features[0])[0] = 5).Should().Throw<NotSupportedException>();
        FluentActions.Invoking(() => ((IList<int>)data.Labels)[0] = 5).Should().Throw<NotSupportedException>();
    }

    [Fact]
    public void SignedLabels_maps_class_0_to_minus_one_and_class_1_to_plus_one()
    {
        var data = new Dataset([[0.0], [1.0], [2.0]], [1, 0, 1]);

        data.SignedLabels().Should().Equal(1.0, -1.0, 1.0);
    }

    [Fact]
    public void SignedLabels_needs_two_classes()
    {
        var data = new Dataset([[0.0], [1.0], [2.0]], [0, 1, 2]);

        FluentActions.Invoking(data.SignedLabels).Should().Throw<InvalidOperationException>().WithMessage("*two classes*3*");
    }

    [Fact]
    public void BinaryLabels_gives_class_0_as_zero_and_class_1_as_one_and_needs_two_classes()
    {
        var data = new Dataset([[0.0], [1.0], [2.0]], [1, 0, 1]);

        data.BinaryLabels().Should().Equal(1.0, 0.0, 1.0);
        data.BinaryLabels().Should().BeSameAs(data.BinaryLabels());
        FluentActions.Invoking(new Dataset([[0.0], [1.0], [2.0]], [0, 1, 2]).BinaryLabels)
            .Should().Throw<InvalidOperationException>().WithMessage("Binary labels*two classes*3*");
    }

    [Fact]
    public void Split_divides_the_examples_by_the_fraction()
    {
        var data = Numbered(100);

        var (train, test) = data.Split(0.2, seed: 3);

        train.Count.Should().Be(80);
        test.Count.Should().Be(20);
        var all = train.Features.Concat(test.Features).Select(r => r[0]).ToList();
        all.Should().OnlyHaveUniqueItems().And.HaveCount(100, "every example lands in exactly one part");
    }

    [Fact]
    public void Split_keeps_each_example_with_its_label_and_the_original_order()
    {
        var data = Numbered(50);

        var (train, test) = data.Split(0.3, seed: 5);

        foreach (var part in new[] { train, test })
        {
            var ids = part.Features.Select(r => r[0]).ToList();
            ids.Should().BeInAscendingOrder();
            for (int i = 0; i < part.Count; i++)
            {
                part.Labels[i].Should().Be((int)part.Features[i][0] % 3);
            }
        }
    }

    [Fact]
    public void Split_is_the_same_for_the_same_seed_and_differs_for_another()
    {
        var data = Numbered(60);

        var first = data.Split(0.25, seed: 11).Test.Features.Select(r => r[0]).ToList();
        var again = data.Split(0.25, seed: 11).Test.Features.Select(r => r[0]).ToList();
        var other = data.Split(0.25, seed: 12).Test.Features.Select(r => r[0]).ToList();

        again.Should().Equal(first);
        other.Should().NotEqual(first);
    }

    [Fact]
    public void Split_parts_keep_the_class_count_of_the_whole()
    {
        var data = new Dataset([[0.0], [1.0], [2.0], [3.0]], [0, 0, 0, 5]);

        var (train, test) = data.Split(0.5, seed: 0);

        train.ClassCount.Should().Be(6);
        test.ClassCount.Should().Be(6);
    }

    [Theory]
    [InlineData(3, 0.01, 1)]
    [InlineData(3, 0.99, 2)]
    [InlineData(10, 0.25, 3)]
    [InlineData(2, 0.5, 1)]
    public void Split_leaves_at_least_one_example_on_each_side(int count, double fraction, int testCount)
    {
        var (train, test) = Numbered(count).Split(fraction, seed: 1);

        test.Count.Should().Be(testCount);
        train.Count.Should().Be(count - testCount);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Split_rejects_a_fraction_outside_zero_to_one(double fraction)
    {
        FluentActions.Invoking(() => Numbered(10).Split(fraction, seed: 0))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("testFraction");
    }

    [Fact]
    public void Split_needs_two_examples()
    {
        FluentActions.Invoking(() => Numbered(1).Split(0.5, seed: 0)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Rejects_bad_rows_and_labels()
    {
        FluentActions.Invoking(() => new Dataset(null!, [0]))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("features");
        FluentActions.Invoking(() => new Dataset([[1.0]], null!))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("labels");
        FluentActions.Invoking(() => new Dataset([], []))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("features");
        FluentActions.Invoking(() => new Dataset([[1.0], null!], [0, 1]))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("features");
        FluentActions.Invoking(() => new Dataset([[1.0, 2.0], [3.0]], [0, 1]))
            .Should().Throw<ArgumentException>().WithMessage("*row 1 has 1 and row 0 has 2*").Which.ParamName.Should().Be("features");
        FluentActions.Invoking(() => new Dataset([[]], [0]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("features");
        FluentActions.Invoking(() => new Dataset([[1.0, double.NaN]], [0]))
            .Should().Throw<ArgumentException>().WithMessage("*finite*").Which.ParamName.Should().Be("features");
        FluentActions.Invoking(() => new Dataset([[1.0], [2.0]], [0]))
            .Should().Throw<ArgumentException>().WithMessage("*1 labels for 2 rows*").Which.ParamName.Should().Be("labels");
        FluentActions.Invoking(() => new Dataset([[1.0]], [-1]))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("labels");
    }

    [Fact]
    public void A_label_of_int_MaxValue_is_refused_so_the_class_count_never_overflows()
    {
        FluentActions.Invoking(() => new Dataset([[1.0]], [int.MaxValue]))
            .Should().Throw<ArgumentException>().WithParameterName("labels").WithMessage("Label 0 is 2147483647*below int.MaxValue*");

        var largest = new Dataset([[1.0], [2.0]], [0, int.MaxValue - 1]);
        largest.ClassCount.Should().Be(int.MaxValue);
    }

    [Fact]
    public void More_rows_or_values_than_an_array_can_hold_are_refused_before_anything_is_allocated()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();

        FluentActions.Invoking(() => new Dataset(new Huge<IReadOnlyList<double>>(int.MaxValue, [1.0]), [0]))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("features").WithMessage("2147483647 rows are more than one array can hold*");
        FluentActions.Invoking(() => new Dataset([new Huge<double>(Array.MaxLength + 1, 1.0)], [0]))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("features").WithMessage("*values in a row*");
        FluentActions.Invoking(() => Datasets.MakeBlobs(10, new Huge<IReadOnlyList<double>>(int.MaxValue, [0.0, 0.0])))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("centers");

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(1 << 20);
    }

    [Theory]
    [InlineData(int.MaxValue, 0.5, 1_073_741_824)]           // 1073741823.5 rounds away from zero
    [InlineData(int.MaxValue, 0.9999999999999999, int.MaxValue - 1)] // rounds to the whole count, then leaves one for training
    [InlineData(int.MaxValue, double.Epsilon, 1)]
    [InlineData(int.MaxValue, 1e-300, 1)]
    [InlineData(2, 0.9999999999999999, 1)]
    public void The_test_share_of_a_huge_count_stays_in_range(int count, double fraction, int expected)
    {
        Dataset.TestCount(count, fraction).Should().Be(expected);
    }

    // A list that says it holds `count` copies of one item, without storing them.
    private sealed class Huge<T>(int count, T item) : IReadOnlyList<T>
    {
        public int Count => count;

        public T this[int index] => (uint)index < (uint)count ? item : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<T> GetEnumerator()
        {
            for (int i = 0; i < count; i++)
            {
                yield return item;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // Example i has the single feature i and label i mod 3, so every example can be recognised.
    private static Dataset Numbered(int count)
    {
        var rows = new List<IReadOnlyList<double>>();
        var labels = new List<int>();
        for (int i = 0; i < count; i++)
        {
            rows.Add([i]);
            labels.Add(i % 3);
        }

        return new Dataset(rows, labels);
    }
}
