using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace AutogradForDummies;

/// <content>
/// Operators, comparisons and formatting. Scalar implements .NET's generic-math
/// operator interfaces, so generic code written against <see cref="IAdditionOperators{TSelf, TOther, TResult}"/> and
/// friends builds a graph when given Scalars, and can be differentiated.
/// </content>
[SuppressMessage(
    "Design",
    "CA1036:Override methods on comparable types",
    Justification = "== stays reference identity on purpose (two nodes with one value are different nodes); <, >, <=, >= compare values.")]
public sealed partial class Scalar :
    IComparable<Scalar>,
    IFormattable,
    IAdditionOperators<Scalar, Scalar, Scalar>,
    ISubtractionOperators<Scalar, Scalar, Scalar>,
    IMultiplyOperators<Scalar, Scalar, Scalar>,
    IDivisionOperators<Scalar, Scalar, Scalar>,
    IUnaryNegationOperators<Scalar, Scalar>,
    IUnaryPlusOperators<Scalar, Scalar>,
    IComparisonOperators<Scalar, Scalar, bool>,
    IAdditiveIdentity<Scalar, Scalar>,
    IMultiplicativeIdentity<Scalar, Scalar>
{
    private const string IdentityMessage =
        "== compares Scalars by identity, so comparing one with a number is always false. Compare values instead: x.Data == 0.";

    /// <summary>Gets a new constant leaf 0, the additive identity (for generic code that starts a sum from it).</summary>
    public static Scalar AdditiveIdentity => new(0);

    /// <summary>Gets a new constant leaf 1, the multiplicative identity (for generic code that starts a product from it).</summary>
    public static Scalar MultiplicativeIdentity => new(1);

    /// <summary>Adds: <c>a + b</c>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>A new Scalar for the sum.</returns>
    public static Scalar operator +(Scalar left, Scalar right) => NotNull(left, nameof(left)).Add(NotNull(right, nameof(right)));

    /// <summary>Subtracts: <c>a − b</c>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>A new Scalar for the difference.</returns>
    public static Scalar operator -(Scalar left, Scalar right) => NotNull(left, nameof(left)).Subtract(NotNull(right, nameof(right)));

    /// <summary>Multiplies: <c>a · b</c>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>A new Scalar for the product.</returns>
    public static Scalar operator *(Scalar left, Scalar right) => NotNull(left, nameof(left)).Multiply(NotNull(right, nameof(right)));

    /// <summary>Divides: <c>a / b</c>.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>A new Scalar for the quotient.</returns>
    public static Scalar operator /(Scalar left, Scalar right) => NotNull(left, nameof(left)).Divide(NotNull(right, nameof(right)));

    /// <summary>Negates: <c>−a</c>.</summary>
    /// <param name="value">The operand.</param>
    /// <returns>A new Scalar for the negation.</returns>
    public static Scalar operator -(Scalar value) => NotNull(value, nameof(value)).Negate();

    /// <summary>Unary plus: the operand itself (no new node).</summary>
    /// <param name="value">The operand.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static Scalar operator +(Scalar value) => NotNull(value, nameof(value));

    /// <summary>Whether two references are the same Scalar (identity, not value: see the remarks on <see cref="Scalar"/>).</summary>
    /// <param name="left">A Scalar or null.</param>
    /// <param name="right">A Scalar or null.</param>
    /// <returns>True if both are the same node, or both null.</returns>
    public static bool operator ==(Scalar? left, Scalar? right) => ReferenceEquals(left, right);

    /// <summary>Whether two references are different Scalars (identity, not value).</summary>
    /// <param name="left">A Scalar or null.</param>
    /// <param name="right">A Scalar or null.</param>
    /// <returns>True unless both are the same node.</returns>
    public static bool operator !=(Scalar? left, Scalar? right) => !ReferenceEquals(left, right);

    /// <summary>Refused at compile time: see the message.</summary>
    /// <param name="left">A Scalar.</param>
    /// <param name="right">A number.</param>
    /// <returns>Never returns.</returns>
    [Obsolete(IdentityMessage, error: true)]
    public static bool operator ==(Scalar? left, double right) => throw new NotSupportedException(IdentityMessage);

    /// <summary>Refused at compile time: see the message.</summary>
    /// <param name="left">A Scalar.</param>
    /// <param name="right">A number.</param>
    /// <returns>Never returns.</returns>
    [Obsolete(IdentityMessage, error: true)]
    public static bool operator !=(Scalar? left, double right) => throw new NotSupportedException(IdentityMessage);

    /// <summary>Refused at compile time: see the message.</summary>
    /// <param name="left">A number.</param>
    /// <param name="right">A Scalar.</param>
    /// <returns>Never returns.</returns>
    [Obsolete(IdentityMessage, error: true)]
    public static bool operator ==(double left, Scalar? right) => throw new NotSupportedException(IdentityMessage);

    /// <summary>Refused at compile time: see the message.</summary>
    /// <param name="left">A number.</param>
    /// <param name="right">A Scalar.</param>
    /// <returns>Never returns.</returns>
    [Obsolete(IdentityMessage, error: true)]
    public static bool operator !=(double left, Scalar? right) => throw new NotSupportedException(IdentityMessage);

    /// <summary>Compares values: <c>a.Data &lt; b.Data</c> (false if either is NaN).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether the left value is smaller.</returns>
    public static bool operator <(Scalar left, Scalar right) => NotNull(left, nameof(left))._data < NotNull(right, nameof(right))._data;

    /// <summary>Compares values: <c>a.Data &gt; b.Data</c> (false if either is NaN).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether the left value is larger.</returns>
    public static bool operator >(Scalar left, Scalar right) => NotNull(left, nameof(left))._data > NotNull(right, nameof(right))._data;

    /// <summary>Compares values: <c>a.Data &lt;= b.Data</c> (false if either is NaN).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether the left value is smaller or equal.</returns>
    public static bool operator <=(Scalar left, Scalar right) => NotNull(left, nameof(left))._data <= NotNull(right, nameof(right))._data;

    /// <summary>Compares values: <c>a.Data &gt;= b.Data</c> (false if either is NaN).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether the left value is larger or equal.</returns>
    public static bool operator >=(Scalar left, Scalar right) => NotNull(left, nameof(left))._data >= NotNull(right, nameof(right))._data;

    /// <summary>Compares a value with a number: <c>a.Data &lt; b</c>.</summary>
    /// <param name="left">The Scalar.</param>
    /// <param name="right">The number.</param>
    /// <returns>Whether the value is smaller.</returns>
    public static bool operator <(Scalar left, double right) => NotNull(left, nameof(left))._data < right;

    /// <summary>Compares a value with a number: <c>a.Data &gt; b</c>.</summary>
    /// <param name="left">The Scalar.</param>
    /// <param name="right">The number.</param>
    /// <returns>Whether the value is larger.</returns>
    public static bool operator >(Scalar left, double right) => NotNull(left, nameof(left))._data > right;

    /// <summary>Compares a value with a number: <c>a.Data &lt;= b</c>.</summary>
    /// <param name="left">The Scalar.</param>
    /// <param name="right">The number.</param>
    /// <returns>Whether the value is smaller or equal.</returns>
    public static bool operator <=(Scalar left, double right) => NotNull(left, nameof(left))._data <= right;

    /// <summary>Compares a value with a number: <c>a.Data &gt;= b</c>.</summary>
    /// <param name="left">The Scalar.</param>
    /// <param name="right">The number.</param>
    /// <returns>Whether the value is larger or equal.</returns>
    public static bool operator >=(Scalar left, double right) => NotNull(left, nameof(left))._data >= right;

    /// <summary>Compares a number with a value: <c>a &lt; b.Data</c>.</summary>
    /// <param name="left">The number.</param>
    /// <param name="right">The Scalar.</param>
    /// <returns>Whether the number is smaller.</returns>
    public static bool operator <(double left, Scalar right) => left < NotNull(right, nameof(right))._data;

    /// <summary>Compares a number with a value: <c>a &gt; b.Data</c>.</summary>
    /// <param name="left">The number.</param>
    /// <param name="right">The Scalar.</param>
    /// <returns>Whether the number is larger.</returns>
    public static bool operator >(double left, Scalar right) => left > NotNull(right, nameof(right))._data;

    /// <summary>Compares a number with a value: <c>a &lt;= b.Data</c>.</summary>
    /// <param name="left">The number.</param>
    /// <param name="right">The Scalar.</param>
    /// <returns>Whether the number is smaller or equal.</returns>
    public static bool operator <=(double left, Scalar right) => left <= NotNull(right, nameof(right))._data;

    /// <summary>Compares a number with a value: <c>a &gt;= b.Data</c>.</summary>
    /// <param name="left">The number.</param>
    /// <param name="right">The Scalar.</param>
    /// <returns>Whether the number is larger or equal.</returns>
    public static bool operator >=(double left, Scalar right) => left >= NotNull(right, nameof(right))._data;

    /// <summary>Compares values, for sorting: NaN first, then −∞ up to +∞; every Scalar comes after null.</summary>
    /// <param name="other">The Scalar to compare with.</param>
    /// <returns>Less than 0, 0 or more than 0 as this value is smaller than, equal to or larger than the other.</returns>
    public int CompareTo(Scalar? other) => other is null ? 1 : _data.CompareTo(other._data);

    /// <summary>Identity, as <c>==</c>: a Scalar equals only itself.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>True if <paramref name="obj"/> is this very Scalar.</returns>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>A hash code that follows identity, as <see cref="Equals(object?)"/> does.</summary>
    /// <returns>The hash code of this node.</returns>
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    /// <summary>Formats the value with <paramref name="format"/>, so <c>$"{x:F2}"</c> shows the value; without a
    /// format, gives text like <c>Scalar(data=2.5, grad=0)</c>, as <see cref="ToString()"/> does.</summary>
    /// <param name="format">A standard or custom numeric format, or null.</param>
    /// <param name="formatProvider">The culture; null means the current culture for a format, and the invariant
    /// culture for the description without one.</param>
    /// <returns>The formatted text.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (string.IsNullOrEmpty(format))
        {
            return string.Create(formatProvider ?? CultureInfo.InvariantCulture, $"Scalar(data={_data}, grad={_grad})");
        }

        return _data.ToString(format, formatProvider);
    }
}
