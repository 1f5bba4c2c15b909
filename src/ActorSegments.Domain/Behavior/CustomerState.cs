using ActorSegments.Domain.Behavior.Lifecycle;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Modeling.Recommendations;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Behavior;

/// <summary>
/// One customer's behavioral state: per-event-type series (and per tracked property value), traits, model outputs
/// (scores, cohort), experiment arms, cart, engagement, affinities and lifecycle. Events are applied at their occurred-at time, in any
/// arrival order; the size stays bounded whatever the volume (see <see cref="TimeTiers"/>).
/// </summary>
public sealed partial class CustomerState
{
    private readonly SeriesByType _types = new();
    // Tracked properties are a handful per workspace, so a short list costs less than a dictionary; traits, scores and
    // experiment arms are created on first use, since an empty dictionary still costs every active customer 80 bytes.
    private (string Type, string Property, ValueSeriesSet Set)[] _values = [];
    private Dictionary<string, TraitValue>? _traits;
    private Dictionary<string, double>? _scores;
    private Dictionary<string, AssignedArm>? _experiments;
    private static readonly Dictionary<string, TraitValue> NoTraits = [];
    private static readonly Dictionary<string, double> NoScores = [];
    private static readonly Dictionary<string, AssignedArm> NoExperiments = [];
    private DecayedScore _engagement;
    // Created on the first purchase: most customers of a store never buy, and an empty history would still cost each 32 bytes.
    private PurchaseHistory? _purchases;

    /// <summary>The latest clock reading applied (Unix seconds): buckets are compacted relative to it.</summary>
    public long Reference { get; private set; } = long.MinValue;

    public long TotalEvents { get; private set; }

    /// <summary>Events of types beyond the per-customer type limit, counted here only.</summary>
    public long UntrackedEvents { get; private set; }

    public long FirstSeen { get; private set; } = long.MaxValue;

    public long LastSeen { get; private set; } = long.MinValue;

    /// <summary>The latest event that counts as the customer's own activity (not, e.g., an email sent to it).</summary>
    public long LastActivity { get; private set; } = long.MinValue;

    public CartState Cart { get; } = new();

    public AffinityTable Products { get; } = new();

    /// <summary>The latest purchases with their amounts and product lines (bounded; see <see cref="PurchaseHistory"/>).</summary>
    public PurchaseHistory Purchases => _purchases ?? PurchaseHistory.None;

    public AffinityTable Categories { get; } = new();

    public LifecycleState Lifecycle { get; } = new();

    public string? Cohort { get; private set; }

    /// <summary>Recommended item ids, best first, as the last recommendation job wrote them.</summary>
    public IReadOnlyList<string> Recommendations { get; private set; } = [];

    /// <summary>
    /// Why each of <see cref="Recommendations"/> is recommended, in the same order ("" for an item without one); empty
    /// when the last recommendation job gave no reasons.
    /// </summary>
    public IReadOnlyList<string> RecommendationReasons { get; private set; } = [];

    public DecayedScore Engagement => _engagement;

    public IReadOnlyDictionary<string, EventSeries> EventTypes => _types;

    public IReadOnlyDictionary<string, TraitValue> Traits => _traits ?? NoTraits;

    public IReadOnlyDictionary<string, double> Scores => _scores ?? NoScores;

    /// <summary>The arm of each experiment the customer was assigned to, by experiment id.</summary>
    public IReadOnlyDictionary<string, AssignedArm> Experiments => _experiments ?? NoExperiments;

    public bool IsEmpty => TotalEvents == 0;

    public EventSeries? Series(string eventType) => _types.TryGetValue(eventType, out var series) ? series : null;

    public ValueSeriesSet? ValueSeries(string eventType, string property)
    {
        foreach (var (type, name, set) in _values)
        {
            if (string.Equals(type, eventType, StringComparison.Ordinal) && string.Equals(name, property, StringComparison.Ordinal))
            {
                return set;
            }
        }

        return null;
    }

    /// <summary>The value series of a tracked property, created when missing.</summary>
    private ValueSeriesSet ValueSeriesOrAdd(string eventType, string property)
    {
        if (ValueSeries(eventType, property) is { } set)
        {
            return set;
        }

        set = new ValueSeriesSet();
        _values = [.. _values, (SharedStrings.Intern(eventType), SharedStrings.Intern(property), set)];
        return set;
    }

    private const int OutlookSize = 1 + (2 * LifecycleMachine.OutlookLength);

    public LifecycleFacts LifecycleFacts(BehaviorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var purchases = Series(model.Settings.PurchaseEvent);
        return new LifecycleFacts(
            purchases?.TotalCount ?? 0,
            purchases?.LastSeen ?? long.MinValue,
            LastActivity,
            FirstSeen);
    }

    /// <summary>Applies one event at its occurred-at time, with the clock reading <paramref name="now"/>.</summary>
    public ChangeSet Apply(CustomerEvent evt, BehaviorModel model, long now)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(model);
        Reference = Math.Max(Reference, now);
        var time = UnixTime.Seconds(evt.OccurredAt);
        var type = model.EventType(evt.Type);
        Span<long> outlookBefore = stackalloc long[OutlookSize];
        outlookBefore = outlookBefore[..LifecycleMachine.WriteOutlook(Lifecycle.Stage, LifecycleFacts(model), model.Settings.Lifecycle, outlookBefore)];

        // Time-driven moves recorded for after this event did not happen as recorded (the customer was active), and
        // deadlines that passed before it take effect first: a view arriving after an at-risk deadline the customer
        // was never woken for still counts as a return.
        Lifecycle.UndoTimeTransitionsAfter(time);
        LifecycleMachine.AdvanceTo(Lifecycle, LifecycleFacts(model), Math.Min(time, Reference), model.Settings.Lifecycle);

        TotalEvents++;
        FirstSeen = Math.Min(FirstSeen, time);
        LastSeen = Math.Max(LastSeen, time);

        Span<double> numbers = stackalloc double[type.NumericSlots.Count];
        for (var slot = 0; slot < numbers.Length; slot++)
        {
            numbers[slot] = NumberOf(evt, type.NumericSlots[slot]);
        }

        if (TypeSeries(evt.Type, type, model) is { } series)
        {
            series.Add(time, numbers, model.Tiers, Reference);
            RecordTrackedValues(evt, type, time, numbers, model);
        }
        else
        {
            UntrackedEvents++;
        }

        var previousActivity = LastActivity;
        if (type.IsActivity)
        {
            LastActivity = Math.Max(LastActivity, time);
        }

        ApplyDerived(evt, type, time, model);

        var settings = model.Settings.Lifecycle;
        // Only a new visitor can become engaged; counting recent activity is skipped otherwise.
        var engaged = type.IsActivity && Lifecycle.Stage is LifecycleStage.NewVisitor or LifecycleStage.None ? ActivityCountFrom(model.Tiers.WindowStart(time, Math.Min((long)settings.EngagedWindow.TotalSeconds, model.Tiers.Horizon)), model) : 0;
        LifecycleMachine.OnEvent(Lifecycle, type, time, LifecycleFacts(model), previousActivity, engaged, settings);
        LifecycleMachine.AdvanceTo(Lifecycle, LifecycleFacts(model), Reference, settings);

        // Lifecycle rules are re-evaluated only when the stage or any deadline ahead moved.
        Span<long> outlookAfter = stackalloc long[OutlookSize];
        outlookAfter = outlookAfter[..LifecycleMachine.WriteOutlook(Lifecycle.Stage, LifecycleFacts(model), settings, outlookAfter)];
        return ChangeSet.ForEvent(evt.Type, !outlookBefore.SequenceEqual(outlookAfter));
    }

    /// <summary>
    /// Applies one journal record: a behavioral event (<see cref="Apply"/>), a trait update (one change per trait), a
    /// model output (cohort, scores, recommendations) or an experiment assignment (<see cref="AssignExperiment"/>).
    /// Appends what changed to <paramref name="changes"/>.
    /// </summary>
    public void ApplyRecorded(JournalRecord record, BehaviorModel model, long now, List<ChangeSet> changes)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(changes);
        switch (record)
        {
            case CustomerEvent evt:
                changes.Add(Apply(evt, model, now));
                break;
            case TraitUpdate update:
                Reference = Math.Max(Reference, now);
                foreach (var (name, value) in update.Traits)
                {
                    changes.Add(SetTrait(name, TraitTypes.AsDeclared(value, model.Schema.Trait(name)?.Type)));
                }

                break;
            case ModelOutput output:
                Reference = Math.Max(Reference, now);
                ApplyModelOutput(output, changes);
                break;
            case ExperimentAssignment assignment:
                Reference = Math.Max(Reference, now);
                changes.Add(AssignExperiment(assignment.ExperimentId, assignment.Arm, UnixTime.Seconds(assignment.OccurredAt)));
                break;
            case AliasLink:
                // The link itself changes no behavior: the merged history arrives as records of their own kinds.
                Reference = Math.Max(Reference, now);
                break;
            default:
                throw new ArgumentException($"Unknown journal record {record.GetType().Name}.", nameof(record));
        }
    }

    /// <summary>
    /// Lets time pass with no event: applies due lifecycle transitions. Rule values never depend on whether this ran
    /// (evaluation is exact at any time); it keeps the recorded stage and its history current.
    /// </summary>
    public ChangeSet AdvanceTo(long now, BehaviorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Reference = Math.Max(Reference, now);
        var stageBefore = Lifecycle.Stage;
        LifecycleMachine.AdvanceTo(Lifecycle, LifecycleFacts(model), Reference, model.Settings.Lifecycle);
        return ChangeSet.ForLifecycle(Lifecycle.Stage != stageBefore);
    }

    /// <summary>Sets (or with null removes) a trait.</summary>
    public ChangeSet SetTrait(string name, TraitValue? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var changed = value is null ? _traits?.Remove(name) == true : _traits?.TryGetValue(name, out var old) != true || !old!.Equals(value);
        if (value is not null)
        {
            (_traits ??= new(StringComparer.Ordinal))[name] = value;
        }

        return changed ? new ChangeSet(null, false, name, null, false) : ChangeSet.None;
    }

    /// <summary>Sets (or with null removes) a model score such as <c>purchase_30d</c>.</summary>
    public ChangeSet SetScore(string name, double? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var changed = value is null ? _scores?.Remove(name) == true : _scores?.TryGetValue(name, out var old) != true || !old.Equals(value.Value);
        if (value is not null)
        {
            (_scores ??= new(StringComparer.Ordinal))[name] = value.Value;
        }

        return changed ? new ChangeSet(null, false, null, name, false) : ChangeSet.None;
    }

    public ChangeSet SetCohort(string? cohort)
    {
        var changed = Cohort != cohort;
        Cohort = cohort;
        return changed ? new ChangeSet(null, false, null, null, true) : ChangeSet.None;
    }

    /// <summary>
    /// Assigns the customer to <paramref name="arm"/> of an experiment, at <paramref name="assignedAt"/> (Unix seconds).
    /// The first assignment is kept for good: assigning again, to any arm, changes nothing and reports no change, so
    /// an arm never moves under a running experiment (nor under a replay that meets a second assignment).
    /// </summary>
    public ChangeSet AssignExperiment(string experimentId, string arm, long assignedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(experimentId);
        ArgumentException.ThrowIfNullOrEmpty(arm);
        if (_experiments?.ContainsKey(experimentId) == true)
        {
            return ChangeSet.None;
        }

        // Experiment ids and arm names repeat across every customer of an experiment: one copy each.
        experimentId = SharedStrings.Intern(experimentId);
        (_experiments ??= new(StringComparer.Ordinal))[experimentId] = new AssignedArm(SharedStrings.Intern(arm), assignedAt);
        return ChangeSet.ForExperiment(experimentId);
    }

    private void ApplyModelOutput(ModelOutput output, List<ChangeSet> changes)
    {
        if (output.SetsCohort)
        {
            changes.Add(SetCohort(output.Cohort));
        }

        foreach (var (name, score) in output.Scores)
        {
            changes.Add(SetScore(name, score));
        }

        if (output.Recommendations is { } items)
        {
            // Recommendations are read by templates, never by rules: no change to report.
            Recommendations = items;
            RecommendationReasons = ReasonsToKeep(output.RecommendationReasons);
        }
    }

    /// <summary>
    /// The reasons as the state keeps them: none when every item lacks one (the state stays in a format older builds
    /// read, and costs nothing), otherwise one copy per process of each text, since a few texts ("popular now")
    /// repeat across most customers.
    /// </summary>
    private static IReadOnlyList<string> ReasonsToKeep(IReadOnlyList<string>? reasons) =>
        reasons is null || reasons.All(string.IsNullOrEmpty) ? [] : [.. reasons.Select(SharedStrings.Intern)];

    /// <summary>The decayed engagement score as of <paramref name="now"/>.</summary>
    public double EngagementAt(long now, BehaviorModel model) =>
        _engagement.At(now, model.Settings.EngagementHalfLife.TotalSeconds);

    private EventSeries? TypeSeries(string name, EventTypeModel type, BehaviorModel model)
    {
        if (_types.TryGetValue(name, out var series))
        {
            return series;
        }

        if (_types.Count >= model.Settings.MaxEventTypes)
        {
            return null;
        }

        series = new EventSeries(type.NumericSlots.Count, type.BucketSlotCount);
        _types.Set(SharedStrings.Intern(name), series);
        return series;
    }

    private void RecordTrackedValues(CustomerEvent evt, EventTypeModel type, long time, ReadOnlySpan<double> numbers, BehaviorModel model)
    {
        foreach (var property in type.TrackedProperties)
        {
            if (!evt.Properties.TryGetValue(property, out var value) || value.Kind != PropertyKind.String)
            {
                continue;
            }

            ValueSeriesOrAdd(evt.Type, property).SeriesFor(value.Text!, time, type, model.Settings.MaxValuesPerProperty)?.Add(time, numbers[..type.BucketSlotCount], model.Tiers, Reference);
        }
    }

    /// <summary>Events of activity types in buckets starting at or after <paramref name="start"/>.</summary>
    public long ActivityCountFrom(long start, BehaviorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        long count = 0;
        foreach (var (name, series) in _types.Entries)
        {
            if (model.EventType(name).IsActivity)
            {
                count += series.CountFrom(start);
            }
        }

        return count;
    }

    private static double NumberOf(CustomerEvent evt, string property) =>
        evt.Properties.TryGetValue(property, out var value) && value.Kind == PropertyKind.Number ? value.Number : double.NaN;

    private void ApplyDerived(CustomerEvent evt, EventTypeModel type, long time, BehaviorModel model)
    {
        var settings = model.Settings;
        if (type.IsCartAdd || type.IsCartRemove || type.IsCheckout || type.IsPurchase)
        {
            Cart.Apply(type, time, NumberOf(evt, settings.PriceProperty), NumberOf(evt, settings.QuantityProperty));
        }

        if (type.IsPurchase)
        {
            (_purchases ??= new()).AddPurchase(time, NumberOf(evt, settings.RevenueProperty));
        }
        else if (string.Equals(evt.Type, ItemInteractions.ProductPurchasedEvent, StringComparison.Ordinal))
        {
            _purchases?.AddLine(time);
        }

        if (type.EngagementWeight != 0)
        {
            _engagement.Add(type.EngagementWeight, time, settings.EngagementHalfLife.TotalSeconds);
        }

        if (type.AffinityWeight != 0)
        {
            var halfLife = settings.AffinityHalfLife.TotalSeconds;
            if (evt.Properties.TryGetValue(settings.ProductProperty, out var product) && product.Kind == PropertyKind.String)
            {
                Products.Add(product.Text!, type.AffinityWeight, time, halfLife, settings.AffinityTopK);
            }

            if (evt.Properties.TryGetValue(settings.CategoryProperty, out var category) && category.Kind == PropertyKind.String)
            {
                Categories.Add(category.Text!, type.AffinityWeight, time, halfLife, settings.AffinityTopK);
            }
        }
    }

    /// <summary>
    /// Moves every series' aged buckets into coarser tiers as of the reference clock. Answers are the same either way;
    /// this keeps the state small, so call it before writing a snapshot (events compact busy series as they go).
    /// </summary>
    public void Compact(BehaviorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (_, series) in _types.Entries)
        {
            series.Compact(model.Tiers, Reference);
        }

        foreach (var (_, _, set) in _values)
        {
            foreach (var (_, series) in set.Values)
            {
                series.Compact(model.Tiers, Reference);
            }
        }

    }
}
