using System.Buffers;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Behavior.Serialization;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Experiments;

/// <summary>
/// One customer's part in experiments: its arm and assignment time in each, and its outcome so far for every metric.
/// Updated as events are applied, like segment memberships, and reporting each change to the arm's totals as an
/// <see cref="OutcomeDelta"/> for the commit to write. Events count by their occurred-at time relative to the
/// assignment, so the order they arrive in does not matter and an imported history is measured as it happened.
/// Every delta comes from a journal entry (an assignment or an event), never from time passing alone, so a replay
/// of the journal rebuilds exactly what was counted and nothing is counted twice.
/// </summary>
public sealed class CustomerExperiments
{
    private Participation[] _entries = [];

    public bool IsEmpty => _entries.Length == 0;

    public IEnumerable<(string ExperimentId, string Arm, long AssignedAt)> Assignments =>
        _entries.Select(e => (e.ExperimentId, e.Arm, e.AssignedAt));

    /// <summary>The customer's outcome value of a metric (0 or 1, or the summed amount), or null when not assigned.</summary>
    public double? Outcome(string experimentId, int metric) =>
        Find(experimentId) is { } entry && metric < entry.Values.Length ? entry.Values[metric] : null;

    public string? ArmOf(string experimentId) => Find(experimentId)?.Arm;

    /// <summary>
    /// Records the customer's assignment; false (and nothing reported) when it is already assigned to the experiment:
    /// the first assignment is kept forever.
    /// </summary>
    public bool Assign(CompiledExperiment experiment, string arm, long assignedAt, List<OutcomeDelta> deltas)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(deltas);
        if (Find(experiment.Id) is not null)
        {
            return false;
        }

        _entries = [.. _entries, new Participation(experiment.Id, arm, assignedAt, experiment.Metrics.Count)];
        deltas.Add(OutcomeDelta.Assigned(experiment.Id, arm, assignedAt));
        return true;
    }

    /// <summary>
    /// Takes one journal record as the customer applied it: an assignment to a running experiment starts measuring the
    /// customer there (first one wins); an event counts towards the metrics it falls in. Other records change nothing.
    /// </summary>
    public void Record(JournalRecord record, ExperimentSet experiments, BehaviorModel model, List<OutcomeDelta> deltas)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(experiments);
        switch (record)
        {
            case ExperimentAssignment assignment when experiments.Find(assignment.ExperimentId) is { } experiment:
                Assign(experiment, assignment.Arm, UnixTime.Seconds(assignment.OccurredAt), deltas);
                break;
            case CustomerEvent evt:
                Apply(evt, experiments, model, deltas);
                break;
        }
    }

    /// <summary>Counts an event towards every metric whose window (relative to the assignment) holds its time.</summary>
    public void Apply(CustomerEvent evt, ExperimentSet experiments, BehaviorModel model, List<OutcomeDelta> deltas)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(experiments);
        ArgumentNullException.ThrowIfNull(deltas);
        var time = UnixTime.Seconds(evt.OccurredAt);
        foreach (var entry in _entries)
        {
            if (experiments.Find(entry.ExperimentId) is not { } experiment || time < entry.AssignedAt || time - entry.AssignedAt >= experiment.Horizon)
            {
                continue;
            }

            var offset = time - entry.AssignedAt;
            for (var i = 0; i < experiment.Metrics.Count && i < entry.Values.Length; i++)
            {
                var metric = experiment.Metrics[i];
                if (offset >= metric.WindowStart && offset < metric.WindowEnd && metric.Counts(evt, model))
                {
                    Count(entry, i, metric, evt, deltas);
                }
            }
        }
    }

    private static void Count(Participation entry, int index, CompiledMetric metric, CustomerEvent evt, List<OutcomeDelta> deltas)
    {
        var hour = OutcomeDelta.HourOf(entry.AssignedAt);
        switch (metric.Kind)
        {
            case MetricKind.Conversion or MetricKind.Retention when entry.Values[index] == 0:
                entry.Values[index] = 1;
                deltas.Add(new OutcomeDelta(entry.ExperimentId, entry.Arm, metric.Metric.Name, hour, 0, 1, 0, 0));
                break;
            case MetricKind.Revenue:
                var amount = metric.Amount(evt);
                if (amount != 0)
                {
                    var before = entry.Values[index];
                    var after = before + amount;
                    entry.Values[index] = after;
                    deltas.Add(new OutcomeDelta(entry.ExperimentId, entry.Arm, metric.Metric.Name, hour, 0, 0, amount, (after * after) - (before * before)));
                }

                break;
        }
    }

    private Participation? Find(string experimentId)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.ExperimentId, experimentId, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The participations in the compact binary form (a section of the customer's snapshot).</summary>
    public byte[] Serialize()
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(new CompactWriter(buffer));
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads what <see cref="Serialize"/> wrote; malformed input raises <see cref="InvalidDataException"/>.</summary>
    public static CustomerExperiments Deserialize(ReadOnlySpan<byte> data)
    {
        var reader = new CompactReader(data);
        var result = Read(ref reader);
        return reader.AtEnd ? result : throw new InvalidDataException("Unexpected bytes after the experiment participations.");
    }

    internal void Write(CompactWriter writer)
    {
        writer.VarULong((ulong)_entries.Length);
        foreach (var entry in _entries)
        {
            writer.String(entry.ExperimentId);
            writer.String(entry.Arm);
            writer.VarLong(entry.AssignedAt);
            writer.VarULong((ulong)entry.Values.Length);
            foreach (var value in entry.Values)
            {
                writer.Number(value);
            }
        }
    }

    internal static CustomerExperiments Read(ref CompactReader reader)
    {
        var result = new CustomerExperiments();
        var count = reader.Count(ExperimentDefinitionCheck.MaxArms * 1_000);
        var entries = new Participation[count];
        for (var e = 0; e < count; e++)
        {
            var entry = new Participation(reader.String(), reader.String(), reader.VarLong(), reader.Count(ExperimentDefinitionCheck.MaxMetrics));
            for (var i = 0; i < entry.Values.Length; i++)
            {
                entry.Values[i] = reader.Number();
            }

            entries[e] = entry;
        }

        result._entries = entries;
        return result;
    }

    private sealed class Participation(string experimentId, string arm, long assignedAt, int metrics)
    {
        public string ExperimentId { get; } = experimentId;

        public string Arm { get; } = arm;

        public long AssignedAt { get; } = assignedAt;

        public double[] Values { get; } = new double[metrics];
    }
}
