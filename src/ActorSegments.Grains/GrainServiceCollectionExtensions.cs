using ActorSegments.Grains.Customers;
using ActorSegments.Grains.Features;
using ActorSegments.Grains.Modeling;
using ActorSegments.Grains.Segments;
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
        services.TryAddSingleton<DormancyMetrics>();
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

    /// <summary>
    /// The batched writer of customers' feature rows, one per silo, and the upgrade of rows of an older layout, both
    /// running with the silo lifecycle.
    /// </summary>
    private static IServiceCollection AddActorSegmentsFeatureWriter(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddOptions<FeatureWriterOptions>();
        services.TryAddSingleton<FeatureWriter>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<FeatureWriter>());
        services.AddOptions<FeatureUpgradeOptions>();
        services.TryAddSingleton<FeatureLayoutUpgrade>();
        services.TryAddSingleton<FeatureUpgradeLoop>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<FeatureUpgradeLoop>());
        return services;
    }
}
