using ActorSegments.Protos.V1;

namespace ActorSegments.Load;

/// <summary>
/// Maximum throughput: <see cref="LoadOptions.Concurrency"/> callers each send their next request as soon as the last
/// one is acknowledged, taking requests in order from a list prepared before the clock starts.
/// </summary>
internal static class ClosedLoop
{
    public static async Task<RunResult> RunAsync(LoadConnection connection, LoadOptions options, IReadOnlyList<TrackBatchRequest> requests, TimeSpan duration, CancellationToken cancellationToken)
    {
        var next = -1;
        long sent = 0, applied = 0, duplicates = 0;
        var started = TimeProvider.System.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * TimeProvider.System.TimestampFrequency);
        var shared = options.Mode == IngestMode.Stream ? null : Senders.Create(options.Mode, connection);

        async Task CallerAsync()
        {
            var sender = shared ?? Senders.Create(options.Mode, connection);
            try
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < requests.Count && TimeProvider.System.GetTimestamp() < stopAt)
                {
                    var request = requests[index]; // once: a generated list builds a request at each look
                    var ack = await sender.SendAsync(request, cancellationToken);
                    Interlocked.Add(ref sent, request.Events.Count);
                    Interlocked.Add(ref applied, ack.Applied);
                    Interlocked.Add(ref duplicates, ack.Duplicates);
                }
            }
            finally
            {
                if (shared is null)
                {
                    await sender.DisposeAsync();
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(CallerAsync, cancellationToken)));
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        return new RunResult(sent, applied, duplicates, elapsed, [], [], 0);
    }
}
