namespace ActorSegments.Domain.Rules.Compilation;

/// <summary>
/// What a compiled rule reads, for the dependency index: an event can only change the rule if the rule reads its
/// type (directly, or through a derived value such as RFM or the cart), and likewise for traits, scores, the cohort,
/// experiments and the lifecycle stage. <see cref="TimeDependent"/> rules can change with no input at all (windows, deadlines).
/// </summary>
public sealed class RuleInputs
{
    private readonly HashSet<string> _eventTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _traits = new(StringComparer.Ordinal);
    private readonly HashSet<string> _scores = new(StringComparer.Ordinal);
    private readonly HashSet<string> _segments = new(StringComparer.Ordinal);
    private readonly HashSet<string> _experiments = new(StringComparer.Ordinal);

    public IReadOnlySet<string> EventTypes => _eventTypes;

    /// <summary>Read something every event changes (e.g. <c>customer.events</c>, <c>lifecycle</c>).</summary>
    public bool AllEvents { get; private set; }

    public IReadOnlySet<string> Traits => _traits;

    public IReadOnlySet<string> Scores => _scores;

    /// <summary>Experiments whose arm the rule reads with <c>experiment("id")</c>.</summary>
    public IReadOnlySet<string> Experiments => _experiments;

    /// <summary>Segments referenced with <c>in_segment</c>, directly.</summary>
    public IReadOnlySet<string> Segments => _segments;

    public bool Cohort { get; private set; }

    public bool Lifecycle { get; private set; }

    public bool TimeDependent { get; private set; }

    internal void AddEventTypes(IEnumerable<string> types) => _eventTypes.UnionWith(types);

    internal void AddEventType(string type) => _eventTypes.Add(type);

    internal void AddAllEvents() => AllEvents = true;

    internal void AddTrait(string name) => _traits.Add(name);

    internal void AddScore(string name) => _scores.Add(name);

    internal void AddSegment(string id) => _segments.Add(id);

    internal void AddExperiment(string id) => _experiments.Add(id);

    internal void AddCohort() => Cohort = true;

    internal void AddLifecycle() => Lifecycle = true;

    internal void AddTime() => TimeDependent = true;

    /// <summary>Adds everything another rule reads (for <c>in_segment</c>: a segment reads what its references read).</summary>
    internal void AddAll(RuleInputs other)
    {
        _eventTypes.UnionWith(other._eventTypes);
        _traits.UnionWith(other._traits);
        _scores.UnionWith(other._scores);
        _experiments.UnionWith(other._experiments);
        AllEvents |= other.AllEvents;
        Cohort |= other.Cohort;
        Lifecycle |= other.Lifecycle;
        TimeDependent |= other.TimeDependent;
    }
}
