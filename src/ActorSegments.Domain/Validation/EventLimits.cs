namespace ActorSegments.Domain.Validation;

/// <summary>
/// Size and time limits an incoming event must respect. They bound what one event can cost the system and keep
/// ids within what storage keys and ESP payloads accept.
/// </summary>
public sealed record EventLimits
{
    public static EventLimits Default { get; } = new();

    public int MaxWorkspaceIdLength { get; init; } = 64;

    public int MaxCustomerIdLength { get; init; } = 256;

    public int MaxEventIdLength { get; init; } = 128;

    public int MaxEventTypeLength { get; init; } = 64;

    public int MaxProperties { get; init; } = 64;

    public int MaxPropertyNameLength { get; init; } = 64;

    public int MaxPropertyStringLength { get; init; } = 1024;

    /// <summary>How far ahead of the server clock an event may claim to have happened (client clock skew).</summary>
    public TimeSpan MaxFutureSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The oldest occurred-at accepted; history imports reach back years, typos reach back to year 1.</summary>
    public DateTimeOffset EarliestOccurredAt { get; init; } = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
