namespace ActorSegments.Domain.Modeling;

/// <summary>
/// A customer's cohort after a run, with the feature row time it was computed from: a later run keeps the cohort of a
/// customer whose row did not change since.
/// </summary>
public sealed record CohortAssignment(string CustomerId, string CohortId, long FeaturesAsOf);
