namespace ActorSegments.Domain.Behavior.Lifecycle;

/// <summary>A customer's current lifecycle stage and its recent transitions (bounded history).</summary>
public sealed class LifecycleState
{
    // Exactly as long as the history, replaced on each change: transitions are rare, and a list would cost every active
    // customer its own object and room for four.
    private LifecycleTransition[] _history = [];

    public LifecycleStage Stage { get; private set; }

    /// <summary>When the current stage was entered (Unix seconds).</summary>
    public long Since { get; private set; }

    /// <summary>Transitions, oldest first.</summary>
    public IReadOnlyList<LifecycleTransition> History => _history;

    internal void MoveTo(LifecycleStage stage, long at, int historyLimit)
    {
        if (stage == Stage)
        {
            return;
        }

        // History reads forward in time even when a late event causes the move.
        var when = _history.Length > 0 ? Math.Max(at, _history[^1].At) : at;
        LifecycleTransition[] kept = [.. _history, new LifecycleTransition(stage, Stage, when)];
        _history = kept.Length > historyLimit ? kept[1..] : kept;

        Stage = stage;
        Since = when;
    }

    /// <summary>
    /// Takes back the trailing transitions into at-risk or lapsed dated after <paramref name="time"/>: those are
    /// time-driven, recorded because no activity was known, and an event at <paramref name="time"/> shows there was.
    /// This keeps history true when events arrive after their deadlines passed — a late event, or history replayed in
    /// order — instead of recording "lapsed, then back" for a customer who never lapsed. The deadlines still due after
    /// the event are recorded again when time is advanced.
    /// </summary>
    internal void UndoTimeTransitionsAfter(long time)
    {
        while (_history.Length > 0 && _history[^1] is { Stage: LifecycleStage.AtRisk or LifecycleStage.Lapsed } last && last.At > time)
        {
            _history = _history[..^1];
            Stage = last.From;

            // When history was trimmed past the entry into the restored stage, its exact start is gone; the taken-back
            // transition is the latest it can have been.
            Since = _history.Length > 0 ? _history[^1].At : last.At;
        }
    }

    internal void Restore(LifecycleStage stage, long since, IEnumerable<LifecycleTransition> history)
    {
        Stage = stage;
        Since = since;
        _history = [.. history];
    }
}
