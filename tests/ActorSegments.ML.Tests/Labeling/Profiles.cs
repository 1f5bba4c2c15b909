using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Tests.Labeling;

/// <summary>Hand-made cohort profiles: every default cohort feature, ordinary unless a contrast is given.</summary>
internal static class Profiles
{
    public static CohortProfile Of(int index, double share, params (string Name, double Mean, double PopulationMean, double Z)[] contrasts)
    {
        var features = CustomerFeatures.DefaultCohortFeatures.Select(name =>
        {
            var definition = CustomerFeatures.Definitions[CustomerFeatures.IndexOf(name)];
            var (_, mean, population, z) = contrasts.FirstOrDefault(c => c.Name == name, (name, 1, 1, 0.1));
            return new FeatureContrast(name, definition.Description, mean, population, z);
        });
        var extra = contrasts.Where(c => CustomerFeatures.IndexOf(c.Name) < 0).Select(c => new FeatureContrast(c.Name, c.Name, c.Mean, c.PopulationMean, c.Z));
        return new CohortProfile(index, (long)(share * 10_000), share, [.. features, .. extra]);
    }

    public static CohortProfile LapsedBigSpenders(int index = 0) =>
        Of(index, 0.12, ("recency_days", 310, 95, 2.1), ("monetary", 2_400, 310, 1.6), ("frequency", 6.2, 1.8, 0.9));

    public static CohortProfile HighIntentBrowsers(int index = 1) =>
        Of(index, 0.18, ("views_30d", 42, 6, 2.2), ("cart_adds_30d", 5.1, 0.6, 1.7), ("recency_days", 12, 95, -1.2));

    public static CohortProfile EmailFans(int index = 2) =>
        Of(index, 0.25, ("email_open_rate", 0.71, 0.22, 2.0), ("frequency", 4.1, 1.8, 1.1));

    public static CohortProfile[] Planted() => [LapsedBigSpenders(0), HighIntentBrowsers(1), EmailFans(2)];
}
