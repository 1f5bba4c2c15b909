using ActorSegments.Datasets.Synthetic;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;
using Google.Protobuf.WellKnownTypes;
using ProtoEvent = ActorSegments.Protos.V1.Event;

namespace ActorSegments.UpliftCheck;

/// <summary>
/// The trial's events as the service's journal would hold them after ingest: each event applied at its time, and each
/// <c>experiment_assigned</c> event followed by the assignment record the customer commits with it.
/// </summary>
internal static class TrialJournal
{
    public static List<CustomerHistory> Read(UpliftTrial trial)
    {
        var byCustomer = new Dictionary<string, List<JournalEntry>>(StringComparer.Ordinal);
        var histories = new List<CustomerHistory>();
        foreach (var wire in trial.Events())
        {
            if (!byCustomer.TryGetValue(wire.CustomerId, out var entries))
            {
                byCustomer.Add(wire.CustomerId, entries = []);
                histories.Add(new CustomerHistory(wire.CustomerId, entries));
            }

            var evt = ToDomain(wire);
            var at = UnixTime.Seconds(evt.OccurredAt);
            entries.Add(new JournalEntry(entries.Count + 1, at, evt));
            if (wire.Type == UpliftTrial.AssignmentEventType)
            {
                entries.Add(new JournalEntry(entries.Count + 1, at, ExperimentAssignment.For(trial.ExperimentId, wire.Properties["arm"].StringValue, evt.OccurredAt)));
            }
        }

        return histories;
    }

    private static CustomerEvent ToDomain(ProtoEvent wire) =>
        new(wire.EventId, wire.Type, wire.OccurredAt.ToDateTimeOffset(), wire.Properties.ToDictionary(
            p => p.Key,
            p => p.Value.KindCase switch
            {
                Value.KindOneofCase.StringValue => PropertyValue.Of(p.Value.StringValue),
                Value.KindOneofCase.NumberValue => PropertyValue.Of(p.Value.NumberValue),
                _ => PropertyValue.Of(p.Value.BoolValue),
            },
            StringComparer.Ordinal));
}
