using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;
using ActorSegments.Protos.V1;
using ActorSegments.Server.Grpc;

namespace ActorSegments.Server.Tests;

public sealed class SegmentMappingTests
{
    /// <summary>The API's causes share the stored numbers, so every cause the engine records needs its own named value.</summary>
    [Fact]
    public void ToProto_EveryMembershipCause_IsTheChangeCauseOfTheSameName()
    {
        // Erased (7) is sent as its number until segments.proto names it (CHANGE_CAUSE_ERASED = 7); see the next test.
        foreach (var cause in Enum.GetValues<MembershipCause>().Where(c => c != MembershipCause.Erased))
        {
            var change = new FeedChange(new FeedCursor(1, 7), "c1", true, DateTimeOffset.UnixEpoch, cause, DateTimeOffset.UnixEpoch);

            var mapped = SegmentMapping.ToProto(change).Cause;

            Assert.True(Enum.IsDefined(mapped), $"{cause} maps to the undefined ChangeCause {(int)mapped}");
            Assert.Equal(cause.ToString(), mapped.ToString());
        }
    }

    [Fact]
    public void ToProto_ErasedCause_IsSentAsSeven() =>
        Assert.Equal(7, (int)SegmentMapping.ToProto(new FeedChange(new FeedCursor(1, 7), "erased:x", false, DateTimeOffset.UnixEpoch, MembershipCause.Erased, DateTimeOffset.UnixEpoch)).Cause);

    [Fact]
    public void ToProto_ExperimentCause_IsChangeCauseExperiment() =>
        Assert.Equal(ChangeCause.Experiment, SegmentMapping.ToProto(new FeedChange(new FeedCursor(1, 7), "c1", true, DateTimeOffset.UnixEpoch, MembershipCause.Experiment, DateTimeOffset.UnixEpoch)).Cause);
}
