using System.Diagnostics.Metrics;
using ActorSegments.Grains.Customers;

namespace ActorSegments.ClusterBench;

/// <summary>
/// How many customers went dormant since this count started, less those awakened since, from the customers' own
/// counters (a deactivation is not counted: use it while the customers stay active). A heap figure taken after a long
/// ingest says with it how many of the customers were no longer hot.
/// </summary>
internal sealed class DormancyCount : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _dormant;

    public DormancyCount()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DormancyMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            var change = instrument.Name switch
            {
                "actorsegments.customers.dormant" => value,
                "actorsegments.customers.awakened" => -value,
                _ => 0,
            };
            Interlocked.Add(ref _dormant, change);
        });
        _listener.Start();
    }

    public long Dormant => Interlocked.Read(ref _dormant);

    public void Dispose() => _listener.Dispose();
}
