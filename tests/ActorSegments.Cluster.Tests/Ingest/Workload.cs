using System.Globalization;
using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Cluster.Tests.Ingest;

/// <summary>
/// The events the tests send: batch n is the same whatever happens (seeded by n), its events have ids of their own
/// (<c>b{n}-{i}</c>), and its customers are drawn from the whole pool, so every batch touches customers on every
/// silo. A third of the customers only browse, the others buy a quarter or half of the time, which puts customers on
/// both sides of each segment's threshold.
/// </summary>
internal sealed class Workload(string workspaceId, int customers, int eventsPerBatch)
{
    public const string Purchase = "purchase";
    public const string View = "product_viewed";

    public string WorkspaceId { get; } = workspaceId;

    public int EventsPerBatch { get; } = eventsPerBatch;

    /// <summary>Segments defined before ingest; each says which customers it should hold given their event counts.</summary>
    public IReadOnlyList<ExpectedSegment> Segments { get; } =
    [
        new("repeat_buyers", $"count({Purchase}) >= 3", counts => counts.Of(Purchase) >= 3),
        new("browsers", $"count({View}) >= 6 and not did({Purchase})", counts => counts.Of(View) >= 6 && counts.Of(Purchase) == 0),
    ];

    public TrackBatchRequest Batch(long number)
    {
        var random = new Random(unchecked((int)number * 7919 + 17));
        // Comfortably in the past for every server clock on this machine (the limit is 5 minutes ahead).
        var occurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1));
        var request = new TrackBatchRequest();
        for (var i = 0; i < EventsPerBatch; i++)
        {
            var customer = random.Next(customers);
            var buyShare = (customer % 3) switch { 0 => 0.0, 1 => 0.25, _ => 0.5 };
            request.Events.Add(new Event
            {
                WorkspaceId = WorkspaceId,
                CustomerId = CustomerId(customer),
                EventId = string.Create(CultureInfo.InvariantCulture, $"b{number}-{i}"),
                Type = random.NextDouble() < buyShare ? Purchase : View,
                OccurredAt = occurredAt,
            });
        }

        return request;
    }

    private static string CustomerId(int index) => string.Create(CultureInfo.InvariantCulture, $"customer-{index:D4}");
}

/// <summary>A segment's id and rule, and the membership the rule implies for a customer's event counts.</summary>
internal sealed record ExpectedSegment(string Id, string Rule, Func<EventCounts, bool> Holds);
