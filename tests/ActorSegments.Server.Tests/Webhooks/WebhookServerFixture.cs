namespace ActorSegments.Server.Tests.Webhooks;

/// <summary>
/// A dev-mode server whose webhooks may reach receivers on 127.0.0.1 over http, polling and retrying in tens of
/// milliseconds instead of seconds, so delivery, retries and recovery play out within a test.
/// </summary>
public class WebhookServerFixture : IAsyncLifetime
{
    private RunningServer? _server;

    public RunningServer Server => _server ?? throw new InvalidOperationException("not started");

    /// <summary>How long deliveries may fail before the destination is paused as failing.</summary>
    protected virtual string PauseAfter => "1.00:00:00";

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync(
        ("ActorSegments:Webhooks:AllowHttp", "true"),
        ("ActorSegments:Webhooks:AllowedNetworks:0", "127.0.0.0/8"),
        ("ActorSegments:Webhooks:PollInterval", "00:00:00.05"),
        ("ActorSegments:Webhooks:RequestTimeout", "00:00:00.5"),
        ("ActorSegments:Webhooks:RetryFirst", "00:00:00.05"),
        ("ActorSegments:Webhooks:RetryLongest", "00:00:00.4"),
        ("ActorSegments:Webhooks:KeeperInterval", "00:00:00.5"),
        ("ActorSegments:Webhooks:PauseAfter", PauseAfter));

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The same, pausing a destination after one second of failures.</summary>
public sealed class QuickPauseWebhookServerFixture : WebhookServerFixture
{
    protected override string PauseAfter => "00:00:01";
}
