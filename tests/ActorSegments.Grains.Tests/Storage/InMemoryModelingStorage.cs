using ActorSegments.Domain.Storage;
using ActorSegments.InMemory;
using ActorSegments.Testing.Storage.Modeling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ActorSegments.Grains.Tests.Storage;

/// <summary>The in-memory machine learning stores as dev mode registers them, for their contract tests.</summary>
public sealed class InMemoryModelingStorage : IModelingStorageFactory
{
    public static Task<ModelingStorageUnderTest> StartAsync(string purpose)
    {
        // Each model version a millisecond after the one before, as distinct as PostgreSQL's clock makes them.
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddActorSegmentsInMemoryStorage().BuildServiceProvider();
        var features = (InMemoryFeatureStore)services.GetRequiredService<IFeatureStore>();
        return Task.FromResult(new ModelingStorageUnderTest
        {
            Journal = services.GetRequiredService<ICustomerJournal>(),
            Scan = services.GetRequiredService<IJournalScan>(),
            Features = features,
            UpsertFeaturesInLayout = (workspaceId, rows, version) =>
            {
                features.UpsertInLayout(workspaceId, rows, version);
                return Task.CompletedTask;
            },
            Cohorts = services.GetRequiredService<ICohortStore>(),
            Models = services.GetRequiredService<IModelStore>(),
            Webhooks = services.GetRequiredService<IWebhookStore>(),
            Release = services.DisposeAsync,
        });
    }
}
