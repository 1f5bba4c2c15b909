using ActorSegments.Domain.Events;

namespace ActorSegments.Domain.Behavior;

/// <summary>
/// What models computed for a customer (its cohort, scores, recommendations) travels as journal events of a reserved
/// type, like trait updates: stored, deduplicated by id (a job's retry is applied once), replayed in order. They are
/// never features of a model: point-in-time rebuilds skip them, or a model would learn from its own past output.
/// </summary>
/// <remarks>
/// Properties: <c>cohort</c> (a cohort id; empty text clears it), <c>score.NAME</c> (a number, or empty text to
/// remove), <c>recommendations</c> (item ids separated by <see cref="ListSeparator"/>; empty text clears them).
/// </remarks>
public static class ModelOutputs
{
    public const string EventType = "$model";

    public const string CohortProperty = "cohort";

    public const string ScorePrefix = "score.";

    public const string RecommendationsProperty = "recommendations";

    public const char ListSeparator = '\u001f';

    public static bool Is(CustomerEvent evt) => string.Equals(evt?.Type, EventType, StringComparison.Ordinal);

    /// <summary>
    /// The event recording these outputs. Null arguments leave that output as it is; an empty cohort or list clears
    /// it; a null score value removes that score.
    /// </summary>
    public static CustomerEvent Create(
        string eventId,
        DateTimeOffset at,
        string? cohort = null,
        IEnumerable<KeyValuePair<string, double?>>? scores = null,
        IReadOnlyList<string>? recommendations = null)
    {
        var properties = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
        if (cohort is not null)
        {
            properties[CohortProperty] = PropertyValue.Of(cohort);
        }

        foreach (var (name, value) in scores ?? [])
        {
            properties[ScorePrefix + name] = value is { } number ? PropertyValue.Of(number) : PropertyValue.Of(string.Empty);
        }

        if (recommendations is not null)
        {
            properties[RecommendationsProperty] = PropertyValue.Of(string.Join(ListSeparator, recommendations));
        }

        return new CustomerEvent(eventId, EventType, at, properties);
    }
}
