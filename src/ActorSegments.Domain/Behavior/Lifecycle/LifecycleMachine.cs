namespace ActorSegments.Domain.Behavior.Lifecycle;

/// <summary>
/// The lifecycle state machine. Events move customers forward (visitor to prospect, any stage to buyer, at risk or
/// lapsed to re-engaged); time moves them back (buyer to at risk to lapsed, idle prospect to lapsed, re-engagement
/// expiring) at exact deadlines computed from purchase and activity times.
/// </summary>
public static class LifecycleMachine
{
    /// <summary>
    /// Moves the stage for one applied event. <paramref name="previousLastActivity"/> is the last activity before the
    /// event: a late event (older than known activity) is not new activity and re-engages nobody.
    /// </summary>
    public static void OnEvent(
        LifecycleState state,
        EventTypeModel type,
        long time,
        LifecycleFacts facts,
        long previousLastActivity,
        long engagedEventsInWindow,
        LifecycleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(settings);
        if (state.Stage == LifecycleStage.None)
        {
            state.MoveTo(LifecycleStage.NewVisitor, time, settings.HistoryLimit);
        }

        if (type.IsPurchase)
        {
            state.MoveTo(facts.Purchases >= 2 ? LifecycleStage.RepeatBuyer : LifecycleStage.FirstTimeBuyer, time, settings.HistoryLimit);
            return;
        }

        if (!type.IsActivity || time < previousLastActivity)
        {
            return;
        }

        if (state.Stage is LifecycleStage.AtRisk or LifecycleStage.Lapsed)
        {
            state.MoveTo(LifecycleStage.ReEngaged, time, settings.HistoryLimit);
        }
        else if (state.Stage == LifecycleStage.NewVisitor && engagedEventsInWindow >= settings.EngagedMinEvents)
        {
            state.MoveTo(LifecycleStage.EngagedProspect, time, settings.HistoryLimit);
        }
    }

    /// <summary>Applies every time-driven transition due at or before <paramref name="now"/>, each at its own deadline.</summary>
    public static void AdvanceTo(LifecycleState state, LifecycleFacts facts, long now, LifecycleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(settings);
        while (Next(state.Stage, facts, settings) is var (stage, at) && at <= now)
        {
            state.MoveTo(stage, at, settings.HistoryLimit);
        }
    }

    /// <summary>The stage the customer will be in at <paramref name="time"/> if nothing else happens (pure).</summary>
    public static LifecycleStage StageAt(LifecycleStage stage, LifecycleFacts facts, long time, LifecycleSettings settings)
    {
        while (Next(stage, facts, settings) is var (next, at) && at <= time)
        {
            stage = next;
        }

        return stage;
    }

    /// <summary>The next instant after <paramref name="after"/> at which the stage changes with no new event, or Never.</summary>
    public static long NextChange(LifecycleStage stage, LifecycleFacts facts, long after, LifecycleSettings settings)
    {
        while (Next(stage, facts, settings) is var (next, at))
        {
            if (at > after)
            {
                return at;
            }

            stage = next;
        }

        return Time.UnixTime.Never;
    }

    /// <summary>Most future transitions <see cref="WriteOutlook"/> writes; stages only move towards lapsed, so a few suffice.</summary>
    public const int OutlookLength = 6;

    /// <summary>
    /// Writes the stage and the transitions that will follow with no new event (stage, then instant and stage of each
    /// transition) and returns how many numbers it wrote. Two outlooks that are equal give every lifecycle rule the
    /// same value at every future instant, which lets an event that leaves it unchanged skip those rules.
    /// </summary>
    public static int WriteOutlook(LifecycleStage stage, LifecycleFacts facts, LifecycleSettings settings, Span<long> into)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var length = 0;
        into[length++] = (long)stage;
        for (var step = 0; step < OutlookLength && Next(stage, facts, settings) is var (next, at); step++)
        {
            into[length++] = at;
            into[length++] = (long)next;
            stage = next;
        }

        return length;
    }

    /// <summary>The next time-driven transition from <paramref name="stage"/>, if any.</summary>
    private static (LifecycleStage Stage, long At)? Next(LifecycleStage stage, LifecycleFacts facts, LifecycleSettings settings) => stage switch
    {
        LifecycleStage.FirstTimeBuyer or LifecycleStage.RepeatBuyer => (LifecycleStage.AtRisk, facts.LastPurchase + Seconds(settings.AtRiskAfter)),
        LifecycleStage.AtRisk => (LifecycleStage.Lapsed, facts.LastPurchase + Seconds(settings.LapsedAfter)),
        LifecycleStage.NewVisitor or LifecycleStage.EngagedProspect => (LifecycleStage.Lapsed, facts.ActiveReference + Seconds(settings.ProspectLapsedAfter)),
        LifecycleStage.ReEngaged => ReEngagementEnd(facts, settings),
        _ => null,
    };

    private static (LifecycleStage Stage, long At) ReEngagementEnd(LifecycleFacts facts, LifecycleSettings settings)
    {
        var end = facts.ActiveReference + Seconds(settings.ReEngagedFor);
        var stillAtRisk = facts.Purchases > 0 && end < facts.LastPurchase + Seconds(settings.LapsedAfter);
        return (stillAtRisk ? LifecycleStage.AtRisk : LifecycleStage.Lapsed, end);
    }

    private static long Seconds(TimeSpan span) => (long)span.TotalSeconds;
}
