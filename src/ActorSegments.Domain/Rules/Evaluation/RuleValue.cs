using System.Globalization;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>A value during evaluation: null, or one of the rule types. A struct, so evaluating allocates nothing.</summary>
public readonly struct RuleValue : IEquatable<RuleValue>
{
    private RuleValue(DataType type, double number, long seconds, object? reference)
    {
        Type = type;
        Number = number;
        Seconds = seconds;
        Reference = reference;
    }

    public static RuleValue Null => default;

    /// <summary>The type, or 0 for null.</summary>
    public DataType Type { get; }

    public bool IsNull => Type == 0;

    public double Number { get; }

    /// <summary>Unix seconds of a timestamp, or length of a duration in seconds.</summary>
    public long Seconds { get; }

    private object? Reference { get; }

    public string Text => Reference as string ?? string.Empty;

    public IReadOnlyList<string> List => Reference as IReadOnlyList<string> ?? [];

    public bool IsTrue => Type == DataType.Bool && Number != 0;

    public static RuleValue Of(bool flag) => new(DataType.Bool, flag ? 1 : 0, 0, null);

    public static RuleValue Of(double number) => double.IsNaN(number) ? Null : new(DataType.Number, number, 0, null);

    public static RuleValue Of(string? text) => text is null ? Null : new(DataType.String, 0, 0, text);

    public static RuleValue Of(IReadOnlyList<string> list) => new(DataType.StringList, 0, 0, list);

    public static RuleValue Timestamp(long unixSeconds) => new(DataType.Timestamp, 0, unixSeconds, null);

    /// <summary>A timestamp, or null when the time is one of the "never" sentinels.</summary>
    public static RuleValue TimestampOrNull(long unixSeconds) =>
        unixSeconds is long.MinValue or long.MaxValue ? Null : Timestamp(unixSeconds);

    public static RuleValue Duration(long seconds) => new(DataType.Duration, 0, seconds, null);

    public bool Equals(RuleValue other) =>
        Type == other.Type && Number.Equals(other.Number) && Seconds == other.Seconds &&
        (Type == DataType.StringList ? List.SequenceEqual(other.List) : Equals(Reference, other.Reference));

    public override bool Equals(object? obj) => obj is RuleValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Type, Number, Seconds);

    public static bool operator ==(RuleValue left, RuleValue right) => left.Equals(right);

    public static bool operator !=(RuleValue left, RuleValue right) => !left.Equals(right);

    public override string ToString() => Type switch
    {
        0 => "null",
        DataType.Bool => IsTrue ? "true" : "false",
        DataType.Number => Number.ToString("0.####", CultureInfo.InvariantCulture),
        DataType.String => "\"" + Text + "\"",
        DataType.Timestamp => UnixTime.ToDateTimeOffset(Seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DataType.Duration => Ast.Literal.DurationText(Seconds),
        DataType.StringList => "[" + string.Join(", ", List.Select(s => "\"" + s + "\"")) + "]",
        _ => "?",
    };
}
