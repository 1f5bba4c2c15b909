using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Behavior.Serialization;

namespace ActorSegments.Domain.Events;

/// <summary>
/// Reads format 1 journal bodies, written by releases before typed records: every record was an event, trait updates
/// and model outputs being events of the reserved types <c>$identify</c> and <c>$model</c> whose properties encoded
/// their values with control characters. This is the one place that knows those encodings: it turns such a body into
/// the typed record, so nothing else ever sees a pseudo-event.
/// </summary>
/// <remarks>
/// <c>$identify</c>: one property per trait; a string, number or boolean as it is, a list as
/// <see cref="ListMarker"/> followed by its items separated by <see cref="ListSeparator"/>, a removal as the string
/// <see cref="Removed"/>. <c>$model</c>: <c>cohort</c> (empty text clears it), <c>score.NAME</c> (a number, or
/// empty text to remove it), <c>recommendations</c> (items separated by <see cref="ListSeparator"/>; empty text
/// clears them). Client event types are snake_case, so no client event has either type.
/// </remarks>
internal static class LegacyJournalRecords
{
    public const byte FormatVersion = 1;

    private const string TraitUpdateType = "$identify";
    private const string ModelOutputType = "$model";
    private const string Removed = "\u0000";
    private const char ListMarker = '\u001e';
    private const char ListSeparator = '\u001f';
    private const string CohortProperty = "cohort";
    private const string ScorePrefix = "score.";
    private const string RecommendationsProperty = "recommendations";

    /// <summary>The record of a format 1 body, read after its version byte.</summary>
    public static JournalRecord Read(ref CompactReader r)
    {
        var id = r.String();
        var type = r.String();
        var occurredAt = new DateTimeOffset(r.VarLong(), TimeSpan.Zero);
        var properties = JournalRecordCodec.ReadProperties(ref r);
        return type switch
        {
            TraitUpdateType => new TraitUpdate(id, occurredAt, properties.Select(p => new KeyValuePair<string, TraitValue?>(p.Key, Trait(p.Value)))),
            ModelOutputType => Output(id, occurredAt, properties),
            _ => new CustomerEvent(id, type, occurredAt, properties),
        };
    }

    /// <summary>
    /// A string stays a string even where the schema declares a timestamp: applying a trait update reads such text as
    /// the timestamp, as it always did.
    /// </summary>
    private static TraitValue? Trait(PropertyValue value) => value.Kind switch
    {
        PropertyKind.Number => TraitValue.Of(value.Number),
        PropertyKind.Bool => TraitValue.Of(value.IsTrue),
        _ when value.Text == Removed => null,
        _ when value.Text!.Length > 0 && value.Text[0] == ListMarker => TraitValue.Of(value.Text.Length == 1 ? [] : value.Text[1..].Split(ListSeparator)),
        _ => TraitValue.Of(value.Text!),
    };

    private static ModelOutput Output(string id, DateTimeOffset occurredAt, IReadOnlyDictionary<string, PropertyValue> properties)
    {
        var output = new ModelOutput(id, occurredAt);
        var scores = new List<KeyValuePair<string, double?>>();
        IReadOnlyList<string>? recommendations = null;
        foreach (var (name, value) in properties)
        {
            if (name == CohortProperty && value.Kind == PropertyKind.String)
            {
                output = output with { Cohort = value.Text!.Length == 0 ? null : value.Text };
            }
            else if (name.StartsWith(ScorePrefix, StringComparison.Ordinal) && name.Length > ScorePrefix.Length)
            {
                scores.Add(new(name[ScorePrefix.Length..], value.Kind == PropertyKind.Number ? value.Number : null));
            }
            else if (name == RecommendationsProperty && value.Kind == PropertyKind.String)
            {
                recommendations = value.Text!.Length == 0 ? [] : value.Text.Split(ListSeparator);
            }
        }

        return output with { Scores = scores, Recommendations = recommendations };
    }
}
