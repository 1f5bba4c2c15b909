namespace ActorSegments.Server.Hosting;

/// <summary>
/// A clock that starts at a configured instant and runs at real speed from there
/// (<c>ActorSegments:Clock:StartAt</c>): for replaying a historical dataset as if it were live, so windows, recency and
/// lifecycle deadlines are evaluated as of the data's last day. Only wall-clock readings move; timers and elapsed
/// time are real.
/// </summary>
internal sealed class ShiftedTimeProvider(DateTimeOffset startAt) : TimeProvider
{
    private readonly TimeSpan _offset = startAt - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
