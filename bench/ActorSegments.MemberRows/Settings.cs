namespace ActorSegments.MemberRows;

/// <summary>The load every variant runs under.</summary>
internal sealed record Settings(string Workspace, int Callers, int Writers, int Segments, TimeSpan Warmup, TimeSpan Measured);
