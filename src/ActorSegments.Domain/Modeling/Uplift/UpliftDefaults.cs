namespace ActorSegments.Domain.Modeling.Uplift;

/// <summary>The settings an uplift training uses.</summary>
public static class UpliftDefaults
{
    /// <summary>
    /// Each arm's outcome model needs this many customers, and this many of either outcome, in the training and in the
    /// evaluation part: lower than a propensity model's (200 and 30), since an arm of an experiment is often a tenth of
    /// it, and the evaluation part 30% of that.
    /// </summary>
    public static PropensityOptions Options { get; } = new() { MinimumRows = 100, MinimumPerClass = 20 };
}
