namespace ActorSegments.Grains.Segments;

/// <summary>The meter of segment membership and backfills.</summary>
public static class MembershipMeter
{
    public const string Name = "ActorSegments.Segments";
}
