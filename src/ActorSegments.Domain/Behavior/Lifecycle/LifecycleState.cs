namespace ActorSegments.Domain.Behavior.Lifecycle;

/// <summary>A customer's current lifecycle stage and its recent transitions (bounded history).</summary>
public sealed class LifecycleState
{
    private readonly List<LifecycleTransition> _history = [];

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
        var when = _history.Count > 0 ? Math.Max(at, _history[^1].At) : at;
        _history.Add(new LifecycleTransition(stage, Stage, when));
        if (_history.Count > historyLimit)
        {
            _history.RemoveAt(0);
        }

        Stage = stage;
        Since = when;
    }

    internal void Restore(LifecycleStage stage, long since, IEnumerable<LifecycleTransition> history)
    {
        Stage = stage;
        Since = since;
        _history.Clear();
        _history.AddRange(history);
    }
}
