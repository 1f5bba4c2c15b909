using ActorSegments.Domain.Storage;
using ActorSegments.Postgres.Access;
using ActorSegments.Postgres.Features;
using ActorSegments.Postgres.Journal;
using ActorSegments.Postgres.Modeling;
using ActorSegments.Postgres.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.Postgres;

/// <summary>Registers the PostgreSQL implementations of the storage ports; an <c>NpgsqlDataSource</c> must be registered too.</summary>
public static class PostgresServiceCollectionExtensions
{
    public static IServiceCollection AddActorSegmentsPostgresStorage(this IServiceCollection services, JournalOptions? journal = null)
    {
        services.AddSingleton(journal ?? new JournalOptions());
        services.AddSingleton<PostgresCustomerJournal>();
        services.AddSingleton<ICustomerJournal>(sp => sp.GetRequiredService<PostgresCustomerJournal>());
        services.AddSingleton<IWakeUpSchedule>(sp => sp.GetRequiredService<PostgresCustomerJournal>());
        services.AddSingleton<PostgresSegmentDefinitionStore>();
        services.AddSingleton<ISegmentDefinitionStore>(sp => sp.GetRequiredService<PostgresSegmentDefinitionStore>());
        services.AddSingleton<IExperimentStore>(sp => sp.GetRequiredService<PostgresSegmentDefinitionStore>());
        services.AddSingleton<IExperimentTotals, Experiments.PostgresExperimentTotals>();
        services.AddSingleton<ISegmentCounts, PostgresSegmentCounts>();
        services.AddSingleton<ICustomerRegistry, PostgresCustomerRegistry>();
        services.AddSingleton<IMembershipFeed, PostgresMembershipFeed>();
        services.AddSingleton<IFeedSignal, PostgresFeedSignal>();
        services.AddSingleton<ISegmentMembers, PostgresSegmentMembers>();
        services.AddSingleton<IApiKeyStore, PostgresApiKeyStore>();
        services.AddSingleton<IWorkspaceDirectory, PostgresWorkspaceDirectory>();
        services.AddSingleton<IFeatureStore, PostgresFeatureStore>();
        services.AddSingleton<IJournalScan, PostgresJournalScan>();
        services.AddSingleton<ICohortStore, PostgresCohortStore>();
        services.AddSingleton<IWebhookStore, Webhooks.PostgresWebhookStore>();
        services.AddSingleton<IModelStore, PostgresModelStore>();
        services.AddSingleton<ActorSegments.Domain.Catalog.ICatalogStore, Catalog.PostgresCatalogStore>();
        services.AddSingleton<ICustomerErasure, Privacy.PostgresCustomerErasure>();
        services.AddSingleton<IJournalRetention, Privacy.PostgresJournalRetention>();
        return services;
    }
}
