using System.Globalization;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Behavior;

/// <summary>
/// Trait updates (identify calls) travel as journal events of a reserved type, so they are stored, deduplicated by id,
/// replayed and ordered exactly like behavioral events. Clients cannot send this type: event types are snake_case.
/// </summary>
/// <remarks>
/// Each property is one trait. Strings, numbers and booleans are stored as they are; a list is one string of its
/// items separated by <see cref="ListSeparator"/> after a <see cref="ListMarker"/>; a removal is the string
/// <see cref="Removed"/>. Control characters cannot occur in validated text, so the encodings cannot be confused with
/// a client's value. A timestamp trait is sent as RFC 3339 text and read as a timestamp because the schema says so.
/// </remarks>
public static class TraitUpdates
{
    public const string EventType = "$identify";

    private const string Removed = "\u0000";
    private const char ListMarker = '\u001e';
    private const char ListSeparator = '\u001f';

    public static bool Is(CustomerEvent evt) => string.Equals(evt?.Type, EventType, StringComparison.Ordinal);

    /// <summary>The event recording these updates; a null value removes the trait.</summary>
    public static CustomerEvent Create(string eventId, DateTimeOffset at, IEnumerable<KeyValuePair<string, TraitValue?>> traits)
    {
        ArgumentNullException.ThrowIfNull(traits);
        var properties = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var (name, value) in traits)
        {
            properties[name] = value switch
            {
                null => PropertyValue.Of(Removed),
                { Type: DataType.Number } => PropertyValue.Of(value.Number),
                { Type: DataType.Bool } => PropertyValue.Of(value.Number != 0),
                { Type: DataType.StringList } => PropertyValue.Of(ListMarker + string.Join(ListSeparator, value.List!)),
                _ => PropertyValue.Of(value.ToString()),
            };
        }

        return new CustomerEvent(eventId, EventType, at, properties);
    }

    /// <summary>The updates an event records, typed by the schema's declarations where there are any.</summary>
    public static IEnumerable<(string Name, TraitValue? Value)> Read(CustomerEvent evt, WorkspaceSchema schema)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var (name, value) in evt.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            yield return (name, Decode(value, schema.Trait(name)?.Type));
        }
    }

    /// <summary>
    /// Whether a value fits a declared trait type (null: undeclared, anything fits); a problem to report otherwise.
    /// </summary>
    public static string? Check(TraitValue value, DataType? declared)
    {
        ArgumentNullException.ThrowIfNull(value);
        return declared is null || declared == value.Type || (declared == DataType.Timestamp && value.Type == DataType.String && ParseTime(value.Text!) is not null)
            ? null
            : declared == DataType.Timestamp
                ? "expected an RFC 3339 timestamp, e.g. \"2026-11-01T10:00:00Z\""
                : $"expected a {Describe(declared.Value)} (the trait is declared so in the workspace schema), got a {Describe(value.Type)}";
    }

    private static TraitValue? Decode(PropertyValue value, DataType? declared) => value.Kind switch
    {
        PropertyKind.Number => TraitValue.Of(value.Number),
        PropertyKind.Bool => TraitValue.Of(value.IsTrue),
        _ when value.Text == Removed => null,
        _ when value.Text!.Length > 0 && value.Text[0] == ListMarker => TraitValue.Of(value.Text.Length == 1 ? [] : value.Text[1..].Split(ListSeparator)),
        _ when declared == DataType.Timestamp && ParseTime(value.Text!) is { } time => TraitValue.Of(time),
        _ => TraitValue.Of(value.Text!),
    };

    private static DateTimeOffset? ParseTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static string Describe(DataType type) => type switch
    {
        DataType.String => "string",
        DataType.Number => "number",
        DataType.Bool => "boolean",
        DataType.Timestamp => "timestamp",
        DataType.StringList => "list of strings",
        _ => type.ToString(),
    };
}
