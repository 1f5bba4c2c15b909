namespace ActorSegments.Testing;

/// <summary>
/// Waits for a condition that converges asynchronously (cluster membership, a background sweep), polling without a
/// fixed sleep in the assertion. The bound only stops a broken test from hanging; no test asserts on the time taken.
/// </summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
