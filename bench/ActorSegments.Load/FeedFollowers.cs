using Grpc.Core;

namespace ActorSegments.Load;

/// <summary>A reader tailing a segment's change feed from its start; counts what it has received.</summary>
internal interface IFeedFollower : IAsyncDisposable
{
    /// <summary>How it reads, for the report.</summary>
    string Name { get; }

    /// <summary>Changes received so far; safe to read from another thread.</summary>
    long Received { get; }
}

/// <summary>The live tail: one WatchChanges stream, which the server pushes each committed change to.</summary>
internal sealed class WatchFollower : IFeedFollower
{
    private readonly ChangeWatch _watch;
    private long _received;

    public WatchFollower(LoadConnection connection, string workspace, string segment)
    {
        _watch = new ChangeWatch(connection, workspace, segment, _ => Interlocked.Increment(ref _received));
    }

    public string Name => "WatchChanges stream";

    public long Received => Interlocked.Read(ref _received);

    public ValueTask DisposeAsync() => _watch.DisposeAsync();
}

/// <summary>
/// A polling sync job: ListChanges pages of the largest size back to back while they come back full, and a short
/// pause after a page that was not, so that its lag is the server's, not a long poll interval's.
/// </summary>
internal sealed class PagingFollower : IFeedFollower
{
    public static readonly TimeSpan PauseWhenCaughtUp = TimeSpan.FromMilliseconds(100);

    private readonly ChangePages _pages;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    public PagingFollower(LoadConnection connection, string workspace, string segment)
    {
        _pages = new ChangePages(connection, workspace, segment);
        _reader = Task.Run(ReadAsync);
    }

    public string Name => $"ListChanges pages of {ApiLimits.MaxPageSize:N0}, {PauseWhenCaughtUp.TotalMilliseconds:0} ms pause when not full";

    public long Received => _pages.Read;

    private async Task ReadAsync()
    {
        try
        {
            while (true)
            {
                var page = await _pages.NextAsync(_stop.Token);
                if (page.Count < ApiLimits.MaxPageSize)
                {
                    await Task.Delay(PauseWhenCaughtUp, _stop.Token);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: the job ends here.
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
        {
            // Disposed: the job ends here.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reader;
        _stop.Dispose();
    }
}
