using System.Collections.Concurrent;
using ActorSegments.Protos.V1;

namespace ActorSegments.Cluster.Tests.Identity;

/// <summary>
/// Links every pair once, as sign-ins do: workers take pair after pair and send its Alias (retried with the same link
/// id until answered) together with one event to each of its two ids, so the events race the link. Disposing
/// abandons whatever is in flight.
/// </summary>
internal sealed class LinkDriver : IAsyncDisposable
{
    private readonly AliasPairs _pairs;
    private readonly RotatingCalls _calls;
    private readonly TimeSpan _pause;
    private readonly CancellationTokenSource _abort;
    private readonly ConcurrentDictionary<int, LinkAnswer> _linked = new();
    private readonly Task[] _workers;
    private int _next;

    private LinkDriver(AliasPairs pairs, RotatingCalls calls, int workers, TimeSpan pause, CancellationTokenSource abort)
    {
        (_pairs, _calls, _pause, _abort) = (pairs, calls, pause, abort);
        _workers = [.. Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync, CancellationToken.None))];
    }

    /// <summary>Each pair's answers, once all three of its calls were answered.</summary>
    public IReadOnlyDictionary<int, LinkAnswer> Linked => _linked;

    /// <summary>Starts <paramref name="workers"/> workers, each pausing <paramref name="pause"/> between pairs; <paramref name="abort"/> is cancelled on dispose.</summary>
    public static LinkDriver Start(AliasPairs pairs, RotatingCalls calls, int workers, TimeSpan pause, CancellationTokenSource abort) =>
        new(pairs, calls, workers, pause, abort);

    /// <summary>Waits until at least <paramref name="count"/> pairs are linked (progress, not time, gates the kill).</summary>
    public async Task WaitForLinkedAsync(int count)
    {
        while (_linked.Count < count)
        {
            if (_workers.FirstOrDefault(w => w.IsCompleted) is { IsFaulted: true } failed)
            {
                await failed; // a call was given up: its error says which and why
            }

            await Task.Delay(20, _abort.Token);
        }
    }

    /// <summary>Waits until every pair is linked.</summary>
    public Task CompletionAsync() => Task.WhenAll(_workers);

    public async ValueTask DisposeAsync()
    {
        await _abort.CancelAsync();
        try
        {
            await Task.WhenAll(_workers);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or Grpc.Core.RpcException)
        {
            // abandoned, or already reported by CompletionAsync
        }
    }

    private async Task WorkAsync()
    {
        for (var pair = Interlocked.Increment(ref _next) - 1; pair < _pairs.Count; pair = Interlocked.Increment(ref _next) - 1)
        {
            // Each request is made once: its retries send it unchanged.
            var (link, toAnonymous, toKnown) = (_pairs.Link(pair), _pairs.DuringLink(pair, toAnonymous: true), _pairs.DuringLink(pair, toAnonymous: false));
            var linking = _calls.UntilAnsweredAsync($"alias {link.LinkId}", (c, o) => c.Ingest.AliasAsync(link, o));
            var anonymous = _calls.UntilAnsweredAsync($"track {toAnonymous.EventId}", (c, o) => c.Ingest.TrackAsync(new TrackRequest { Event = toAnonymous }, o));
            var known = _calls.UntilAnsweredAsync($"track {toKnown.EventId}", (c, o) => c.Ingest.TrackAsync(new TrackRequest { Event = toKnown }, o));
            await Task.WhenAll(linking, anonymous, known);
            _linked[pair] = new LinkAnswer(await linking, await anonymous, await known);
            await Task.Delay(_pause, _abort.Token);
        }
    }
}

/// <summary>What the client was told for one pair: the link, and the event sent to each id while it ran.</summary>
internal sealed record LinkAnswer(Answered<AliasResponse> Link, Answered<TrackResponse> ToAnonymous, Answered<TrackResponse> ToKnown);
