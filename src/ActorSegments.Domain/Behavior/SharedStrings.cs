using System.Collections.Concurrent;

namespace ActorSegments.Domain.Behavior;

/// <summary>
/// One copy per process of the short strings that customer states keep as keys (event types, property values such as
/// categories, product ids). Events arrive deserialized, so without this every active customer would hold its own
/// copy of "Smartphones"; with it, a state holds a reference. The pool is bounded: once full, new strings are kept
/// as they are, so a property of unbounded cardinality cannot grow it without limit.
/// </summary>
public static class SharedStrings
{
    /// <summary>Longer strings are rarely repeated across customers and are kept as they are.</summary>
    public const int MaxLength = 64;

    public const int Capacity = 1 << 18;

    private static readonly ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);
    private static int _count;

    /// <summary>The pooled copy of <paramref name="value"/>, or the value itself when it is not pooled.</summary>
    public static string Intern(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxLength)
        {
            return value;
        }

        if (_pool.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        // A counter instead of the dictionary's Count, which takes every lock; it may overshoot the capacity by the
        // number of threads racing past the check, which is harmless.
        if (Volatile.Read(ref _count) >= Capacity)
        {
            return value;
        }

        if (_pool.TryAdd(value, value))
        {
            Interlocked.Increment(ref _count);
            return value;
        }

        return _pool.TryGetValue(value, out pooled) ? pooled : value;
    }
}
