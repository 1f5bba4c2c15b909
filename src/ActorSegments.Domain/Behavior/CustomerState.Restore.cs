using ActorSegments.Domain.Behavior.Lifecycle;

namespace ActorSegments.Domain.Behavior;

/// <summary>Members the state codec uses to rebuild a state; not part of the behavioral API.</summary>
public sealed partial class CustomerState
{
    internal IEnumerable<KeyValuePair<(string Type, string Property), ValueSeriesSet>> ValueSets =>
        _values.Select(v => new KeyValuePair<(string Type, string Property), ValueSeriesSet>((v.Type, v.Property), v.Set));

    internal void RestoreCounters(long reference, long totalEvents, long untrackedEvents, long firstSeen, long lastSeen, long lastActivity)
    {
        LastActivity = lastActivity;
        Reference = reference;
        TotalEvents = totalEvents;
        UntrackedEvents = untrackedEvents;
        FirstSeen = firstSeen;
        LastSeen = lastSeen;
    }

    internal void RestoreSeries(string type, EventSeries series) => _types.Set(type, series);

    internal void RestoreValueSeries(string type, string property, string value, EventSeries series)
    {
        ValueSeriesOrAdd(type, property).Restore(value, series);
    }

    internal void RestoreTrait(string name, TraitValue value) => (_traits ??= new(StringComparer.Ordinal))[name] = value;

    internal void RestoreScore(string name, double value) => (_scores ??= new(StringComparer.Ordinal))[name] = value;

    internal void RestoreExperiment(string experimentId, AssignedArm arm) => (_experiments ??= new(StringComparer.Ordinal))[experimentId] = arm;

    internal void RestoreCohort(string? cohort) => Cohort = cohort;

    internal void RestoreRecommendations(string[] items) => Recommendations = items;

    /// <summary>Restores the reasons of the recommendations restored before: one per item, or none.</summary>
    internal void RestoreRecommendationReasons(string[] reasons) =>
        RecommendationReasons = reasons.Length is 0 || reasons.Length == Recommendations.Count
            ? reasons
            : throw new InvalidDataException($"Customer state has {reasons.Length} recommendation reasons for {Recommendations.Count} items.");

    /// <summary>Replaces the purchase history (none, when <paramref name="purchases"/> is empty).</summary>
    internal void RestorePurchases(IReadOnlyCollection<PurchaseRecord> purchases)
    {
        _purchases = purchases.Count == 0 ? null : new PurchaseHistory();
        _purchases?.Restore(purchases);
    }

    internal void RestoreEngagement(DecayedScore engagement) => _engagement = engagement;

    internal void RestoreLifecycle(LifecycleStage stage, long since, IEnumerable<LifecycleTransition> history) =>
        Lifecycle.Restore(stage, since, history);
}
