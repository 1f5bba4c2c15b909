using Grpc.Core;

namespace ActorSegments.Cli.Connection;

/// <summary>
/// Retries a call the server answered <c>ABORTED</c>, for calls where that means "another change of the same record was
/// in progress; send the same request again" (an alias link while one of its ids is merging: docs/identity.md). The
/// request must be idempotent (a link id): a retry of one that was applied answers as a duplicate. Any other status
/// ends the call at once, as every CLI call does.
/// </summary>
internal static class AbortedRetry
{
    /// <summary>Attempts in all; with the pauses below, about three seconds before giving up.</summary>
    public const int Attempts = 6;

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);

    public static async Task<T> RunAsync<T>(Func<Task<T>> call, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var pause = FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Aborted && attempt < Attempts)
            {
                await Task.Delay(pause, clock, cancellationToken);
                pause *= 2;
            }
        }
    }
}
