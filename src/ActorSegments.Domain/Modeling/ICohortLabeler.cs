namespace ActorSegments.Domain.Modeling;

/// <summary>Names cohorts from their centroid profiles against the population.</summary>
public interface ICohortLabeler
{
    /// <summary>One label per profile, in the same order.</summary>
    Task<IReadOnlyList<CohortLabel>> LabelAsync(IReadOnlyList<CohortProfile> cohorts, CancellationToken cancellationToken = default);
}

/// <summary>A cohort's name (a few words, title case), a one-sentence description, and which labeler produced them.</summary>
public sealed record CohortLabel(string Name, string Description, string Source);

/// <summary>A cohort as labelers see it: its share of customers and how each feature's mean compares with everyone's.</summary>
public sealed record CohortProfile(int Index, long Size, double Share, IReadOnlyList<FeatureContrast> Features);

/// <summary>
/// One feature of a cohort: the cohort's raw mean, the population's raw mean, and the difference in population
/// standard deviations of the transformed feature (positive: higher than typical); also both medians, the figures a
/// person expects for skewed amounts (a few very large customers pull a mean far from the typical customer). Medians
/// of "days since" features are of whole days, as the RFM summary counts recency.
/// </summary>
public sealed record FeatureContrast(string Name, string Description, double Mean, double PopulationMean, double ZScore)
{
    public double Median { get; init; }

    public double PopulationMedian { get; init; }
}
