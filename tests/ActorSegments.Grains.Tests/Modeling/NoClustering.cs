using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;

namespace ActorSegments.Grains.Tests.Modeling;

/// <summary>
/// The grain tests reference no ML project; a cohort refresh can be started here (its checks before clustering are
/// tested), and one that gets as far as clustering fails, saying why.
/// </summary>
internal sealed class NoClustering : ICohortClusterer, ICohortLabeler
{
    private const string Why = "No clustering in the grain tests: the trainers live in ActorSegments.ML (tested in its own tests and through the server).";

    public ClusteringResult Fit(IReadOnlyList<float[]> rows, IReadOnlyList<FeatureDefinition> features, ClusteringOptions options, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Why);

    public Task<IReadOnlyList<CohortLabel>> LabelAsync(IReadOnlyList<CohortProfile> cohorts, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Why);
}
