namespace ActorSegments.Grains.Modeling;

/// <summary>An in-memory sequence handed to APIs that stream (the pusher, bulk store writes).</summary>
internal static class AsyncSequence
{
    public static async IAsyncEnumerable<T> From<T>(IEnumerable<T> items)
    {
        await Task.CompletedTask;
        foreach (var item in items)
        {
            yield return item;
        }
    }
}
