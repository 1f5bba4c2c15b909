using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Time;

public sealed class StoredWakeUpTests
{
    private const long Now = 1_000_000;

    [Theory]
    [InlineData(UnixTime.Never, Now + 60, true)] // a first deadline
    [InlineData(Now + 600, Now + 60, true)] // earlier: waiting would be late
    [InlineData(Now + 600, UnixTime.Never, false)] // no deadline left: the stored one wakes it once, for nothing
    [InlineData(Now + 60, Now + 600, false)] // later: the stored one wakes it early, once
    [InlineData(Now + 60, Now + 60, false)] // unchanged
    [InlineData(Now, Now + 600, true)] // the stored one has come: it would be claimed again and again
    [InlineData(Now - 5, UnixTime.Never, true)]
    public void NeedsWrite_OnlyWhenTheStoredWakeUpWouldBeLateOrHasCome(long stored, long next, bool expected) =>
        Assert.Equal(expected, StoredWakeUp.NeedsWrite(stored, next, Now));
}
