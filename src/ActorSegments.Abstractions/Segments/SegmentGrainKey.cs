namespace ActorSegments.Abstractions.Segments;

/// <summary>The string key of an <see cref="ISegmentGrain"/>: <c>seg:{workspace}/{segment}</c>.</summary>
public static class SegmentGrainKey
{
    public const string Prefix = "seg:";

    public static string Format(string workspaceId, string segmentId) => PrefixedKey.Format(Prefix, workspaceId, segmentId);

    public static (string WorkspaceId, string SegmentId) Parse(string key) =>
        PrefixedKey.TryParse(Prefix, key, out var workspaceId, out var segmentId)
            ? (workspaceId, segmentId)
            : throw new FormatException($"'{key}' is not a segment grain key ({Prefix}<workspace>/<segment>).");
}
