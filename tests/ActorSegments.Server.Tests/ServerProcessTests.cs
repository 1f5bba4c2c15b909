using System.Diagnostics;
using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using Grpc.Net.Client;

namespace ActorSegments.Server.Tests;

/// <summary>The built server as its own process, the way `dotnet run --project src/ActorSegments.Server` runs it.</summary>
public sealed class ServerProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServerProcess_DevMode_AcceptsEventsShowsThemInTheProfile_AndStopsCleanly()
    {
        var (grpcPort, httpPort, siloPort) = (FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next());
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var server = StartServerProcess(
            output,
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{grpcPort}",
            $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{httpPort}",
            $"--ActorSegments:Cluster:SiloPort={siloPort}");
        try
        {
            using var http = new HttpClient();
            var healthy = await Eventually.ReturnsAsync(
                async () => await IsHealthyAsync(http, httpPort) || server.HasExited,
                done => done,
                TimeSpan.FromSeconds(90));
            Assert.True(healthy && !server.HasExited, "the server process did not become healthy");

            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
            var customer = Events.NewCustomerId();
            // Enough events that the customer would write a snapshot when deactivated, which at shutdown in dev mode
            // it must not try (the in-memory storage is shutting down too).
            var batch = new TrackBatchRequest();
            batch.Events.AddRange(Enumerable.Range(0, 20).Select(_ => Events.Make(customer, "email_clicked")));
            await new IngestService.IngestServiceClient(channel).TrackBatchAsync(batch, cancellationToken: Ct);
            var profile = await new ProfileService.ProfileServiceClient(channel).GetCustomerAsync(
                new GetCustomerRequest { WorkspaceId = "acme", CustomerId = customer }, cancellationToken: Ct);

            Assert.Equal("email_clicked", Assert.Single(profile.EventTypes).Type);
            using (var terminate = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await terminate.WaitForExitAsync(Ct);
            }

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            limit.CancelAfter(TimeSpan.FromSeconds(60));
            await server.WaitForExitAsync(limit.Token);
            Assert.Equal(0, server.ExitCode);
            Assert.DoesNotContain(output, line => line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal));
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    private static async Task<bool> IsHealthyAsync(HttpClient http, int port)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"), Ct);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static Process StartServerProcess(System.Collections.Concurrent.ConcurrentQueue<string> output, params string[] args)
    {
        // The server's own build output, in the configuration this test was built in (bin/<Configuration>/<tfm>).
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (configuration, framework) = (testBin.Parent!.Name, testBin.Name);
        var root = testBin.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var serverDll = Path.Combine(root, "src", "ActorSegments.Server", "bin", configuration, framework, "ActorSegments.Server.dll");
        Assert.True(File.Exists(serverDll), $"server build output not found at {serverDll}");

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(serverDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => output.Enqueue(line.Data ?? string.Empty);
        process.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
