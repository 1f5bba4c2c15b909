using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Features;

/// <summary>Builds a customer's journal entry by entry, with sequence numbers in append order.</summary>
internal sealed class Journals(string customerId)
{
    public const long Day = 86_400;

    /// <summary>A Monday noon, so that windows do not start on bucket edges by accident.</summary>
    public static readonly long Cutoff = UnixTime.Seconds(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    private readonly List<JournalEntry> _entries = [];

    /// <summary>An event that occurred at <paramref name="at"/> and was appended at <paramref name="appliedAt"/> (default: then).</summary>
    public Journals Event(string type, long at, long? appliedAt = null, string? product = null, double? revenue = null)
    {
        var properties = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
        if (product is not null)
        {
            properties["product_id"] = PropertyValue.Of(product);
            properties["category"] = PropertyValue.Of("cat-" + product);
        }

        if (revenue is { } amount)
        {
            properties["revenue"] = PropertyValue.Of(amount);
        }

        return Entry(new CustomerEvent($"e{_entries.Count}", type, UnixTime.ToDateTimeOffset(at), properties), appliedAt ?? at);
    }

    public Journals Trait(string name, string value, long at, long? appliedAt = null) =>
        Entry(new TraitUpdate($"t{_entries.Count}", UnixTime.ToDateTimeOffset(at), [new(name, TraitValue.Of(value))]), appliedAt ?? at);

    public Journals Score(string name, double value, long at) =>
        Entry(new ModelOutput($"m{_entries.Count}", UnixTime.ToDateTimeOffset(at)) { Cohort = "c1", Scores = [new(name, value)] }, at);

    public Journals Assignment(string experimentId, string arm, long at) =>
        Entry(ExperimentAssignment.For(experimentId, arm, UnixTime.ToDateTimeOffset(at)), at);

    public Journals Entry(JournalRecord record, long appliedAt)
    {
        _entries.Add(new JournalEntry(_entries.Count + 1, appliedAt, record));
        return this;
    }

    public CustomerHistory Build() => new(customerId, [.. _entries]);

    /// <summary>A shopper's past before <see cref="Cutoff"/>: views, a cart add, purchases, emails and a trait.</summary>
    public Journals Past()
    {
        var start = Cutoff - (120 * Day);
        for (var d = 0; d < 120; d += 7)
        {
            Event("product_viewed", start + (d * Day), product: $"p{d % 5}");
            Event("email_sent", start + (d * Day) + 60);
        }

        return Event("email_opened", Cutoff - (40 * Day))
            .Event("cart_added", Cutoff - (20 * Day), product: "p1")
            .Event("purchase", Cutoff - (20 * Day) + 600, revenue: 80)
            .Trait("country", "FR", Cutoff - (10 * Day))
            .Event("purchase", Cutoff - (5 * Day), revenue: 35);
    }
}
