namespace ActorSegments.ML.Cohorts;

/// <summary>A uniform sample of row indexes without replacement, the same for the same seed.</summary>
internal static class RowSample
{
    /// <summary>
    /// <paramref name="size"/> distinct indexes below <paramref name="count"/> (all of them when there are fewer), in
    /// random order, so every prefix of the result is itself a uniform sample.
    /// </summary>
    public static int[] Draw(int count, int size, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        size = Math.Clamp(size, 0, count);

        // A partial Fisher-Yates shuffle; System.Random with a seed is the same sequence on every platform and run.
        var random = new Random(seed);
        var indexes = new int[count];
        for (var i = 0; i < count; i++)
        {
            indexes[i] = i;
        }

        for (var i = 0; i < size; i++)
        {
            var j = random.Next(i, count);
            (indexes[i], indexes[j]) = (indexes[j], indexes[i]);
        }

        return indexes[..size];
    }
}
