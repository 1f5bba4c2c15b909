using ActorSegments.Domain.Modeling;

namespace ActorSegments.MlCheck;

/// <summary>One refresh's cohorts as the check makes them: the rows (default cohort features), the fit, each row's nearest cohort, the profiles and names.</summary>
internal sealed record CohortFit(List<float[]> Rows, ClusteringResult Clustering, int[] Assignments, IReadOnlyList<CohortProfile> Profiles, IReadOnlyList<CohortLabel> Labels);
