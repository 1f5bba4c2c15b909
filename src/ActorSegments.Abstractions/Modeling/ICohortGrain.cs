namespace ActorSegments.Abstractions.Modeling;

/// <summary>
/// A workspace's AI cohorts (key from <see cref="ModelingGrainKey.Cohorts"/>): runs refreshes one at a time. Runs,
/// cohorts and settings are read from the cohort store; this grain only starts and carries out refreshes.
/// </summary>
[Alias("actorsegments.cohorts")]
public interface ICohortGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts a refresh now and returns its run id without waiting for it; when one is already running, returns that
    /// one's id instead of starting another.
    /// </summary>
    /// <param name="trigger">Why: "manual", "schedule".</param>
    [Alias("refresh")]
    Task<long> RefreshAsync(string trigger);

    /// <summary>The id of the running refresh, or 0 when none is running in this activation.</summary>
    [Alias("running")]
    Task<long> RunningAsync();
}
