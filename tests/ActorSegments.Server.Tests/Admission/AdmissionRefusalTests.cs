using ActorSegments.Server.Admission;
using Google.Rpc;
using Grpc.Core;

namespace ActorSegments.Server.Tests.Admission;

public sealed class AdmissionRefusalTests
{
    [Fact]
    public void ToRpcException_IsResourceExhaustedWithTheDelayAsRetryInfo()
    {
        var refusal = new AdmissionRefusal(ShedReason.Deadline, TimeSpan.FromMilliseconds(1_250), "late");

        var ex = refusal.ToRpcException();

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Equal(TimeSpan.FromMilliseconds(1_250), ex.GetRpcStatus()!.GetDetail<RetryInfo>()!.RetryDelay.ToTimeSpan());
        Assert.Equal("2", refusal.RetryAfterSeconds); // HTTP's whole seconds, rounded up
        Assert.Equal("1", (refusal with { RetryAfter = TimeSpan.FromMilliseconds(100) }).RetryAfterSeconds);
    }

    [Fact]
    public void PercentEncode_KeepsPrintableAsciiAndEncodesTheRest() =>
        Assert.Equal("50%25 of caf%C3%A9%0A", RefusalResponses.PercentEncode("50% of café\n"));
}
