using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Demo;

namespace ActorSegments.Cli.Tests.Commands;

/// <summary>
/// A dev-mode server in this process with keys required (a bootstrap key), for running CLI commands against it over
/// a real HTTP/2 connection. One per test class: each test uses a workspace of its own.
/// </summary>
public sealed class CliServer : IAsyncLifetime
{
    public const string BootstrapKey = "cli-test-bootstrap-key-0123456789abcdef0123";

    private EmbeddedServer? _server;

    internal string Address => _server?.Address ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() =>
        _server = await EmbeddedServer.StartAsync(null, [new("ActorSegments:Auth:BootstrapKey", BootstrapKey)], TestContext.Current.CancellationToken);

    /// <summary>Runs a CLI command against this server as the bootstrap key (unless the arguments name a key) in <paramref name="workspace"/>.</summary>
    internal async Task<(int Exit, string Output)> RunAsync(string workspace, params string[] args)
    {
        using var console = new CapturedConsole();
        var withServer = args.Concat(["--server", Address, "--workspace", workspace]);
        if (!args.Contains("--api-key"))
        {
            withServer = withServer.Concat(["--api-key", BootstrapKey]);
        }

        var exit = await CliApplication.RunAsync([.. withServer], console.Console, TestContext.Current.CancellationToken);
        return (exit, console.Text);
    }

    /// <summary>A gRPC connection as the bootstrap key, for a test to read what a command did.</summary>
    internal ServerConnection Connect(string workspace) => ServerConnection.Open(new ServerSettings(Address, BootstrapKey, workspace));

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
