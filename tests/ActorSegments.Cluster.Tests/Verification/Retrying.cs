using Grpc.Core;

namespace ActorSegments.Cluster.Tests.Verification;

/// <summary>
/// Reads and definitions as a patient client makes them: each call bounded, retried on the statuses that mean "not
/// now" (a customer reactivating after its silo went away, a database reconnecting), never on an answer that is wrong.
/// </summary>
internal static class Retrying
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(90);

    public static async Task<T> CallAsync<T>(Func<CallOptions, AsyncUnaryCall<T>> call, CancellationToken cancellationToken)
    {
        var firstTry = DateTime.UtcNow;
        while (true)
        {
            try
            {
                return await call(new CallOptions(deadline: DateTime.UtcNow + CallDeadline, cancellationToken: cancellationToken));
            }
            catch (RpcException ex) when (IsTransient(ex) && DateTime.UtcNow - firstTry < GiveUpAfter && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private static bool IsTransient(RpcException ex) =>
        ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted
        || (ex.StatusCode == StatusCode.Internal && ex.Status.DebugException is not null); // a connection broken under the call
}
