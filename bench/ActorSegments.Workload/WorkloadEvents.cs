namespace ActorSegments.Workload;

/// <summary>
/// A deterministic stream of commerce events across many customers: the same customers, seed and arguments give the
/// same events, ids included, so that two systems loaded from it hold the same rows. Customers are picked uniformly;
/// the mix of types is mostly browsing with some carts, emails and purchases (see <see cref="WorkloadMix"/>).
/// </summary>
public sealed class WorkloadEvents
{
    private readonly int _seed;

    public WorkloadEvents(int customers, int seed = 7)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(customers, 1);
        Customers = customers;
        _seed = seed;
    }

    public int Customers { get; }

    /// <summary>The id of customer <paramref name="index"/> (0 to <see cref="Customers"/> - 1).</summary>
    public static string CustomerId(int index) => $"cust-{index:D7}";

    /// <summary>
    /// <paramref name="count"/> events spread evenly over the <paramref name="days"/> days before
    /// <paramref name="end"/>, oldest first, so each customer's events arrive in the order they happened.
    /// </summary>
    public IEnumerable<WorkloadEvent> History(long count, int days, DateTimeOffset end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var random = new Random(_seed);
        var start = end - TimeSpan.FromDays(days);
        var step = TimeSpan.FromDays(days).Ticks / (double)Math.Max(count, 1);
        for (long n = 0; n < count; n++)
        {
            yield return Next(random, $"h{_seed}-{n}", start + TimeSpan.FromTicks((long)(n * step)));
        }
    }

    /// <summary>
    /// An endless stream of events that happen now: each is stamped with <paramref name="clock"/>'s time when it is
    /// taken from the stream, for measuring how fast the system under test reacts to it.
    /// </summary>
    public IEnumerable<WorkloadEvent> Live(TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        // A seed of its own, so that live events do not repeat the history's customers and types in step.
        var random = new Random(unchecked((_seed * 31) + 17));
        for (long n = 0; ; n++)
        {
            yield return Next(random, $"l{_seed}-{n}", clock.GetUtcNow());
        }
    }

    private WorkloadEvent Next(Random random, string eventId, DateTimeOffset occurredAt)
    {
        var customer = CustomerId(random.Next(Customers));
        var (type, properties) = WorkloadMix.Draw(random);
        return new WorkloadEvent(customer, eventId, type, occurredAt, properties);
    }
}
