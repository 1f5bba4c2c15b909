namespace ActorSegments.Abstractions.Modeling;

/// <summary>
/// The string keys of a workspace's modeling grains: <c>cohorts:{workspace}/all</c> and <c>models:{workspace}/all</c>
/// (one of each per workspace; the fixed id keeps the shared key format).
/// </summary>
public static class ModelingGrainKey
{
    public const string CohortsPrefix = "cohorts:";
    public const string ModelsPrefix = "models:";
    private const string Id = "all";

    public static string Cohorts(string workspaceId) => PrefixedKey.Format(CohortsPrefix, workspaceId, Id);

    public static string Models(string workspaceId) => PrefixedKey.Format(ModelsPrefix, workspaceId, Id);

    /// <summary>The workspace of a modeling grain key with the given prefix.</summary>
    public static string WorkspaceOf(string prefix, string key) =>
        PrefixedKey.TryParse(prefix, key, out var workspaceId, out _)
            ? workspaceId
            : throw new FormatException($"'{key}' is not a modeling grain key ({prefix}<workspace>/{Id}).");
}
