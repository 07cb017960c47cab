using System.Collections.ObjectModel;
using System.Globalization;

namespace AutogradForDummies.Data;

/// <summary>
/// A labelled data set for classification: one row of features and one class label per example.
/// It cannot be changed once made.
/// </summary>
/// <remarks>
/// Class labels are the integers 0, 1, …, <see cref="ClassCount"/> − 1. For a two-class problem trained
/// with a margin loss (micrograd's SVM "max-margin" loss) the labels are wanted as −1 and +1 instead:
/// <see cref="SignedLabels"/> gives them.
/// </remarks>
/// <example>
/// <code>
/// var data = Datasets.MakeMoons(100, noise: 0.1, seed: 1);
/// var (train, test) = data.Split(testFraction: 0.2, seed: 1);
/// Console.WriteLine(train); // Dataset(80 examples, 2 features, 2 classes)
/// IReadOnlyList&lt;double&gt; x0 = train.Features[0];
/// double y0 = train.SignedLabels()[0]; // −1 or +1
/// </code>
/// </example>
public sealed class Dataset
{
    private readonly double[][] _rows;
    private readonly int[] _labels;
    private ReadOnlyCollection<double>? _signedLabels;
    private ReadOnlyCollection<double>? _binaryLabels;

    /// <summary>Creates a data set from feature rows and their labels; both are copied.</summary>
    /// <param name="features">One row per example; every row has the same, non-zero number of finite values.</param>
    /// <param name="labels">One class label per row, each 0 or more and below <see cref="int.MaxValue"/>.</param>
    /// <exception cref="ArgumentNullException">A list or a row is null.</exception>
    /// <exception cref="ArgumentException">There are no rows, the counts differ, the rows differ in length,
    /// a value is not finite, a label is negative or <see cref="int.MaxValue"/>, or there are more rows or values
    /// than an array can hold (<see cref="Array.MaxLength"/>).</exception>
    public Dataset(IReadOnlyList<IReadOnlyList<double>> features, IReadOnlyList<int> labels)
        : this(CopyRows(features, nameof(features)), CopyLabels(labels, features.Count), classCount: null)
    {
    }

    /// <summary>Takes ownership of arrays that were already checked (or made) by this library.</summary>
    internal Dataset(double[][] rows, int[] labels, int? classCount)
    {
        _rows = rows;
        _labels = labels;
        FeatureCount = rows[0].Length;
        ClassCount = classCount ?? (labels.Max() + 1);

        var wrapped = new IReadOnlyList<double>[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            wrapped[i] = Array.AsReadOnly(rows[i]);
        }

        Features = Array.AsReadOnly(wrapped);
        Labels = Array.AsReadOnly(labels);
    }

    /// <summary>Gets the feature rows, one per example.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Features { get; }

    /// <summary>Gets the class labels (0, 1, …), one per example.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Gets the number of examples.</summary>
    public int Count => _labels.Length;

    /// <summary>Gets the number of features in each row.</summary>
    public int FeatureCount { get; }

    /// <summary>Gets the number of classes: one more than the largest label (a part made by
    /// <see cref="Split"/> keeps the count of the whole, even if it lacks a class).</summary>
    public int ClassCount { get; }

    /// <summary>
    /// Gets the labels of a two-class data set as −1 (for class 0) and +1 (for class 1), the form margin
    /// losses such as <c>relu(1 − y·score)</c> expect: a correct, confident score has the label's sign.
    /// </summary>
    /// <returns>One ±1 label per example.</returns>
    /// <exception cref="InvalidOperationException">The data set has more than two classes.</exception>
    public IReadOnlyList<double> SignedLabels()
    {
        CheckTwoClasses("Signed labels (−1/+1)");
        return _signedLabels ??= Array.AsReadOnly(Array.ConvertAll(_labels, label => label == 1 ? 1.0 : -1.0));
    }

    /// <summary>
    /// Gets the labels of a two-class data set as the numbers 0 and 1, the form
    /// <c>Losses.BinaryCrossEntropyWithLogits</c> expects (the probability that the example is of class 1).
    /// </summary>
    /// <returns>One 0 or 1 label per example.</returns>
    /// <exception cref="InvalidOperationException">The data set has more than two classes.</exception>
    public IReadOnlyList<double> BinaryLabels()
    {
        CheckTwoClasses("Binary labels (0/1)");
        return _binaryLabels ??= Array.AsReadOnly(Array.ConvertAll(_labels, label => (double)label));
    }

    /// <summary>
    /// Splits the examples at random into a training set and a test set, the same way for the same seed.
    /// </summary>
    /// <param name="testFraction">The share of examples for the test set, between 0 and 1 (exclusive). The test
    /// set gets round(Count × testFraction) examples, but at least one, and at least one is left for training.</param>
    /// <param name="seed">Chooses which examples go where.</param>
    /// <returns>The two parts; each keeps the examples in their original order, and the class count of the whole.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is not strictly between 0 and 1.</exception>
    /// <exception cref="InvalidOperationException">The data set has fewer than two examples.</exception>
    public (Dataset Train, Dataset Test) Split(double testFraction, int seed)
    {
        Guard.StrictFraction(testFraction, nameof(testFraction));
        if (Count < 2)
        {
            throw new InvalidOperationException("A data set needs at least two examples to be split.");
        }

        int testCount = TestCount(Count, testFraction);

        // A random permutation of the indices; its first testCount entries pick the test examples.
        var order = new int[Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var random = new Random(seed);
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var inTest = new bool[Count];
        for (int i = 0; i < testCount; i++)
        {
            inTest[order[i]] = true;
        }

        return (Subset(inTest, false, Count - testCount), Subset(inTest, true, testCount));
    }

    /// <summary>Returns text like <c>Dataset(100 examples, 2 features, 2 classes)</c>.</summary>
    /// <returns>The sizes of the data set.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"Dataset({Count} examples, {FeatureCount} features, {ClassCount} classes)");

    /// <summary>The size of the test part of <paramref name="count"/> examples (at least 2):
    /// round(count × testFraction), but at least 1 and at most count − 1. Computed in double precision, where
    /// count × testFraction &lt; count cannot overflow, and rounded back into that range.</summary>
    internal static int TestCount(int count, double testFraction) =>
        Math.Clamp((int)Math.Round(count * testFraction, MidpointRounding.AwayFromZero), 1, count - 1);

    private void CheckTwoClasses(string what)
    {
        if (ClassCount > 2)
        {
            throw new InvalidOperationException($"{what} need two classes, but this data set has {ClassCount}.");
        }
    }

    /// <summary>Copies rows of numbers after checking them: at least one row, none null or empty, all equally
    /// long, every value finite. Errors name <paramref name="paramName"/>.</summary>
    internal static double[][] CopyRows(IReadOnlyList<IReadOnlyList<double>> rows, string paramName)
    {
        ArgumentNullException.ThrowIfNull(rows, paramName);
        if (rows.Count == 0)
        {
            throw new ArgumentException("At least one row is needed.", paramName);
        }

        Guard.FitsInArray(rows.Count, rows.Count, paramName, "rows");

        var copy = new double[rows.Count][];
        for (int i = 0; i < copy.Length; i++)
        {
            var row = rows[i] ?? throw new ArgumentNullException(paramName, $"Row {i} is null.");
            if (row.Count == 0)
            {
                throw new ArgumentException($"Row {i} is empty.", paramName);
            }

            if (i > 0 && row.Count != copy[0].Length)
            {
                throw new ArgumentException(
                    $"Every row needs the same number of values, but row {i} has {row.Count} and row 0 has {copy[0].Length}.",
                    paramName);
            }

            Guard.FitsInArray(row.Count, row.Count, paramName, "values in a row");

            copy[i] = new double[row.Count];
            for (int j = 0; j < row.Count; j++)
            {
                double value = row[j];
                if (!double.IsFinite(value))
                {
                    throw new ArgumentException($"Value {j} of row {i} is {value}; every value must be finite.", paramName);
                }

                copy[i][j] = value;
            }
        }

        return copy;
    }

    private Dataset Subset(bool[] inTest, bool test, int count)
    {
        var rows = new double[count][];
        var labels = new int[count];
        int k = 0;
        for (int i = 0; i < _rows.Length; i++)
        {
            if (inTest[i] == test)
            {
                rows[k] = _rows[i]; // rows are never changed, so the parts can share them
                labels[k] = _labels[i];
                k++;
            }
        }

        return new Dataset(rows, labels, ClassCount);
    }

    private static int[] CopyLabels(IReadOnlyList<int> labels, int rowCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != rowCount)
        {
            throw new ArgumentException(
                $"There must be one label per row, but there are {labels.Count} labels for {rowCount} rows.", nameof(labels));
        }

        var copy = new int[labels.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            int label = labels[i];
            if (label < 0)
            {
                throw new ArgumentException($"Label {i} is {label}; labels must be 0 or more.", nameof(labels));
            }

            if (label == int.MaxValue)
            {
                throw new ArgumentException(
                    $"Label {i} is {label}; labels must be below int.MaxValue, so that the class count (the largest label + 1) is an int.",
                    nameof(labels));
            }

            copy[i] = label;
        }

        return copy;
    }
}
