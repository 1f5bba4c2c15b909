using ActorSegments.Cluster.Tests.Ingest;
using Grpc.Core;

namespace ActorSegments.Cluster.Tests.Verification;

/// <summary>What the failed attempts may have been told.</summary>
internal static class Statuses
{
    /// <summary>
    /// A status the server itself sends for a failure to store is UNAVAILABLE ("retry with the same ids") or
    /// RESOURCE_EXHAUSTED ("back off"); INTERNAL is reserved for bugs, and anything else (a refused key, a bad
    /// argument) would tell a correct client that its request is wrong. Statuses the client makes up itself (a
    /// connection broken by a dying silo, its own deadline) are what failures of the machine look like and are allowed.
    /// </summary>
    public static void AssertServerSentOnlyRetryable(AcknowledgementRecord record)
    {
        var wrong = record.Attempts
            .Where(a => a.Origin == FailureOrigin.Server && a.Status is not (StatusCode.Unavailable or StatusCode.ResourceExhausted))
            .ToList();
        Assert.True(wrong.Count == 0, $"the server answered {wrong.Count} attempts with a status that is not retryable:\n{string.Join('\n', wrong.Take(20))}");
    }
}
