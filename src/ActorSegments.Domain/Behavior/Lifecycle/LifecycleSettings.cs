namespace ActorSegments.Domain.Behavior.Lifecycle;

/// <summary>Thresholds of the lifecycle state machine (see <see cref="LifecycleStage"/>).</summary>
public sealed record LifecycleSettings
{
    /// <summary>Activity events within <see cref="EngagedWindow"/> that make a new visitor an engaged prospect.</summary>
    public int EngagedMinEvents { get; init; } = 3;

    public TimeSpan EngagedWindow { get; init; } = TimeSpan.FromDays(30);

    /// <summary>A buyer without a purchase for this long is at risk.</summary>
    public TimeSpan AtRiskAfter { get; init; } = TimeSpan.FromDays(60);

    /// <summary>A buyer without a purchase for this long is lapsed.</summary>
    public TimeSpan LapsedAfter { get; init; } = TimeSpan.FromDays(120);

    /// <summary>A customer who never bought and shows no activity for this long is lapsed.</summary>
    public TimeSpan ProspectLapsedAfter { get; init; } = TimeSpan.FromDays(90);

    /// <summary>How long a re-engaged customer stays re-engaged without further activity or a purchase.</summary>
    public TimeSpan ReEngagedFor { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Transitions kept in the history (oldest dropped first).</summary>
    public int HistoryLimit { get; init; } = 16;
}
