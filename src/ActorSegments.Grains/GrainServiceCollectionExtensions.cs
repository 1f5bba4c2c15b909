using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Customers;
using ActorSegments.Grains.Features;
using ActorSegments.Grains.Modeling;
using ActorSegments.Grains.Segments;
using ActorSegments.Grains.Storage;
using ActorSegments.Grains.WakeUps;
using ActorSegments.Grains.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ActorSegments.Grains;

/// <summary>Services the grains need in every silo.</summary>
public static class GrainServiceCollectionExtensions
{
    /// <summary>
    /// The per-silo segment catalog, the clock, customer options, the wake-up sweeper, the feature writer and the grain
    /// side of modeling; storage and the ML trainers are registered separately.
    /// </summary>
    public static IServiceCollection AddActorSegmentsGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SegmentCatalog>();
        services.TryAddSingleton<SegmentDefinitions>();
        services.TryAddSingleton<SegmentReader>();
        services.TryAddSingleton<SegmentPreviewer>();
        services.TryAddSingleton<Experiments.ExperimentDefinitions>();
        services.TryAddSingleton<Experiments.ExperimentResultsReader>();
        services.TryAddSingleton<Modeling.Cohorts.CohortRecommender>();
        services.TryAddSingleton<Modeling.Cohorts.CohortCatalog>();
        services.AddMetrics();
        services.TryAddSingleton<MembershipMetrics>();
        services.TryAddSingleton<BackfillMetrics>();
        services.AddOptions<CustomerGrainOptions>();
        services.AddOptions<IdentityOptions>();
        services.AddOptions<WakeUpSweeperOptions>();
        services.TryAddSingleton<WakeUpSweeper>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<WakeUpSweeper>());
        services.AddOptions<Privacy.PrivacyOptions>();
        services.TryAddSingleton<Privacy.ErasedExitRedactor>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<Privacy.ErasedExitRedactor>());
        services.AddOptions<Privacy.RetentionOptions>();
        services.TryAddSingleton<Privacy.JournalRetentionLoop>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<Privacy.JournalRetentionLoop>());
        services.AddActorSegmentsFeatureWriter();
        services.AddActorSegmentsModeling();
        services.AddActorSegmentsWebhooks();
        return services;
    }

    /// <summary>The batched writer of customers' feature rows, one per silo, running with the silo lifecycle.</summary>
    private static IServiceCollection AddActorSegmentsFeatureWriter(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddOptions<FeatureWriterOptions>();
        services.TryAddSingleton<FeatureWriter>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<FeatureWriter>());
        return services;
    }

    /// <summary>Journal and definitions in process memory: dev mode (nothing to install) and tests.</summary>
    public static IServiceCollection AddActorSegmentsInMemoryStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<InMemoryCustomerJournal>();
        services.TryAddSingleton<ICustomerJournal>(sp => sp.GetRequiredService<InMemoryCustomerJournal>());
        services.TryAddSingleton<IWakeUpSchedule>(sp => sp.GetRequiredService<InMemoryCustomerJournal>());
        services.TryAddSingleton<ISegmentCounts>(sp => sp.GetRequiredService<InMemoryCustomerJournal>());
        services.TryAddSingleton<ICustomerRegistry>(sp => sp.GetRequiredService<InMemoryCustomerJournal>());
        services.TryAddSingleton<IFeedSignal>(sp => sp.GetRequiredService<InMemoryCustomerJournal>().Signals);
        services.TryAddSingleton<IMembershipFeed>(sp => sp.GetRequiredService<InMemoryCustomerJournal>());
        services.TryAddSingleton<ISegmentMembers>(sp => sp.GetRequiredService<InMemoryCustomerJournal>());
        services.TryAddSingleton<IJournalScan>(sp => sp.GetRequiredService<InMemoryCustomerJournal>());
        services.TryAddSingleton<InMemoryFeatureStore>();
        services.TryAddSingleton<IFeatureStore>(sp => sp.GetRequiredService<InMemoryFeatureStore>());
        services.TryAddSingleton<InMemoryCohortStore>();
        services.TryAddSingleton<ICohortStore>(sp => sp.GetRequiredService<InMemoryCohortStore>());
        services.TryAddSingleton<InMemoryWebhookStore>();
        services.TryAddSingleton<IWebhookStore>(sp => sp.GetRequiredService<InMemoryWebhookStore>());
        services.TryAddSingleton<ICustomerErasure, InMemoryCustomerErasure>();
        services.TryAddSingleton<IJournalRetention, InMemoryJournalRetention>();
        services.TryAddSingleton<IModelStore, InMemoryModelStore>();
        services.TryAddSingleton<IApiKeyStore, InMemoryApiKeyStore>();
        services.TryAddSingleton<IWorkspaceDirectory, InMemoryWorkspaceDirectory>();
        services.TryAddSingleton<InMemorySegmentDefinitionStore>();
        services.TryAddSingleton<ISegmentDefinitionStore>(sp => sp.GetRequiredService<InMemorySegmentDefinitionStore>());
        services.TryAddSingleton<IExperimentStore>(sp => sp.GetRequiredService<InMemorySegmentDefinitionStore>());
        services.TryAddSingleton<IExperimentTotals>(sp => sp.GetRequiredService<InMemoryCustomerJournal>());
        return services;
    }
}
