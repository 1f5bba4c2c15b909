using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Catalog;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Domain.Tests.Catalog;

public sealed class CatalogFromEventsTests
{
    private static readonly DateTimeOffset Start = new(2011, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Derive_ProductSeenManyTimes_LatestDescriptionAndPriceAcrossCustomers()
    {
        CustomerHistory[] histories =
        [
            new("c1", [Entry(1, "product_purchased", 0, "A", "RED MUG", 2.0), Entry(2, "product_purchased", 10, "A", "RED MUG LARGE", 2.5)]),
            new("c2", [Entry(1, "product_purchased", 5, "A", "red mug (old)", 1.9), Entry(2, "product_viewed", 20, "B", null, 4.0)]),
        ];

        var items = CatalogFromEvents.Derive(histories, BehaviorModel.Default);

        Assert.Equal(
            [CatalogItem.Described("A", "RED MUG LARGE", 2.5m), CatalogItem.Described("B", "", 4.0m)],
            items);
    }

    [Fact]
    public void Derive_EventsWithoutProductOrOfOtherTypes_Ignored()
    {
        CustomerHistory[] histories = [new("c1", [Entry(1, "email_opened", 0, "A", "not a product", 1), Entry(2, "purchase", 1, null, "order", 10)])];

        Assert.Empty(CatalogFromEvents.Derive(histories, BehaviorModel.Default));
    }

    [Fact]
    public void Builder_OneHistoryAtATime_GivesWhatDeriveGives()
    {
        CustomerHistory[] histories =
        [
            new("c1", [Entry(1, "product_purchased", 0, "A", "RED MUG", 2.0)]),
            new("c2", [Entry(1, "product_purchased", 3, "A", "RED MUG, LARGE", 2.5), Entry(2, "product_purchased", 1, "B", "BLUE BOX", 1.0)]),
        ];
        var builder = new CatalogFromEvents.Builder(BehaviorModel.Default);

        builder.Add(histories[0]);
        var first = builder.Items();
        builder.Add(histories[1]);

        Assert.Equal([CatalogItem.Described("A", "RED MUG", 2.0m)], first);
        Assert.Equal(CatalogFromEvents.Derive(histories, BehaviorModel.Default), builder.Items());
        Assert.Equal(["RED MUG, LARGE", "BLUE BOX"], builder.Items().Select(i => i.Description));
    }

    private static JournalEntry Entry(long sequence, string type, int day, string? product, string? description, double price)
    {
        var properties = new Dictionary<string, PropertyValue> { ["price"] = PropertyValue.Of(price) };
        if (product is not null)
        {
            properties["product_id"] = PropertyValue.Of(product);
        }

        if (description is not null)
        {
            properties["description"] = PropertyValue.Of(description);
        }

        var at = Start.AddDays(day);
        return new JournalEntry(sequence, at.ToUnixTimeSeconds(), new CustomerEvent($"e{sequence}-{day}", type, at, properties));
    }
}
