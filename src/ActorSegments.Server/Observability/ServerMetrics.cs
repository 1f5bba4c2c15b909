using System.Diagnostics.Metrics;

namespace ActorSegments.Server.Observability;

/// <summary>
/// What the API sees: events offered and how each ended at the gateway (applied, recognized as a retry, rejected and
/// why), and the calls in flight per method — the work a drain waits for.
/// </summary>
public sealed class ServerMetrics
{
    public const string MeterName = "ActorSegments.Api";

    private readonly Counter<long> _received;
    private readonly Counter<long> _applied;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _rejected;
    private readonly UpDownCounter<long> _inFlight;

    public ServerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _received = meter.CreateCounter<long>("actorsegments.events.received", "{event}", "Events and trait updates received by the ingest API");
        _applied = meter.CreateCounter<long>("actorsegments.events.applied", "{event}", "Events applied and committed to the journal before the call was answered");
        _duplicates = meter.CreateCounter<long>("actorsegments.events.duplicates", "{event}", "Events recognized as retries of events already applied (not applied again)");
        _rejected = meter.CreateCounter<long>("actorsegments.events.rejected", "{event}", "Events not acknowledged, by reason: invalid, not_stored (retry), overloaded (retry later)");
        _inFlight = meter.CreateUpDownCounter<long>("actorsegments.rpc.in_flight", "{call}", "API calls being served, by method");
    }

    public void Received(int events) => _received.Add(events);

    public void Applied(long applied, long duplicates)
    {
        _applied.Add(applied);
        _duplicates.Add(duplicates);
    }

    public void Rejected(long events, RejectionReason reason) => _rejected.Add(events, new KeyValuePair<string, object?>("reason", reason switch
    {
        RejectionReason.Invalid => "invalid",
        RejectionReason.Overloaded => "overloaded",
        RejectionReason.Erased => "erased",
        _ => "not_stored",
    }));

    public void CallStarted(string method) => _inFlight.Add(1, new KeyValuePair<string, object?>("method", method));

    public void CallEnded(string method) => _inFlight.Add(-1, new KeyValuePair<string, object?>("method", method));
}

public enum RejectionReason
{
    Invalid,
    NotStored,
    Overloaded,

    /// <summary>The customer id was erased and the request did not allow a new customer under it.</summary>
    Erased,
}
