namespace ActorSegments.Domain.Behavior;

/// <summary>
/// What one change to a customer's state touched, so that only the segment rules reading it are re-evaluated. The
/// effects of an event on derived values (RFM, cart, engagement, affinities) are attributed to its event type; rules
/// reading derived values depend on the event types that feed them. <see cref="Experiment"/> is the experiment the
/// customer was just assigned to, which rules read with <c>experiment("id")</c>.
/// </summary>
public readonly record struct ChangeSet(string? EventType, bool Lifecycle, string? Trait, string? Score, bool Cohort, string? Experiment = null)
{
    public static ChangeSet None => default;

    public static ChangeSet ForEvent(string eventType, bool lifecycle) => new(eventType, lifecycle, null, null, false);

    public static ChangeSet ForLifecycle(bool changed) => new(null, changed, null, null, false);

    public static ChangeSet ForExperiment(string experimentId) => new(null, false, null, null, false, experimentId);

    public bool IsEmpty => EventType is null && !Lifecycle && Trait is null && Score is null && !Cohort && Experiment is null;
}
