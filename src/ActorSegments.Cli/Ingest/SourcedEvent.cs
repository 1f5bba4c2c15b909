using ActorSegments.Protos.V1;

namespace ActorSegments.Cli.Ingest;

/// <summary>An event and the line of the file it came from (0 when it came from no file), so a rejection can point back at it.</summary>
internal readonly record struct SourcedEvent(Event Event, long Line = 0);

/// <summary>An event the server refused, with where it came from and why.</summary>
internal sealed record ServerRejection(long Line, string CustomerId, string EventId, string Field, string Description)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"line {Line}" : $"event {EventId} of customer {CustomerId}";
        return Field.Length == 0 ? $"{where}: {Description}" : $"{where}: {Field}: {Description}";
    }
}

/// <summary>What a stream of events came to.</summary>
internal sealed record IngestSummary(long Sent, long Applied, long Duplicates, long Rejected, IReadOnlyList<ServerRejection> FirstRejections);

/// <summary>Where a stream stands: the events acknowledged so far and the last event acknowledged.</summary>
internal readonly record struct IngestProgress(long Acknowledged, Event LastAcknowledged);
