using ActorSegments.Grains.Modeling.Cohorts;
using ActorSegments.Grains.Modeling.Uplift;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ActorSegments.Grains.Modeling;

/// <summary>
/// The grain side of modeling: jobs, the write-back pusher, live scoring and the cohort schedule. The trainers
/// themselves (ICohortClusterer, ICohortLabeler, IPropensityTrainer, IScoringModelLoader, IRecommendationTrainer) come
/// from the ML project, registered by the host.
/// </summary>
public static class ModelingServiceCollectionExtensions
{
    public static IServiceCollection AddActorSegmentsModeling(this IServiceCollection services)
    {
        services.AddOptions<ModelingOptions>();
        services.TryAddSingleton<ModelOutputPusher>();
        services.TryAddSingleton<ScoringModels>();
        services.TryAddSingleton<CohortRefreshJob>();
        services.TryAddSingleton<PropensityJob>();
        services.TryAddSingleton<RecommendationJob>();
        services.TryAddSingleton<FeatureTableScoring>();
        services.TryAddSingleton<UpliftJob>();
        services.TryAddSingleton<CohortScheduler>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<CohortScheduler>());
        return services;
    }
}
