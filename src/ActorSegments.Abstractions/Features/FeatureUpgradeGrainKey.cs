namespace ActorSegments.Abstractions.Features;

/// <summary>The string key of a workspace's feature upgrade grain: <c>feature-upgrade:{workspace}/all</c> (one per workspace).</summary>
public static class FeatureUpgradeGrainKey
{
    public const string Prefix = "feature-upgrade:";
    private const string Id = "all";

    public static string For(string workspaceId) => PrefixedKey.Format(Prefix, workspaceId, Id);

    /// <summary>The workspace of a feature upgrade grain key.</summary>
    public static string WorkspaceOf(string key) =>
        PrefixedKey.TryParse(Prefix, key, out var workspaceId, out _)
            ? workspaceId
            : throw new FormatException($"'{key}' is not a feature upgrade grain key ({Prefix}<workspace>/{Id}).");
}
