using ActorSegments.Domain.Activity;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Customers;
using ActorSegments.Domain.Time;

namespace ActorSegments.Grains.Customers;

/// <summary>
/// Dormancy: a customer that received no call for <see cref="CustomerGrainOptions.DormantAfter"/> keeps its
/// behavioral state and event id fingerprints only in their compact serialized form (the snapshot encoding, about 1 KB
/// for a typical shopper instead of several KB of objects) and rebuilds them on its next call, in microseconds.
/// Memberships and deadlines stay live, so time-based exits still happen exactly; a deadline briefly wakes the state.
/// </summary>
public sealed partial class CustomerGrain
{
    private byte[]? _dormant;
    private long _lastCallAt = long.MinValue;

    private CustomerState State => _state ?? throw new InvalidOperationException("The customer is dormant; call Awaken first.");

    private EventIdIndex EventIds => _eventIds ?? throw new InvalidOperationException("The customer is dormant; call Awaken first.");

    /// <summary>When this customer becomes dormant if nothing calls it, or never (already dormant, or disabled).</summary>
    private long DormantAt => _dormant is null && !_broken && options.Value.DormantAfter > TimeSpan.Zero && _lastCallAt != long.MinValue
        ? _lastCallAt + (long)options.Value.DormantAfter.TotalSeconds
        : UnixTime.Never;

    /// <summary>Rebuilds the state if dormant; a client call (not a wake-up or re-evaluation) also restarts the idle clock.</summary>
    private void Awaken(bool client)
    {
        if (client)
        {
            _lastCallAt = Now();
        }

        if (_dormant is not null)
        {
            var snapshot = CustomerSnapshotCodec.Deserialize(_dormant, _model.Tiers);
            (_state, _eventIds, _dormant) = (snapshot.State, snapshot.EventIds, null);
            dormancyMetrics.Awoke(_workspaceId);
        }

        if (client)
        {
            // Armed on every client call, reads included, not only after commits: a customer woken from dormancy has its
            // timer set for its next deadline, possibly days away, and would otherwise stay awake until then. Cheap:
            // the timer moves only when it must fire earlier.
            ArmWakeTimer();
        }
    }

    private void GoDormant()
    {
        _dormant = SerializeSnapshot();
        (_state, _eventIds) = (null, null);
        dormancyMetrics.WentDormant(_workspaceId);
    }

    private byte[] SerializeSnapshot()
    {
        State.Compact(_model);
        return CustomerSnapshotCodec.Serialize(new CustomerSnapshot(State, EventIds, _sequence, _definitionsVersion) { Experiments = _experiments }, _model.Tiers);
    }

    /// <summary>The one timer of an active customer: deadlines first, then dormancy once idle long enough.</summary>
    private async Task OnTimerAsync()
    {
        _timerFiresAt = UnixTime.Never; // it has fired: the next ArmWakeTimer sets it again
        if (_memberships.NextWakeUp <= Now())
        {
            await WakeAsync();
        }

        if (!_broken && _dormant is null && Now() >= DormantAt)
        {
            GoDormant();

            // The serialized state exists now anyway: storing it here spreads snapshot writes over the day instead of
            // leaving them all to a silo's shutdown, which has a deadline.
            if (_sinceSnapshot >= options.Value.SnapshotOnDeactivationAfterEvents)
            {
                await TryWriteSnapshotAsync();
            }
        }

        ArmWakeTimer();
    }
}
