using System.Collections.Concurrent;
using ActorSegments.Cluster.Tests.Harness;
using ActorSegments.Cluster.Tests.Ingest;
using Grpc.Core;

namespace ActorSegments.Cluster.Tests.Identity;

/// <summary>
/// Unary calls as a careful client makes them across a rotation of gateways: a failed call is sent again, unchanged
/// (same ids), to the next gateway after a growing pause, until an answer comes back. Every attempt is recorded; a
/// call still unanswered after <see cref="GiveUpAfter"/> fails the run (the cluster did not recover).
/// </summary>
internal sealed class RotatingCalls(Gateways gateways, CancellationToken abort)
{
    /// <summary>Per call: a call to a grain on a silo that just died waits until the silo is declared dead.</summary>
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    private readonly ConcurrentQueue<CallAttempt> _attempts = new();

    public IReadOnlyCollection<CallAttempt> Attempts => _attempts;

    /// <summary>The answer, and how many attempts failed before it.</summary>
    public async Task<Answered<T>> UntilAnsweredAsync<T>(string call, Func<ApiClients, CallOptions, AsyncUnaryCall<T>> send)
    {
        var firstTry = DateTimeOffset.UtcNow;
        for (var failures = 0; ; failures++)
        {
            var gateway = gateways.Next();
            var started = DateTimeOffset.UtcNow;
            try
            {
                var answer = await send(gateways.For(gateway), new CallOptions(deadline: DateTime.UtcNow + CallDeadline, cancellationToken: abort));
                _attempts.Enqueue(new CallAttempt(call, gateway, started, StatusCode.OK, FailureOrigin.None, string.Empty));
                return new Answered<T>(answer, failures);
            }
            catch (RpcException ex) when (!abort.IsCancellationRequested)
            {
                _attempts.Enqueue(new CallAttempt(call, gateway, started, ex.StatusCode, BatchAttempt.OriginOf(ex), ex.Status.Detail));
                if (DateTimeOffset.UtcNow - firstTry > GiveUpAfter)
                {
                    throw new InvalidOperationException($"{call} was not answered after {failures + 1} attempts over {GiveUpAfter}; the last: {ex.Status}", ex);
                }

                // 100 ms, 200 ms, ... up to 2 s: quick past a refused address, patient while a dead silo is detected.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 << Math.Min(failures, 5))), abort);
            }
        }
    }
}

/// <summary>An answer and the attempts that failed before it (a retry may find its call applied by one of those).</summary>
internal sealed record Answered<T>(T Answer, int FailedAttempts);

/// <summary>One attempt of a call: through which gateway, when, and how it ended (<see cref="StatusCode.OK"/> when answered).</summary>
internal sealed record CallAttempt(string Call, string Gateway, DateTimeOffset Started, StatusCode Status, FailureOrigin Origin, string Detail)
{
    public bool Succeeded => Status == StatusCode.OK;
}
