namespace ActorSegments.Domain.Modeling;

/// <summary>
/// Where a refresh's customers were and are: per cohort, how many customers the stored assignments held in it before
/// the refresh, and how many of those it still holds after. A customer who left the feature table counts as a
/// previous member not kept.
/// </summary>
public sealed class CohortTransitions
{
    private readonly Dictionary<string, long> _previous = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _kept = new(StringComparer.Ordinal);

    /// <summary>Counts one customer: its cohort before (null: none) and after (null: gone from the feature table).</summary>
    public void Add(string? previous, string? current)
    {
        if (previous is null)
        {
            return;
        }

        _previous[previous] = _previous.GetValueOrDefault(previous) + 1;
        if (string.Equals(previous, current, StringComparison.Ordinal))
        {
            _kept[previous] = _kept.GetValueOrDefault(previous) + 1;
        }
    }

    /// <summary>Customers in the cohort before the refresh.</summary>
    public long Previous(string cohortId) => _previous.GetValueOrDefault(cohortId);

    /// <summary>Customers in the cohort before and after the refresh.</summary>
    public long Kept(string cohortId) => _kept.GetValueOrDefault(cohortId);
}
