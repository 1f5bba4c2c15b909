using ActorSegments.Abstractions.Customers;
using ActorSegments.Server.Grpc;
using ActorSegments.Server.Observability;
using Grpc.Core;

namespace ActorSegments.Server.Tests;

/// <summary>One classification of a failure gives both what the client is told and how its events are counted.</summary>
public sealed class FailuresTests
{
    public static TheoryData<Exception, StatusCode, RejectionReason> Cases => new()
    {
        { new EventsNotStoredException("full") { Overloaded = true }, StatusCode.ResourceExhausted, RejectionReason.Overloaded },
        { new AggregateException(new InvalidOperationException("x"), new EventsNotStoredException("full") { Overloaded = true }), StatusCode.ResourceExhausted, RejectionReason.Overloaded },
        { new InvalidOperationException("wrapped", new EventsNotStoredException("full") { Overloaded = true }), StatusCode.ResourceExhausted, RejectionReason.Overloaded },
        { new EventsNotStoredException("commit failed"), StatusCode.Unavailable, RejectionReason.NotStored },
        { new AggregateException(new TimeoutException(), new EventsNotStoredException("commit failed")), StatusCode.Unavailable, RejectionReason.NotStored },
        { new AggregateException(new TimeoutException(), new InvalidOperationException("bug")), StatusCode.Internal, RejectionReason.NotStored },
        { new InvalidOperationException("bug"), StatusCode.Internal, RejectionReason.NotStored },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_AFailure_GivesTheStatusAndTheRejectionReasonTogether(Exception failure, StatusCode status, RejectionReason reason)
    {
        Assert.Equal(status, Failures.Answer(Failures.Classify(failure)).StatusCode);
        Assert.Equal(reason, Failures.RejectionReason(failure));
    }

    [Fact]
    public void Classify_ACancellationTheClientAskedFor_IsCancelled_OtherwiseItIsABug()
    {
        Assert.Equal(FailureKind.Cancelled, Failures.Classify(new OperationCanceledException(), callCancelled: true));
        Assert.Equal(FailureKind.Internal, Failures.Classify(new OperationCanceledException(), callCancelled: false));
        Assert.Equal(RejectionReason.NotStored, Failures.RejectionReason(new OperationCanceledException()));
    }
}
