using ActorSegments.Domain.Storage;
using ActorSegments.InMemory;
using ActorSegments.Testing.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.Grains.Tests.Storage;

/// <summary>The in-memory storage as dev mode registers it, for the storage contract tests.</summary>
public sealed class InMemoryStorage : IStorageFactory
{
    public static Task<StorageUnderTest> StartAsync(string purpose)
    {
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddActorSegmentsInMemoryStorage().BuildServiceProvider();
        return Task.FromResult(new StorageUnderTest
        {
            Journal = services.GetRequiredService<ICustomerJournal>(),
            Definitions = services.GetRequiredService<ISegmentDefinitionStore>(),
            Feed = services.GetRequiredService<IMembershipFeed>(),
            Registry = services.GetRequiredService<ICustomerRegistry>(),
            Members = services.GetRequiredService<ISegmentMembers>(),
            Keys = services.GetRequiredService<IApiKeyStore>(),
            Workspaces = services.GetRequiredService<IWorkspaceDirectory>(),
            Erasure = services.GetRequiredService<ICustomerErasure>(),
            Retention = services.GetRequiredService<IJournalRetention>(),
            Catalog = services.GetRequiredService<ActorSegments.Domain.Catalog.ICatalogStore>(),
            Release = services.DisposeAsync,
        });
    }
}
