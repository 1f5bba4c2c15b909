using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Workload;

/// <summary>Workload events as the ingest API's messages.</summary>
public static class WorkloadProto
{
    public static Event ToProto(this WorkloadEvent e, string workspaceId)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = new Event
        {
            WorkspaceId = workspaceId,
            CustomerId = e.CustomerId,
            EventId = e.EventId,
            Type = e.Type,
            OccurredAt = Timestamp.FromDateTimeOffset(e.OccurredAt),
        };
        foreach (var (name, value) in e.Properties)
        {
            message.Properties[name] = value switch
            {
                string s => Value.ForString(s),
                double d => Value.ForNumber(d),
                bool b => Value.ForBool(b),
                _ => throw new ArgumentException($"Property '{name}' has a {value.GetType().Name}; workload properties are string, double or bool.", nameof(e)),
            };
        }

        return message;
    }
}
