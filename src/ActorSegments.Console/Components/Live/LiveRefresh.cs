namespace ActorSegments.WebConsole.Components.Live;

/// <summary>
/// Reads again once a second while a page is open, and stops when it closes: the console costs nothing when nobody
/// looks. A failed read (a silo restarting) is retried on the next tick rather than ending the page's updates.
/// </summary>
internal sealed class LiveRefresh : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public CancellationToken Stopping => _stop.Token;

    public void Start(Func<Task> read, Func<Task> render) => _loop = RunAsync(read, render);

    private async Task RunAsync(Func<Task> read, Func<Task> render)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await read();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    continue; // shown as it was; the next tick tries again
                }

                await render();
            }
        }
        catch (OperationCanceledException)
        {
            // the page was closed
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
