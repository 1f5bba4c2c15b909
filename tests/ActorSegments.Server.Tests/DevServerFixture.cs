namespace ActorSegments.Server.Tests;

/// <summary>One dev-mode server (no PostgreSQL) shared by the tests of a class; every test uses its own customers.</summary>
public sealed class DevServerFixture : IAsyncLifetime
{
    private RunningServer? _server;

    public RunningServer Server => _server ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>Tests of one class sharing a dev-mode server.</summary>
public abstract class DevServerTests(DevServerFixture fixture) : IClassFixture<DevServerFixture>
{
    protected RunningServer Server => fixture.Server;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
}
