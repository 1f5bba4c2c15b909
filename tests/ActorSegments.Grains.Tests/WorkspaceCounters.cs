using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ActorSegments.Grains.Tests;

/// <summary>The counters of the given meters, per workspace tag, as they are recorded (by every silo of the cluster).</summary>
internal sealed class WorkspaceCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Counter, string Workspace), long> _totals = new();

    public WorkspaceCounters(params string[] meterNames)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (meterNames.Contains(instrument.Meter.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "workspace" && tag.Value is string workspace)
                {
                    _totals.AddOrUpdate((instrument.Name, workspace), value, (_, total) => total + value);
                }
            }
        });
        _listener.Start();
    }

    public long Get(string counter, string workspace) => _totals.GetValueOrDefault((counter, workspace));

    public void Dispose() => _listener.Dispose();
}
