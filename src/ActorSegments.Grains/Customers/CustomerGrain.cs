using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Activity;
using ActorSegments.Domain.Events;
using Microsoft.Extensions.Logging;

namespace ActorSegments.Grains.Customers;

/// <summary>
/// Owns one customer's state. Calls are not interleaved, so events of one customer are applied one request at a
/// time in arrival order; a request is answered only after its state change is written.
/// </summary>
[GrainType("customer")]
public sealed partial class CustomerGrain(
    [PersistentState(GrainStorageNames.CustomerState, GrainStorageNames.Provider)] IPersistentState<CustomerGrainState> state,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain
{
    private string _workspaceId = string.Empty;
    private string _customerId = string.Empty;
    private CustomerActivity _activity = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_workspaceId, _customerId) = CustomerGrainKey.Parse(this.GetPrimaryKeyString());
        _activity = CustomerActivityCodec.Deserialize(state.State.Activity);
        return Task.CompletedTask;
    }

    public async Task<TrackResult> TrackAsync(CustomerEvent[] events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var applied = 0;
        foreach (var evt in events)
        {
            if (_activity.Apply(evt) == ApplyOutcome.Applied)
            {
                applied++;
            }
        }

        if (applied > 0)
        {
            await PersistAsync();
        }

        return new TrackResult(applied, events.Length - applied);
    }

    public Task<CustomerProfileView?> GetProfileAsync()
    {
        if (_activity.IsEmpty)
        {
            return Task.FromResult<CustomerProfileView?>(null);
        }

        var types = _activity.EventTypes
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new EventTypeSummary(p.Key, p.Value.Count, p.Value.FirstSeen, p.Value.LastSeen))
            .ToArray();
        return Task.FromResult<CustomerProfileView?>(new CustomerProfileView(_workspaceId, _customerId, _activity.TotalEvents, types));
    }

    private async Task PersistAsync()
    {
        var previous = state.State.Activity;
        state.State.Activity = CustomerActivityCodec.Serialize(_activity);
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            // The write may or may not have reached storage, so neither the in-memory state nor the ETag can be
            // trusted: restore the last known snapshot and deactivate, so the next call (the client's retry)
            // starts from what storage really holds and its event ids decide what is applied.
            state.State.Activity = previous;
            _activity = CustomerActivityCodec.Deserialize(previous);
            DeactivateOnIdle();
            LogWriteFailed(ex, _workspaceId, _customerId);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing customer {WorkspaceId}/{CustomerId} failed; changes dropped, the grain reloads from storage on its next call")]
    private partial void LogWriteFailed(Exception exception, string workspaceId, string customerId);
}
