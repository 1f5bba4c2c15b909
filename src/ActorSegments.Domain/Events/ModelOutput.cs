namespace ActorSegments.Domain.Events;

/// <summary>
/// What a model job computed for one customer: its cohort, scores and recommendations, each optional. Recorded in
/// the journal so a job's retry (same id) is applied once and a replay restores them; never a feature of a model
/// (point-in-time rebuilds skip them, or a model would learn from its own past output).
/// </summary>
public sealed record ModelOutput(string EventId, DateTimeOffset OccurredAt) : JournalRecord(EventId, OccurredAt)
{
    private readonly string? _cohort;
    private readonly IReadOnlyList<string>? _recommendations;
    private readonly IReadOnlyList<string>? _reasons;

    public override JournalRecordKind Kind => JournalRecordKind.ModelOutput;

    /// <summary>Whether this output assigns the cohort: true once <see cref="Cohort"/> is given, even as null.</summary>
    public bool SetsCohort { get; private init; }

    /// <summary>The cohort id assigned, or null to clear the cohort (when <see cref="SetsCohort"/>).</summary>
    public string? Cohort
    {
        get => _cohort;
        init
        {
            _cohort = value;
            SetsCohort = true;
        }
    }

    /// <summary>Scores set (a number) or removed (null), such as <c>purchase_30d</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, double?>> Scores { get; init; } = [];

    /// <summary>
    /// Recommended item ids, best first; null leaves them as they are, an empty list clears them. Setting them drops
    /// the <see cref="RecommendationReasons"/> given before (they explained other items): set the reasons after.
    /// </summary>
    public IReadOnlyList<string>? Recommendations
    {
        get => _recommendations;
        init
        {
            _recommendations = value;
            _reasons = null;
        }
    }

    /// <summary>
    /// Why each item of <see cref="Recommendations"/> is recommended, in the same order, "" for an item without a
    /// reason; null when the output gives none. Set after <see cref="Recommendations"/>, with one reason per item.
    /// </summary>
    /// <exception cref="ArgumentException">There are no recommendations to explain, or the counts differ.</exception>
    /// <remarks>
    /// Checked here rather than where the output is applied, so a job that pairs them wrongly fails as it builds the
    /// output, not in a customer grain later; the order rule is what makes the check possible at init (a record has
    /// no hook after its initializer), and it also keeps <c>with { Recommendations = ... }</c> from keeping reasons
    /// that explained the replaced items.
    /// </remarks>
    public IReadOnlyList<string>? RecommendationReasons
    {
        get => _reasons;
        init
        {
            if (value is not null && _recommendations?.Count != value.Count)
            {
                throw new ArgumentException(
                    _recommendations is null
                        ? "Recommendation reasons need the recommendations they explain, set before them."
                        : $"Recommendation reasons must be one per recommended item: {value.Count} reasons for {_recommendations.Count} items.",
                    nameof(RecommendationReasons));
            }

            _reasons = value;
        }
    }

    public bool Equals(ModelOutput? other) =>
        other is not null && EventId == other.EventId && OccurredAt == other.OccurredAt && SetsCohort == other.SetsCohort &&
        Cohort == other.Cohort && Scores.SequenceEqual(other.Scores) &&
        SameItems(Recommendations, other.Recommendations) && SameItems(RecommendationReasons, other.RecommendationReasons);

    public override int GetHashCode() =>
        HashCode.Combine(EventId, OccurredAt, Cohort, Scores.Count, Recommendations?.Count, RecommendationReasons?.Count);

    private static bool SameItems(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);
}
