using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Activity;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Customers;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;
using ActorSegments.Grains.Features;
using ActorSegments.Grains.Modeling;
using ActorSegments.Grains.Segments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActorSegments.Grains.Customers;

/// <summary>
/// One customer: applies its events through the domain engine, re-evaluates the segments they affect, and answers
/// only once the events and membership changes are committed to the journal. Calls are not interleaved, so a
/// customer's events are applied one request at a time in arrival order.
/// </summary>
/// <remarks>
/// The journal is the record, and holds the customer's snapshot too: every so often a commit carries one, written in
/// the same transaction as its entries. Activation reads the snapshot, the entries after it and the committed
/// memberships in one statement (concurrent activations share one) and replays the entries. When a commit fails, the in-memory state is ahead of the record: the activation
/// refuses further calls and deactivates, and the next activation rebuilds from the journal, so the client's retry
/// is applied exactly once.
/// </remarks>
[GrainType("customer")]
public sealed partial class CustomerGrain(
    ICustomerJournal journal,
    ICustomerErasure erasure,
    SegmentCatalog catalog,
    FeatureWriter featureWriter,
    ScoringModels scoringModels,
    MembershipMetrics membershipMetrics,
    DormancyMetrics dormancyMetrics,
    TimeProvider clock,
    IOptions<CustomerGrainOptions> options,
    IOptions<Privacy.PrivacyOptions> privacy,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain
{
    private readonly List<MembershipChange> _changes = [];
    private readonly List<ChangeSet> _applied = [];
    private readonly List<OutcomeDelta> _outcomes = [];
    private CustomerExperiments _experiments = new();
    private string _workspaceId = string.Empty;
    private string _customerId = string.Empty;
    private BehaviorModel _model = BehaviorModel.Default;
    private CustomerState? _state = new(); // null while dormant (see CustomerGrain.Dormancy.cs)
    private readonly Memberships _memberships = new();
    private EventIdIndex? _eventIds = new();
    private long _sequence;
    private long _definitionsVersion;
    private long _committedWakeUp = UnixTime.Never;
    private int _sinceSnapshot;
    private long _snapshotAt;
    private bool _broken;

    // True while the activation has only served wake-ups and re-evaluations (sweeps, backfills): such a customer
    // goes back to sleep afterwards, so a backfill over a million customers does not keep a million in memory.
    private bool _onlyHousekeeping = true;
    private IGrainTimer? _wakeTimer;
    private long _timerFiresAt = UnixTime.Never;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_workspaceId, _customerId) = CustomerGrainKey.Parse(this.GetPrimaryKeyString());
        var workspace = await catalog.GetAsync(_workspaceId, cancellationToken);
        _model = workspace.Model;
        // The state is rebuilt exactly as it was applied; memberships start from the committed members, then every
        // segment is evaluated now, so whatever came due while the customer was idle is recorded.
        var record = await journal.LoadAsync(_workspaceId, _customerId, cancellationToken);
        var rebuilt = CustomerRebuild.From(record, _model, workspace.Experiments);
        (_state, _eventIds, _sequence, _definitionsVersion) = (rebuilt.State, rebuilt.EventIds, rebuilt.JournalSequence, rebuilt.DefinitionsVersion);
        _experiments = rebuilt.Experiments;
        _snapshotAt = Now();
        _sinceSnapshot = record.Entries.Count;
        _memberships.Restore(record.Members);
        _committedWakeUp = record.WakeUpAt ?? UnixTime.Never;
        if (IsAliasIn(record))
        {
            return; // an alias only redirects (CustomerGrain.Identity.cs)
        }

        if (_sequence == 0 && record.Members.Count == 0)
        {
            _erased = record.Suppressed; // an erased id stays erased until a caller restarts it (CustomerGrain.Erasure.cs)
            return; // a customer with no history: its first call evaluates everything
        }

        var now = Math.Max(Now(), State.Reference);
        _changes.Clear();
        if (workspace.Version == _definitionsVersion)
        {
            // Evaluate at the stored wake-up first, so a change that came due while the customer was idle is recorded
            // at its deadline, then catch up to now.
            var first = _committedWakeUp <= now ? Math.Max(_committedWakeUp, State.Reference) : now;
            _memberships.ApplyAll(workspace.Segments, State, _model, first, MembershipCause.Time, _changes);
        }

        CatchUp(workspace, now);
        var assigned = new List<JournalEntry>();
        AssignEligible(workspace, now, assigned);
        await CommitAsync(assigned);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        var shuttingDown = reason.ReasonCode == DeactivationReasonCode.ShuttingDown;
        if (!_broken && _sinceSnapshot >= options.Value.SnapshotOnDeactivationAfterEvents && (options.Value.SnapshotOnShutdown || !shuttingDown))
        {
            await TryWriteSnapshotAsync();
        }
    }

    public Task<TrackResult> TrackAsync(CustomerEvent[] events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return _alias is { } alias ? Task.FromResult(TrackResult.Redirect(alias.CustomerId)) : RecordFromClientAsync(events);
    }

    public async Task<bool> IdentifyAsync(TraitUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        ThrowIfAlias();
        var result = await RecordFromClientAsync([update]);
        return result.Applied == 1;
    }

    /// <summary>What a client sent: the customer is in use (no going back to sleep) and its idle clock restarts.</summary>
    private Task<TrackResult> RecordFromClientAsync(JournalRecord[] records)
    {
        _onlyHousekeeping = false;
        ThrowIfBroken();
        ThrowIfErased();
        Awaken(client: true);
        return RecordAsync(records);
    }

    public async Task<bool> ApplyModelOutputsAsync(ModelOutput outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ThrowIfBroken();
        if (_alias is not null || IgnoredAsErased())
        {
            return false; // an alias is scored as the customer it merged into; nothing is stored under an erased id
        }

        Awaken(client: false);
        var result = await RecordAsync([outputs]);
        SleepIfOnlyHousekeeping();
        return result.Applied == 1;
    }

    /// <summary>Applies the records not seen before, re-evaluates what they touched and commits them.</summary>
    private async Task<TrackResult> RecordAsync(JournalRecord[] events)
    {
        var recorded = await RecordedBeforeAsync(events);
        var now = Now();
        var workspace = await catalog.GetAsync(_workspaceId);
        _changes.Clear();
        CatchUp(workspace, now);

        var entries = new List<JournalEntry>(events.Length);
        var behaved = false;
        var applied = 0;
        for (var i = 0; i < events.Length; i++)
        {
            var evt = events[i];
            if (recorded.Contains(evt.EventId) || EarlierInRequest(events, i))
            {
                continue;
            }

            applied++;
            behaved |= evt is CustomerEvent or TraitUpdate; // what the customer did or is, not what was decided about it
            Record(workspace, new JournalEntry(++_sequence, now, evt), entries);
        }

        AssignEligible(workspace, now, entries);
        var features = behaved ? ExtractFeatures(now) : null;
        if (features is not null && LiveScores(features) is { } scores)
        {
            // Scores that moved are recorded with the events that moved them, so a replay restores them exactly.
            var sequence = ++_sequence;
            var outputs = new ModelOutput($"$score:{sequence}", clock.GetUtcNow()) { Scores = scores };
            Record(workspace, new JournalEntry(sequence, now, outputs), entries);
        }

        await CommitAsync(entries);
        if (features is not null)
        {
            WriteFeatures(now, features);
        }

        return new TrackResult(applied, events.Length - applied);
    }

    /// <summary>
    /// The ids of <paramref name="events"/> this customer's journal already holds (<see cref="StoredRecordId.IsRepeatedBy"/>:
    /// model outputs' ids are a space of their own). Only the entries the event id index cannot rule out are read back,
    /// by sequence, so a request of new events (nearly every request) costs no read and a retry one. Nothing is
    /// changed before this returns, so a failed read leaves the customer as it was.
    /// </summary>
    private async Task<IReadOnlySet<string>> RecordedBeforeAsync(JournalRecord[] events)
    {
        HashSet<long>? candidates = null;
        foreach (var evt in events)
        {
            if (EventIds.MayContain(evt.EventId))
            {
                (candidates ??= []).UnionWith(EventIds.Candidates(evt.EventId));
            }
        }

        if (candidates is null)
        {
            return NoIds;
        }

        IReadOnlyDictionary<long, StoredRecordId> stored;
        try
        {
            stored = await journal.EventIdsAtAsync(_workspaceId, _customerId, candidates);
        }
        catch (Exception ex)
        {
            LogDuplicateCheckFailed(ex, _workspaceId, _customerId);
            throw new EventsNotStoredException($"Customer {_workspaceId}/{_customerId} could not read its event ids back from the journal: {ex.Message}");
        }

        var storedById = stored.Values.ToLookup(s => s.EventId, StringComparer.Ordinal);
        return events.Where(e => storedById[e.EventId].Any(s => s.IsRepeatedBy(e))).Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
    }

    private static readonly IReadOnlySet<string> NoIds = new HashSet<string>();

    /// <summary>
    /// The same id appeared before in this request. Only possible when the filter holds its fingerprint by now, so the
    /// request is searched only then.
    /// </summary>
    private bool EarlierInRequest(JournalRecord[] events, int index)
    {
        var id = events[index].EventId;
        if (index == 0 || !EventIds.MayContain(id))
        {
            return false;
        }

        for (var i = 0; i < index; i++)
        {
            if (string.Equals(events[i].EventId, id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void Record(CompiledWorkspace workspace, JournalEntry entry, List<JournalEntry> entries)
    {
        entries.Add(entry);
        EventIds.Add(entry.Record.EventId, entry.Sequence);
        _applied.Clear();
        State.ApplyRecorded(entry.Record, _model, entry.AppliedAt, _applied);
        var cause = entry.Record switch
        {
            TraitUpdate => MembershipCause.Trait,
            ModelOutput => MembershipCause.Model,
            ExperimentAssignment => MembershipCause.Experiment,
            _ => MembershipCause.Event,
        };
        foreach (var change in _applied)
        {
            _memberships.Apply(workspace.Segments, State, _model, change, entry.AppliedAt, cause, _changes);
        }

        if (workspace.Experiments.Count > 0)
        {
            _experiments.Record(entry.Record, workspace.Experiments, _model, _outcomes);
            if (entry.Record is CustomerEvent evt)
            {
                AssignExternally(workspace, evt, entry.AppliedAt, entries);
            }
        }
    }

    /// <summary>
    /// Assigns the customer to every running randomized experiment whose audience segment it is in and that has not
    /// assigned it yet: the arm comes from the hash of the experiment's salt and the customer id, and the assignment is
    /// a journal record of the same commit, so it is stored exactly once and replayed as it was made. The global
    /// holdout goes first; a customer in its control arm is assigned to nothing else.
    /// </summary>
    private void AssignEligible(CompiledWorkspace workspace, long now, List<JournalEntry> entries)
    {
        if (workspace.Experiments.Count == 0)
        {
            return; // most workspaces, most of the time: no enumerator allocated per request
        }

        var global = workspace.Experiments.Find(ExperimentNames.GlobalHoldout);
        if (global is not null)
        {
            AssignIfEligible(workspace, global, now, entries);
        }

        if (State.Experiments.TryGetValue(ExperimentNames.GlobalHoldout, out var held) && global?.Definition.Arm(held.Arm) is { Control: true })
        {
            return;
        }

        foreach (var experiment in workspace.Experiments.All)
        {
            if (experiment != global)
            {
                AssignIfEligible(workspace, experiment, now, entries);
            }
        }
    }

    private void AssignIfEligible(CompiledWorkspace workspace, CompiledExperiment experiment, long now, List<JournalEntry> entries)
    {
        var definition = experiment.Definition;
        if (definition.Mode == AssignmentMode.Randomized && !State.Experiments.ContainsKey(definition.Id) &&
            _memberships.Contains(ExperimentNames.EligibleSegment(definition.Id)))
        {
            var arm = ArmChooser.Choose(definition, _customerId);
            Record(workspace, new JournalEntry(++_sequence, now, ExperimentAssignment.For(definition.Id, arm.Name, clock.GetUtcNow())), entries);
        }
    }

    /// <summary>
    /// An event of an externally assigned experiment's declared type names the experiment and the arm: the first one
    /// assigns the customer, at the event's own time (so an imported send log is measured from when it was sent).
    /// </summary>
    private void AssignExternally(CompiledWorkspace workspace, CustomerEvent evt, long now, List<JournalEntry> entries)
    {
        foreach (var experiment in workspace.Experiments.ExternalFor(evt.Type))
        {
            var external = experiment.Definition.External!;
            if (evt.Properties.TryGetValue(external.ExperimentProperty, out var named) && named.Text == experiment.Id &&
                evt.Properties.TryGetValue(external.ArmProperty, out var arm) && arm.Text is { } armName &&
                experiment.Definition.Arm(armName) is not null && !State.Experiments.ContainsKey(experiment.Id))
            {
                Record(workspace, new JournalEntry(++_sequence, now, ExperimentAssignment.For(experiment.Id, armName, evt.OccurredAt)), entries);
            }
        }
    }

    /// <summary>The live propensity scores that moved enough to record, or null.</summary>
    private List<KeyValuePair<string, double?>>? LiveScores(float[] features)
    {
        List<KeyValuePair<string, double?>>? moved = null;
        foreach (var model in scoringModels.Current(_workspaceId))
        {
            var score = Math.Round(model.Model.Score(features), 4);
            if (!State.Scores.TryGetValue(model.Name, out var held) || Math.Abs(held - score) >= scoringModels.ChangeToRecord)
            {
                (moved ??= []).AddRange(ScoringModel.Outputs(model.Name, score, model.Distribution));
            }
        }

        return moved;
    }

    public async Task WakeAsync()
    {
        ThrowIfBroken();
        if (_alias is not null || IgnoredAsErased())
        {
            return;
        }

        Awaken(client: false);
        var workspace = await catalog.GetAsync(_workspaceId);
        await CatchUpAndCommitAsync(workspace);
    }

    public async Task ReevaluateAsync(long definitionsVersion)
    {
        ThrowIfBroken();
        if (_alias is not null || IgnoredAsErased())
        {
            return;
        }

        Awaken(client: false);
        var workspace = await catalog.GetAsync(_workspaceId, definitionsVersion);
        await CatchUpAndCommitAsync(workspace);
    }

    /// <summary>Time or new definitions only: memberships caught up, and any experiment the customer now qualifies for assigned.</summary>
    private async Task CatchUpAndCommitAsync(CompiledWorkspace workspace)
    {
        var now = Now();
        _changes.Clear();
        CatchUp(workspace, now);
        var assigned = new List<JournalEntry>();
        AssignEligible(workspace, now, assigned);
        await CommitAsync(assigned);
        SleepIfOnlyHousekeeping();
    }

    public Task<CustomerProfileView?> GetProfileAsync()
    {
        ThrowIfAlias();
        _onlyHousekeeping = false;
        Awaken(client: true);
        return Task.FromResult(HasHistory
            ? CustomerViews.Profile(_workspaceId, _customerId, State, _memberships, _model, Math.Max(Now(), State.Reference))
            : null);
    }

    public async Task<SegmentExplanationView?> ExplainAsync(string segmentId)
    {
        ThrowIfAlias();
        _onlyHousekeeping = false;
        Awaken(client: true);
        var workspace = await catalog.GetAsync(_workspaceId);
        return HasHistory && workspace.Segments.Segment(segmentId) is { } segment
            ? CustomerViews.Explanation(segment, State, _memberships, _model, Math.Max(Now(), State.Reference))
            : null;
    }

    /// <summary>Anything was ever recorded for this customer (events or traits).</summary>
    private bool HasHistory => _sequence > 0 || _dormant is not null || !State.IsEmpty;

    /// <summary>Brings memberships up to <paramref name="now"/>: new definitions first, then deadlines that came due.</summary>
    private void CatchUp(CompiledWorkspace workspace, long now)
    {
        if (workspace.Version != _definitionsVersion)
        {
            _model = workspace.Model; // a schema change takes effect from here on
            // A customer's very first evaluation is part of its first event, not a definitions change.
            var cause = _sequence == 0 ? MembershipCause.Event : MembershipCause.Definition;
            _memberships.ApplyAll(workspace.Segments, State, _model, now, cause, _changes);
            _definitionsVersion = workspace.Version;
        }

        if (_memberships.NextWakeUp <= now)
        {
            var lifecycle = State.AdvanceTo(now, _model);
            _memberships.ApplyDue(workspace.Segments, State, _model, now, _changes);
            _memberships.Apply(workspace.Segments, State, _model, lifecycle, now, MembershipCause.Time, _changes);
        }
    }

    private async Task CommitAsync(List<JournalEntry> entries)
    {
        var wakeUp = _memberships.NextWakeUp;
        var writeWakeUp = StoredWakeUp.NeedsWrite(_committedWakeUp, wakeUp, Now());
        if (entries.Count == 0 && _changes.Count == 0 && !writeWakeUp)
        {
            ArmWakeTimer();
            ReleaseScratch();
            return;
        }

        // A snapshot rides along with the commit that makes one due, in the same transaction as its entries.
        var unsnapshotted = _sinceSnapshot + entries.Count;
        var snapshot = MaySnapshot && (unsnapshotted >= options.Value.SnapshotEveryEvents ||
            (unsnapshotted > 0 && Now() - _snapshotAt >= (long)options.Value.SnapshotEvery.TotalSeconds))
            ? new StoredSnapshot(_sequence, SerializeSnapshot())
            : null;
        var commit = new CustomerCommit(_workspaceId, _customerId, entries, [.. _changes], writeWakeUp ? wakeUp : null, snapshot, _outcomes.Count > 0 ? [.. _outcomes] : null);
        try
        {
            await journal.CommitAsync(commit);
        }
        catch (Exception ex)
        {
            // The state in memory now holds changes the journal may not have: never serve from it again.
            _broken = true;
            DeactivateOnIdle();
            LogCommitFailed(ex, _workspaceId, _customerId);
            throw new EventsNotStoredException($"Customer {_workspaceId}/{_customerId} could not store the request: {ex.Message}")
            {
                Overloaded = ex is JournalOverloadedException,
            };
        }

        membershipMetrics.Committed(_changes, clock.GetUtcNow());
        ReleaseScratch();
        if (writeWakeUp)
        {
            _committedWakeUp = wakeUp;
        }
        if (snapshot is null)
        {
            _sinceSnapshot = unsnapshotted;
        }
        else
        {
            (_sinceSnapshot, _snapshotAt) = (0, Now());
        }

        ArmWakeTimer();
    }

    /// <summary>
    /// Drops the scratch lists' arrays between calls (setting the capacity to zero allocates nothing): held at their
    /// largest size by every active customer they were about 430 bytes each, a seventh of a customer's heap.
    /// </summary>
    private void ReleaseScratch()
    {
        _changes.Clear();
        _changes.Capacity = 0;
        _applied.Clear();
        _applied.Capacity = 0;
        _outcomes.Clear();
        _outcomes.Capacity = 0;
    }

    /// <summary>Writes the snapshot on its own; a failure only means more replay on the next activation.</summary>
    private async Task TryWriteSnapshotAsync()
    {
        if (!MaySnapshot || _erased)
        {
            return; // an alias never snapshots past its link; nothing may be stored under an erased id
        }

        try
        {
            await journal.SaveSnapshotAsync(_workspaceId, _customerId, new StoredSnapshot(_sequence, _dormant ?? SerializeSnapshot()));
            _sinceSnapshot = 0;
            _snapshotAt = Now();
        }
        catch (Exception ex)
        {
            LogSnapshotFailed(ex, _workspaceId, _customerId);
        }
    }

    /// <summary>The longest a wake timer waits in one step (a grain timer cannot wait longer than about 49 days).</summary>
    private static readonly TimeSpan MaxTimerWait = TimeSpan.FromDays(30);

    /// <summary>
    /// While active, a grain timer wakes the customer at its next deadline (and makes it dormant once idle); when
    /// deactivated, the stored wake-up does.
    /// </summary>
    private void ArmWakeTimer()
    {
        var next = Math.Min(_memberships.NextWakeUp, DormantAt);
        if (next == UnixTime.Never)
        {
            _wakeTimer?.Dispose();
            _wakeTimer = null;
            _timerFiresAt = UnixTime.Never;
            return;
        }

        // A timer already set to fire no later than needed stays as it is: firing early finds nothing due and arms
        // again. Moving it on every commit (each call pushes the dormancy time on) took a timer-queue lock per event.
        if (_wakeTimer is not null && _timerFiresAt <= next)
        {
            return;
        }

        // A grain timer cannot wait longer than about 49 days; a later deadline is reached in steps (the early firing
        // finds nothing due and arms the timer again).
        var now = Now();
        var wait = Math.Clamp(next - now, 0, (long)MaxTimerWait.TotalSeconds);
        _timerFiresAt = now + wait;
        var due = TimeSpan.FromSeconds(wait);
        if (_wakeTimer is null)
        {
            _wakeTimer = this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions { DueTime = due, Period = Timeout.InfiniteTimeSpan, KeepAlive = false });
        }
        else
        {
            _wakeTimer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private void SleepIfOnlyHousekeeping()
    {
        if (_onlyHousekeeping)
        {
            DeactivateOnIdle();
        }
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeSeconds();

    private void ThrowIfBroken()
    {
        if (_broken)
        {
            throw new EventsNotStoredException($"Customer {_workspaceId}/{_customerId} is reloading after a failed commit; retry.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal commit for customer {WorkspaceId}/{CustomerId} failed; nothing acknowledged, the customer reloads from the journal")]
    private partial void LogCommitFailed(Exception exception, string workspaceId, string customerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking up event ids of customer {WorkspaceId}/{CustomerId} in the journal failed; nothing of the request was applied")]
    private partial void LogDuplicateCheckFailed(Exception exception, string workspaceId, string customerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot of customer {WorkspaceId}/{CustomerId} failed; the journal still holds everything, replay grows until the next snapshot")]
    private partial void LogSnapshotFailed(Exception exception, string workspaceId, string customerId);
}
