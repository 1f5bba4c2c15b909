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
    public async Task ServerProcess_DevMode_AcceptsAnEventAndShowsItInTheProfile()
    {
        var (grpcPort, httpPort, siloPort) = (FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next());
        using var server = StartServerProcess(
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
            await new IngestService.IngestServiceClient(channel).TrackAsync(new TrackRequest { Event = Events.Make(customer, "email_clicked") }, cancellationToken: Ct);
            var profile = await new ProfileService.ProfileServiceClient(channel).GetCustomerAsync(
                new GetCustomerRequest { WorkspaceId = "acme", CustomerId = customer }, cancellationToken: Ct);

            Assert.Equal("email_clicked", Assert.Single(profile.EventTypes).Type);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(CancellationToken.None);
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

    private static Process StartServerProcess(params string[] args)
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
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
