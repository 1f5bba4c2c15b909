using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Uplift;
using ActorSegments.Grains.Modeling;
using ActorSegments.ML.Cohorts;
using ActorSegments.ML.Labeling;
using ActorSegments.ML.Propensity;
using ActorSegments.ML.Recommendations;
using ActorSegments.ML.Uplift;
using ActorSegments.Server.Configuration;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Hosting;

/// <summary>
/// The ML side of modeling: k-means cohorts, the cohort labeler chosen by configuration (rules, or a language model
/// with the rules as fallback), the propensity trainer and loader, and item-to-item recommendations.
/// </summary>
internal static class ModelingHostingExtensions
{
    public static IHostApplicationBuilder AddActorSegmentsModeling(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ModelingOptions, ModelingOptionsValidator>(ModelingOptions.SectionName);
        builder.AddValidatedOptions<CohortLabelerOptions, CohortLabelerOptionsValidator>(CohortLabelerOptions.SectionName);
        builder.Services.AddSingleton<ICohortClusterer, KMeansCohortClusterer>();
        builder.Services.AddSingleton(sp => CohortLabelerFactory.Create(sp.GetRequiredService<IOptions<CohortLabelerOptions>>().Value, sp.GetService<ILoggerFactory>()));
        builder.Services.AddSingleton<IPropensityTrainer, PropensityTrainer>();
        builder.Services.AddSingleton<IScoringModelLoader, PropensityModelLoader>();
        builder.Services.AddSingleton<IUpliftTrainer, TwoModelUpliftTrainer>();
        builder.Services.AddSingleton<IRecommendationTrainer, ItemToItemRecommender>();
        return builder;
    }
}
