namespace ActorSegments.Abstractions.Segments;

/// <summary>The string key of an <see cref="ISegmentGrain"/>: <c>seg:{workspace}/{segment}</c> (neither contains '/').</summary>
public static class SegmentGrainKey
{
    public const string Prefix = "seg:";

    public static string Format(string workspaceId, string segmentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        ArgumentException.ThrowIfNullOrEmpty(segmentId);
        return string.Concat(Prefix, workspaceId, "/", segmentId);
    }

    public static (string WorkspaceId, string SegmentId) Parse(string key)
    {
        var slash = key?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || slash <= Prefix.Length || slash == key.Length - 1)
        {
            throw new FormatException($"'{key}' is not a segment grain key ({Prefix}<workspace>/<segment>).");
        }

        return (key[Prefix.Length..slash], key[(slash + 1)..]);
    }
}
