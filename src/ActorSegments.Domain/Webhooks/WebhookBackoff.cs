namespace ActorSegments.Domain.Webhooks;

/// <summary>
/// When to try a failed delivery again: exponential backoff from a first delay (<see cref="First"/> by default),
/// doubling per attempt up to a longest (<see cref="Longest"/>), with jitter (a uniformly random share of it, at least
/// half) so that destinations that failed together do not retry together. A receiver's <c>Retry-After</c> is honored when it asks for longer, up to
/// <see cref="LongestRetryAfter"/>.
/// </summary>
public static class WebhookBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan LongestRetryAfter = TimeSpan.FromHours(1);

    /// <param name="failures">Consecutive failed attempts so far (1 after the first failure).</param>
    /// <param name="retryAfter">What the receiver asked for, if anything.</param>
    /// <param name="random">A number in [0, 1): the jitter.</param>
    public static TimeSpan Delay(int failures, TimeSpan? retryAfter, double random) => Delay(failures, retryAfter, random, First, Longest);

    public static TimeSpan Delay(int failures, TimeSpan? retryAfter, double random, TimeSpan first, TimeSpan longest)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(random);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(random, 1.0);
        var exponent = Math.Min(failures - 1, 20);
        var ceiling = TimeSpan.FromTicks(Math.Min(longest.Ticks, first.Ticks << exponent));
        var jittered = ceiling * (0.5 + (random / 2));
        if (retryAfter is { } asked && asked > jittered)
        {
            return asked < LongestRetryAfter ? asked : LongestRetryAfter;
        }

        return jittered;
    }
}
