using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(ActorSegments.Console.Tests.ConsoleFixture))]

// One server and one browser for every test; each test has its own workspace and browser context (cookies). The
// machine running them is small and shared, so the tests run one at a time.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace ActorSegments.Console.Tests;

/// <summary>A dev-mode server with the console on, and (once a test asks) a headless Chromium.</summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    private ConsoleServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ConsoleServer Server => _server ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() => _server = await ConsoleServer.StartAsync();

    /// <summary>A fresh browser context (no cookies) with one page; skips, or fails in CI, without Chromium.</summary>
    public async Task<IPage> NewPageAsync()
    {
        SystemChromium.Require();
        _playwright ??= await Playwright.CreateAsync();
        _browser ??= await SystemChromium.LaunchAsync(_playwright);
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.HttpBase.ToString() });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
