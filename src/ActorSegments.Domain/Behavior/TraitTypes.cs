using System.Globalization;
using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Behavior;

/// <summary>
/// How trait values meet the workspace schema's declarations. A timestamp trait is sent as RFC 3339 text: the edge
/// records it as a timestamp when the schema declares one; text recorded before the declaration (or by a release
/// before typed journal records) is read as the timestamp when applied.
/// </summary>
public static class TraitTypes
{
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

    /// <summary>The value as the declared type reads it: RFC 3339 text of a declared timestamp becomes the timestamp.</summary>
    public static TraitValue? AsDeclared(TraitValue? value, DataType? declared) =>
        declared == DataType.Timestamp && value is { Type: DataType.String } && ParseTime(value.Text!) is { } time ? TraitValue.Of(time) : value;

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
