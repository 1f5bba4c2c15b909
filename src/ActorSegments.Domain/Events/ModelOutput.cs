namespace ActorSegments.Domain.Events;

/// <summary>
/// What a model job computed for one customer: its cohort, scores and recommendations, each optional. Recorded in
/// the journal so a job's retry (same id) is applied once and a replay restores them; never a feature of a model
/// (point-in-time rebuilds skip them, or a model would learn from its own past output).
/// </summary>
public sealed record ModelOutput(string EventId, DateTimeOffset OccurredAt) : JournalRecord(EventId, OccurredAt)
{
    private readonly string? _cohort;

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

    /// <summary>Recommended item ids, best first; null leaves them as they are, an empty list clears them.</summary>
    public IReadOnlyList<string>? Recommendations { get; init; }

    public bool Equals(ModelOutput? other) =>
        other is not null && EventId == other.EventId && OccurredAt == other.OccurredAt && SetsCohort == other.SetsCohort &&
        Cohort == other.Cohort && Scores.SequenceEqual(other.Scores) &&
        (Recommendations is null ? other.Recommendations is null : other.Recommendations is not null && Recommendations.SequenceEqual(other.Recommendations));

    public override int GetHashCode() => HashCode.Combine(EventId, OccurredAt, Cohort, Scores.Count, Recommendations?.Count);
}
