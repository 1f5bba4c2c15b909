using ActorSegments.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ActorSegments.InMemory;

/// <summary>
/// Registers the in-memory implementations of the storage ports, the counterpart of
/// <c>PostgresServiceCollectionExtensions</c>: dev mode (a server without a PostgreSQL connection string) and tests.
/// </summary>
public static class InMemoryServiceCollectionExtensions
{
    /// <summary>Journal and definitions in process memory: dev mode (nothing to install) and tests.</summary>
    public static IServiceCollection AddActorSegmentsInMemoryStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InMemoryCustomerJournal>();
        services.TryAddSingleton<ICustomerJournal>(sp => sp.GetRequiredService<InMemoryCustomerJournal>());
        services.TryAddSingleton<IWakeUpSchedule>(sp => sp.GetRequiredService<InMemoryCustomerJournal>());
        services.TryAddSingleton<ISegmentCounts, InMemorySegmentCounts>();
        services.TryAddSingleton<ICustomerRegistry, InMemoryCustomerRegistry>();
        services.TryAddSingleton<IFeedSignal>(sp => sp.GetRequiredService<InMemoryCustomerJournal>().Signals);
        services.TryAddSingleton<IMembershipFeed, InMemoryMembershipFeed>();
        services.TryAddSingleton<ISegmentMembers, InMemorySegmentMembers>();
        services.TryAddSingleton<IJournalScan, InMemoryJournalScan>();
        services.TryAddSingleton<InMemoryFeatureStore>();
        services.TryAddSingleton<IFeatureStore>(sp => sp.GetRequiredService<InMemoryFeatureStore>());
        services.TryAddSingleton<InMemoryCohortStore>();
        services.TryAddSingleton<ICohortStore>(sp => sp.GetRequiredService<InMemoryCohortStore>());
        services.TryAddSingleton<InMemoryWebhookStore>();
        services.TryAddSingleton<IWebhookStore>(sp => sp.GetRequiredService<InMemoryWebhookStore>());
        services.TryAddSingleton<ICustomerErasure, InMemoryCustomerErasure>();
        services.TryAddSingleton<IJournalRetention, InMemoryJournalRetention>();
        services.TryAddSingleton<IModelStore, InMemoryModelStore>();
        services.TryAddSingleton<ActorSegments.Domain.Catalog.ICatalogStore, InMemoryCatalogStore>();
        services.TryAddSingleton<IApiKeyStore, InMemoryApiKeyStore>();
        services.TryAddSingleton<IWorkspaceDirectory, InMemoryWorkspaceDirectory>();
        services.TryAddSingleton<InMemorySegmentDefinitionStore>();
        services.TryAddSingleton<ISegmentDefinitionStore>(sp => sp.GetRequiredService<InMemorySegmentDefinitionStore>());
        services.TryAddSingleton<IExperimentStore>(sp => sp.GetRequiredService<InMemorySegmentDefinitionStore>());
        services.TryAddSingleton<IExperimentTotals, InMemoryExperimentTotals>();
        return services;
    }
}
