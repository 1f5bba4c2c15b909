using ActorSegments.Cli.Connection;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;

namespace ActorSegments.Cli.Tests.Connection;

public sealed class AbortedRetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Aborted_IsSentAgainUntilAnswered()
    {
        var calls = 0;
        var answer = await RunAsync(() => ++calls < 3 ? throw Status(StatusCode.Aborted) : Task.FromResult("linked"));

        Assert.Equal(("linked", 3), (answer, calls));
    }

    [Fact]
    public async Task OtherStatuses_EndTheCallAtOnce()
    {
        var calls = 0;
        var error = await Assert.ThrowsAsync<RpcException>(() => RunAsync(() => { calls++; throw Status(StatusCode.Unavailable); }));

        Assert.Equal((StatusCode.Unavailable, 1), (error.StatusCode, calls));
    }

    [Fact]
    public async Task Aborted_GivesUpAfterTheLastAttempt()
    {
        var calls = 0;
        var error = await Assert.ThrowsAsync<RpcException>(() => RunAsync(() => { calls++; throw Status(StatusCode.Aborted); }));

        Assert.Equal((StatusCode.Aborted, AbortedRetry.Attempts), (error.StatusCode, calls));
    }

    private static RpcException Status(StatusCode code) => new(new Status(code, "test"));

    /// <summary>Runs with a fake clock moved on until the call ends, so the pauses take no time.</summary>
    private static async Task<string> RunAsync(Func<Task<string>> call)
    {
        var clock = new FakeTimeProvider();
        var running = AbortedRetry.RunAsync(call, clock, Ct);
        while (!running.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            await Task.Yield();
        }

        return await running;
    }
}
