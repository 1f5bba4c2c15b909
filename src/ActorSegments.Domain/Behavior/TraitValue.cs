using System.Globalization;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Behavior;

/// <summary>A typed trait value: string, number, bool, timestamp (Unix seconds) or list of strings.</summary>
public sealed record TraitValue
{
    private TraitValue(DataType type, string? text, double number, IReadOnlyList<string>? list)
    {
        Type = type;
        Text = text;
        Number = number;
        List = list;
    }

    public DataType Type { get; }

    public string? Text { get; }

    /// <summary>The number; 1 or 0 for a bool; Unix seconds for a timestamp.</summary>
    public double Number { get; }

    public IReadOnlyList<string>? List { get; }

    public static TraitValue Of(string text) => new(DataType.String, text ?? throw new ArgumentNullException(nameof(text)), 0, null);

    public static TraitValue Of(double number) => new(DataType.Number, null, number, null);

    public static TraitValue Of(bool flag) => new(DataType.Bool, null, flag ? 1 : 0, null);

    public static TraitValue OfTimestamp(long unixSeconds) => new(DataType.Timestamp, null, unixSeconds, null);

    public static TraitValue Of(DateTimeOffset time) => OfTimestamp(UnixTime.Seconds(time));

    public static TraitValue Of(IEnumerable<string> items) => new(DataType.StringList, null, 0, items?.ToArray() ?? throw new ArgumentNullException(nameof(items)));

    public bool Equals(TraitValue? other) =>
        other is not null && Type == other.Type && Text == other.Text && Number.Equals(other.Number) &&
        (List ?? []).SequenceEqual(other.List ?? []);

    public override int GetHashCode() => HashCode.Combine(Type, Text, Number, List?.Count);

    public override string ToString() => Type switch
    {
        DataType.String => Text!,
        DataType.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        DataType.Bool => Number != 0 ? "true" : "false",
        DataType.Timestamp => UnixTime.ToDateTimeOffset((long)Number).ToString("O", CultureInfo.InvariantCulture),
        DataType.StringList => "[" + string.Join(", ", List!) + "]",
        _ => string.Empty,
    };
}
