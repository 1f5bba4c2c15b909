using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using Xunit;
using static ActorSegments.Testing.Storage.StorageUnderTest;

namespace ActorSegments.Testing.Storage;

/// <summary>What every <see cref="ICustomerRegistry"/> must do, seeded through the journal.</summary>
public abstract class CustomerRegistryContract<TStorage>
    where TStorage : IStorageFactory
{
    [Fact]
    public async Task Sample_FewerCustomersThanAsked_ReturnsEachCustomerOnce()
    {
        await using var storage = await TStorage.StartAsync("registry_sample_all");
        string[] customers = ["a", "B", "c-1", "d"];
        await SeedAsync(storage, "w", customers);
        await SeedAsync(storage, "w2", ["other"]);

        var sample = await storage.Registry.SampleAsync("w", 10, TestContext.Current.CancellationToken);

        Assert.Equal(customers.Order(StringComparer.Ordinal), sample.Order(StringComparer.Ordinal));
        Assert.Empty(await storage.Registry.SampleAsync("nobody", 10, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Sample_RepeatedDraws_AreDistinctWithinADrawAndReachEveryCustomer()
    {
        await using var storage = await TStorage.StartAsync("registry_sample_some");
        var customers = Enumerable.Range(0, 40).Select(i => $"c{i:D2}").ToArray();
        await SeedAsync(storage, "w", customers);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var firstIds = new HashSet<string>(StringComparer.Ordinal);
        for (var draw = 0; draw < 60; draw++)
        {
            var sample = await storage.Registry.SampleAsync("w", 10, TestContext.Current.CancellationToken);
            Assert.Equal(10, sample.Count);
            Assert.Equal(10, sample.Distinct(StringComparer.Ordinal).Count());
            Assert.All(sample, id => Assert.Contains(id, customers));
            seen.UnionWith(sample);
            firstIds.Add(sample.Order(StringComparer.Ordinal).First());
        }

        // Sixty draws of a quarter miss a given customer with probability 0.75^60 ≈ 3e-8; a registry that returned the
        // first ids in key order would show the same ten every time.
        Assert.Equal(customers.Length, seen.Count);
        Assert.True(firstIds.Count > 1, "every draw started with the same customer");
    }

    /// <summary>Registers customers as their first commit does: with a journal entry.</summary>
    private static Task SeedAsync(StorageUnderTest storage, string workspaceId, IEnumerable<string> customers) =>
        Task.WhenAll(customers.Select(c => storage.Journal.CommitAsync(
            new CustomerCommit(workspaceId, c, [new JournalEntry(1, T0, new CustomerEvent($"{c}-e1", "purchase", DateTimeOffset.FromUnixTimeSeconds(T0), CustomerEvent.NoProperties))], [], null),
            TestContext.Current.CancellationToken)));
}
