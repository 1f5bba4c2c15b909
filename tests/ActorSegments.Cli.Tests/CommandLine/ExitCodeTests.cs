using ActorSegments.Cli.Tests.Commands;
using ActorSegments.Testing;

namespace ActorSegments.Cli.Tests.CommandLine;

/// <summary>One test per row of the README's exit-code table, each through the whole command line.</summary>
public sealed class ExitCodeTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task Success_IsZero()
    {
        var (exit, _) = await server.RunAsync("exit-success", "segments", "validate", "--rule", "did(purchase)");

        Assert.Equal(ExitCodes.Success, exit);
    }

    [Theory]
    [InlineData("no-such-command")]
    [InlineData("segments")]
    [InlineData("segments", "show")]
    [InlineData("segments", "members", "vip", "--page-size", "many")]
    [InlineData("segments", "list", "--no-such-option")]
    public async Task BadCommandLine_IsUsageAndNothingIsSent(params string[] args)
    {
        using var console = new CapturedConsole();
        using var error = new StringWriter();

        // No server listens at this address: a usage error must be found before any call is attempted.
        var exit = await CliApplication.RunAsync([.. args, "--server", $"http://127.0.0.1:{FreeTcpPort.Next()}"], console.Console, error, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.NotEmpty(error.ToString());
    }

    [Fact]
    public async Task ImportOfAMissingFile_IsUsage()
    {
        var (exit, output) = await server.RunAsync("exit-usage", "import", "--file", "/nonexistent.csv");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("No file at", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedInput_IsRejected()
    {
        var (exit, _) = await server.RunAsync("exit-rejected", "segments", "create", "bad", "--rule", "did(");

        Assert.Equal(ExitCodes.Rejected, exit);
    }

    [Fact]
    public async Task UnknownSegment_IsNotFound()
    {
        var (exit, _) = await server.RunAsync("exit-not-found", "segments", "show", "nothing-here");

        Assert.Equal(ExitCodes.NotFound, exit);
    }

    [Fact]
    public async Task WrongKey_IsDenied()
    {
        var (exit, _) = await server.RunAsync("exit-denied", "segments", "list", "--api-key", "not-a-key-of-this-server-0123456789");

        Assert.Equal(ExitCodes.Denied, exit);
    }

    [Fact]
    public async Task NoServer_IsUnavailable()
    {
        using var console = new CapturedConsole();

        var exit = await CliApplication.RunAsync(["segments", "list", "--server", $"http://127.0.0.1:{FreeTcpPort.Next()}"], console.Console, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Unavailable, exit);
    }

    [Fact]
    public async Task UnreachableDatabase_IsUnavailable()
    {
        using var console = new CapturedConsole();

        var exit = await CliApplication.RunAsync(["migrate", "-c", $"Host=127.0.0.1;Port={FreeTcpPort.Next()};Username=x;Timeout=3"], console.Console, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Unavailable, exit);
    }

    [Fact]
    public async Task OperationThatRanAndFailed_IsFailed()
    {
        // Training needs history spanning more than the label window; a workspace with none fails the training.
        var (exit, output) = await server.RunAsync("exit-failed", "models", "train", "purchase_30d", "--wait");

        Assert.True(exit == ExitCodes.Failed, output);
    }
}
