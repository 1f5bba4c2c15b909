namespace ActorSegments.Abstractions.Features;

/// <summary>
/// A workspace's feature layout upgrade (key from <see cref="FeatureUpgradeGrainKey"/>): asks every customer whose
/// feature row is of an older layout to rewrite it, one pass at a time, so that with several silos asking the work is
/// done once.
/// </summary>
[Alias("actorsegments.feature-upgrade")]
public interface IFeatureUpgradeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts a pass over the workspace's stale rows and returns without waiting for it; does nothing when one is already
    /// running. A customer asked twice writes the same row twice, which is harmless.
    /// </summary>
    /// <returns>True when a pass started now.</returns>
    [Alias("start")]
    Task<bool> StartAsync();

    /// <summary>Whether a pass is running in this activation.</summary>
    [Alias("running")]
    Task<bool> RunningAsync();
}
