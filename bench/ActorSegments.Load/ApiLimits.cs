namespace ActorSegments.Load;

/// <summary>Limits the API documents, which the harness works at.</summary>
internal static class ApiLimits
{
    /// <summary>The largest page ListMembers and ListChanges return (segments.proto: page_size 1 to 10000).</summary>
    public const int MaxPageSize = 10_000;
}
