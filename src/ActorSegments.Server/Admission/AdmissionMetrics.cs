using System.Diagnostics.Metrics;
using ActorSegments.Server.Observability;

namespace ActorSegments.Server.Admission;

/// <summary>
/// What admission control decided: requests (a unary call, or one batch of a stream) admitted and shed by reason, and
/// the state it decides on — events and unary requests in flight, and the measured drain rate.
/// </summary>
internal sealed class AdmissionMetrics
{
    private readonly Counter<long> _admitted;
    private readonly Counter<long> _shed;

    public AdmissionMetrics(IMeterFactory meters, AdmissionGate gate)
    {
        var meter = meters.Create(ServerMetrics.MeterName);
        _admitted = meter.CreateCounter<long>("actorsegments.admission.admitted", "{request}", "Ingest requests (unary calls and stream batches) admitted to run");
        _shed = meter.CreateCounter<long>("actorsegments.admission.shed", "{request}", "Ingest requests refused at once with RESOURCE_EXHAUSTED, by reason: requests_in_flight, events_in_flight, deadline");
        meter.CreateObservableGauge("actorsegments.admission.events_in_flight", () => gate.EventsInFlight, "{event}", "Events admitted and not yet finished");
        meter.CreateObservableGauge("actorsegments.admission.requests_in_flight", () => gate.RequestsInFlight, "{request}", "Unary ingest requests being read or served");
        meter.CreateObservableGauge("actorsegments.admission.drain_rate", () => gate.DrainPerSecond, "{event}/s", "Events finished per second while work was in flight (moving average)");
    }

    public void Admitted() => _admitted.Add(1);

    public void Shed(ShedReason reason) => _shed.Add(1, new KeyValuePair<string, object?>("reason", reason switch
    {
        ShedReason.RequestsInFlight => "requests_in_flight",
        ShedReason.EventsInFlight => "events_in_flight",
        _ => "deadline",
    }));
}
