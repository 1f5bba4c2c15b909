using System.Globalization;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Rules.Ast;

/// <summary>A constant in a rule: a string, a number, true or false, a duration or a timestamp.</summary>
public sealed record Literal : RuleNode
{
    private Literal(DataType type, string? text, double number, long seconds)
    {
        Type = type;
        Text = text;
        Number = number;
        Seconds = seconds;
    }

    public DataType Type { get; }

    public string? Text { get; }

    /// <summary>The number, or 1/0 for true/false.</summary>
    public double Number { get; }

    /// <summary>Seconds of a duration, or Unix seconds of a timestamp.</summary>
    public long Seconds { get; }

    public static Literal String(string text) => new(DataType.String, text, 0, 0);

    public static Literal Of(double number) => new(DataType.Number, null, number, 0);

    public static Literal Of(bool flag) => new(DataType.Bool, null, flag ? 1 : 0, 0);

    public static Literal Duration(long seconds) => new(DataType.Duration, null, 0, seconds);

    public static Literal Timestamp(long unixSeconds) => new(DataType.Timestamp, null, 0, unixSeconds);

    /// <summary>The literal as it is written in a rule.</summary>
    public string ToRuleText() => Type switch
    {
        DataType.String => Quote(Text!),
        DataType.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        DataType.Bool => Number != 0 ? "true" : "false",
        DataType.Duration => DurationText(Seconds),
        DataType.Timestamp => TimestampText(Seconds),
        _ => throw new InvalidOperationException($"No rule text for a {Type} literal."),
    };

    public static string Quote(string text) => "\"" + text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\t", "\\t", StringComparison.Ordinal) + "\"";

    /// <summary>The largest unit that divides the duration exactly: 172800 seconds is "2d".</summary>
    public static string DurationText(long seconds)
    {
        foreach (var (unit, size) in new[] { ("w", 604_800L), ("d", 86_400L), ("h", 3_600L), ("m", 60L) })
        {
            if (seconds != 0 && seconds % size == 0)
            {
                return $"{seconds / size}{unit}";
            }
        }

        return $"{seconds}s";
    }

    /// <summary>A date when the time is midnight UTC, else a full UTC timestamp.</summary>
    public static string TimestampText(long unixSeconds)
    {
        var time = UnixTime.ToDateTimeOffset(unixSeconds);
        return time.TimeOfDay == TimeSpan.Zero
            ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
