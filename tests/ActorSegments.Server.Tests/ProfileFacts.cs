using System.Globalization;
using ActorSegments.Protos.V1;

namespace ActorSegments.Server.Tests;

/// <summary>
/// The parts of a customer's profile an upgrade must keep, flattened to text so that two are equal when the facts are
/// and a difference reads as one line.
/// </summary>
internal sealed record ProfileFacts(string Customer, long TotalEvents, string EventTypes, string Segments)
{
    public static ProfileFacts Of(CustomerProfile profile) => new(
        profile.CustomerId,
        profile.TotalEvents,
        EventTypesText(profile.EventTypes.Select(t => (t.Type, t.Count))),
        SegmentsText(profile.Segments.Select(s => (s.SegmentId, s.Since.ToDateTimeOffset()))));

    public static ProfileFacts Of(ReleaseFacts.Customer customer) => new(
        customer.Id,
        customer.TotalEvents,
        EventTypesText(customer.EventTypes.Select(t => (t.Key, t.Value))),
        SegmentsText(customer.Segments.Select(s => (s.Id, s.Since))));

    private static string EventTypesText(IEnumerable<(string Type, long Count)> types) =>
        string.Join(", ", types.OrderBy(t => t.Type, StringComparer.Ordinal).Select(t => $"{t.Type}={t.Count}"));

    private static string SegmentsText(IEnumerable<(string Id, DateTimeOffset Since)> segments) =>
        string.Join(", ", segments.OrderBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => $"{s.Id} since {s.Since.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}"));
}
