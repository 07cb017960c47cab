using System.Text.Json;

namespace AutogradForDummies.Nn;

/// <summary>
/// How much a model file may hold: a bound on its items (what the deserializer allocates memory for: every value and
/// array counts one item, every object <see cref="ObjectItems"/>), its bytes and its longest token, checked by
/// <see cref="GuardedJsonStream"/> as the bytes arrive. A damaged or hostile file is thus refused after about as
/// many bytes as a valid file of that model has, with memory in proportion to that, however large it is or claims
/// to be: the deserializer keeps some 24 bytes per item at the most.
/// </summary>
/// <remarks>
/// The bounds are generous, so that every file a person could reasonably have edited by hand passes: a value may be
/// spelled with 128 bytes of digits, indentation and line ends, and <see cref="Slack"/> items more than the model
/// needs are let through so that a file that is only a little wrong (a weight too many) is refused by the checks
/// that follow, whose messages say exactly what is wrong.
/// </remarks>
internal abstract class ReadBudget
{
    /// <summary>How many items beyond the model's a file may hold before it is refused for its size alone.</summary>
    public const long Slack = 4096;

    /// <summary>How many items an object counts for: the deserializer keeps a record, its constructor's arguments and
    /// its lists, some 300 bytes, where it keeps a number in 8 to 24.</summary>
    public const int ObjectItems = 16;

    /// <summary>Bytes for the braces, property names and whitespace of the file as a whole.</summary>
    private const long BaseBytes = 64 * 1024;

    /// <summary>Bytes per item: room for long spellings, deep indentation and line ends.</summary>
    private const long BytesPerItem = 128;

    /// <summary>Creates a budget.</summary>
    /// <param name="source">Names the file or stream at the start of messages.</param>
    protected ReadBudget(string source) => Source = source;

    /// <summary>Gets the name of the file or stream, for messages.</summary>
    public string Source { get; }

    /// <summary>Gets the most items the file may hold, given what has been read of it so far.</summary>
    public abstract long MaxItems { get; }

    /// <summary>Gets the most bytes the file may have, given what has been read of it so far.</summary>
    public virtual long MaxBytes => BaseBytes + (BytesPerItem * MaxItems);

    /// <summary>Gets the length in bytes of the longest value or property name the file may hold.</summary>
    public virtual int MaxTokenBytes => 1024;

    /// <summary>Gets what the file is measured against, for messages: "a network of ...".</summary>
    protected abstract string Subject { get; }

    /// <summary>Gets what the message adds about the caller's model: nothing, or that it was not changed.</summary>
    protected abstract string Outcome { get; }

    /// <summary>Sees every token of the file, in order, before the deserializer does; may raise the budget (a
    /// declared layer size accounts for the numbers that follow it) or refuse the file.</summary>
    /// <param name="reader">The reader, positioned on the token.</param>
    public virtual void Observe(ref Utf8JsonReader reader)
    {
    }

    /// <summary>Builds the exception for a file with more items than <see cref="MaxItems"/>.</summary>
    /// <returns>The exception.</returns>
    public InvalidDataException TooManyItems() => new(
        $"{Source} holds more numbers and objects than a model file of {Subject} can: it is damaged or holds another "
        + $"model{Outcome}.");

    /// <summary>Builds the exception for a file longer than <see cref="MaxBytes"/>.</summary>
    /// <returns>The exception.</returns>
    public InvalidDataException TooLarge() => new(
        $"{Source} is larger than a model file of {Subject} can be ({MaxBytes:N0} bytes): it is damaged or holds another "
        + $"model{Outcome}.");

    /// <summary>Builds the exception for a value longer than <see cref="MaxTokenBytes"/>.</summary>
    /// <returns>The exception.</returns>
    public InvalidDataException TooLong() => new(
        $"{Source} holds a single value of more than {MaxTokenBytes:N0} bytes, longer than any in a model file: it is "
        + $"damaged{Outcome}.");
}
