using ActorSegments.Domain.Validation;

namespace ActorSegments.Grains.Modeling.Cohorts;

/// <summary>What renaming a cohort gave: the cohort as it now reads, or the refused fields, or that it is not current.</summary>
public sealed record CohortRename(CohortView? Cohort, IReadOnlyList<FieldViolation> Violations, string? NotFound)
{
    public bool Succeeded => Cohort is not null;
}
