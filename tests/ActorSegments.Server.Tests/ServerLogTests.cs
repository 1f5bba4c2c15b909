using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ActorSegments.Testing;
using ActorSegments.Testing.Processes;
using Grpc.Core;
using Grpc.Net.Client;

namespace ActorSegments.Server.Tests;

/// <summary>
/// What the server process prints, read from its log as an operator would: a clean start warns only about what is
/// really so (dev mode keeps nothing), and a client's bad request is one line with no stack trace, however many come.
/// </summary>
public sealed partial class ServerLogTests
{
    private const string Key = "log-test-bootstrap-key-0123456789abcdef0123";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACleanStart_WarnsOnlyOfDevModeAndEachRefusedRequestIsOneLineWithoutAStackTrace()
    {
        var (grpcPort, httpPort, siloPort, gatewayPort) = (FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next());
        var logPath = Path.Combine(Path.GetTempPath(), $"actorsegments-log-test-{Guid.NewGuid():N}.log");
        using var server = ServerProcess.Start("log test", logPath,
        [
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{grpcPort}",
            $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{httpPort}",
            $"--ActorSegments:Cluster:SiloPort={siloPort}",
            $"--ActorSegments:Cluster:GatewayPort={gatewayPort}",
            $"--ActorSegments:Auth:BootstrapKey={Key}",
        ]);
        try
        {
            Assert.True(await server.WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{httpPort}/healthz"), TimeSpan.FromSeconds(90), Ct), server.LogTail(40));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");

            var start = await EntriesUntilAsync(server, http, "start");
            var malformedJson = await EntriesUntilAsync(server, http, "json", () => http.PostAsync("/v1/events:track", new StringContent("""{"event": {""", Encoding.UTF8, "application/json"), Ct));
            var typeMismatch = await EntriesUntilAsync(server, http, "type", () => http.PostAsync("/v1/events:track", new StringContent("""{"event": {"occurredAt": "yesterday"}}""", Encoding.UTF8, "application/json"), Ct));
            var track = new Method<byte[], byte[]>(MethodType.Unary, "actorsegments.v1.IngestService", "Track", Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
            var unparseable = await EntriesUntilAsync(server, http, "grpc", async () =>
            {
                for (var i = 0; i < 20; i++)
                {
                    await Assert.ThrowsAsync<RpcException>(() => channel.CreateCallInvoker().AsyncUnaryCall(track, null, new CallOptions(cancellationToken: Ct), [0x0a, 0x01, 0xED]).ResponseAsync);
                }
            });
            var oversized = await EntriesUntilAsync(server, http, "size", async () =>
            {
                byte[] message = [0x0a, 0x80, 0xA8, 0xD6, 0xB9, 0x07, .. new byte[5 * 1024 * 1024]]; // field 1, 2,000,000,000 bytes claimed
                var refused = await Assert.ThrowsAsync<RpcException>(() => channel.CreateCallInvoker().AsyncUnaryCall(track, null, new CallOptions(cancellationToken: Ct), message).ResponseAsync);
                Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
            });
            var anonymous = await EntriesUntilAsync(server, http, "anonymous", async () =>
            {
                var segments = new Protos.V1.SegmentService.SegmentServiceClient(channel);
                await Assert.ThrowsAsync<RpcException>(() => segments.ListSegmentsAsync(new Protos.V1.ListSegmentsRequest { WorkspaceId = "acme" }, cancellationToken: Ct).ResponseAsync);
                using var keyless = new HttpClient { BaseAddress = http.BaseAddress };
                using var refused = await keyless.GetAsync(new Uri("/v1/workspaces/acme/segments", UriKind.Relative), Ct);
                Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
            });

            Assert.Equal(["warn: DEV MODE"], start.Where(IsWarningOrWorse).Select(Summary));
            Assert.Single(malformedJson);
            Assert.Single(typeMismatch);
            Assert.Equal(["warn: Refused 1 request message(s)"], unparseable.Select(Summary));
            Assert.Equal(["info: /actorsegments.v1.IngestService/Track refused: ResourceExhausted: Received"], oversized.Select(Summary)); // "Received message exceeds the maximum ..."
            Assert.Equal(Enumerable.Repeat("info: /actorsegments.v1.SegmentService/ListSegments refused: Unauthenticated: A", 2), anonymous.Select(Summary)); // one line for each, whatever the transport
            Assert.All(start.Concat(malformedJson).Concat(typeMismatch).Concat(unparseable).Concat(oversized).Concat(anonymous), entry => Assert.DoesNotMatch(StackFrame(), entry));
        }
        finally
        {
            await server.StopAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
            File.Delete(logPath);
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/>, then asks for a segment that does not exist (its refusal is logged after
    /// everything the action caused, the console logger keeping order) and returns the log entries in between; with no
    /// action, every entry since the server started.
    /// </summary>
    private static async Task<List<string>> EntriesUntilAsync(ServerProcess server, HttpClient http, string marker, Func<Task>? action = null)
    {
        var before = Entries(server.LogPath).Count;
        if (action is not null)
        {
            await action();
        }

        using (await http.GetAsync($"/v1/workspaces/acme/segments/marker-{marker}", Ct))
        {
        }

        var entries = await Eventually.ReturnsAsync(() => Task.FromResult(Entries(server.LogPath)), e => e.Any(x => x.Contains($"marker-{marker}", StringComparison.Ordinal)));
        var end = entries.FindIndex(x => x.Contains($"marker-{marker}", StringComparison.Ordinal));
        Assert.True(end >= 0, server.LogTail(40));
        return action is null ? entries[..end] : entries[before..end];
    }

    /// <summary>The log as entries: a "level: category[id]" line and the indented lines that follow it.</summary>
    private static List<string> Entries(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var entries = new List<string>();
        foreach (var line in new StreamReader(stream).ReadToEnd().Split('\n'))
        {
            if (EntryStart().IsMatch(line) || entries.Count == 0)
            {
                entries.Add(line);
            }
            else
            {
                entries[^1] += "\n" + line;
            }
        }

        return entries;
    }

    private static bool IsWarningOrWorse(string entry) => entry.StartsWith("warn:", StringComparison.Ordinal) || entry.StartsWith("fail:", StringComparison.Ordinal) || entry.StartsWith("crit:", StringComparison.Ordinal);

    /// <summary>"warn: " and the first words of the message.</summary>
    private static string Summary(string entry)
    {
        var lines = entry.Split('\n');
        var message = lines.Length > 1 ? lines[1].Trim() : string.Empty;
        var words = message.StartsWith("DEV MODE", StringComparison.Ordinal) ? "DEV MODE" : string.Join(' ', message.Split(' ').Take(4));
        return $"{entry[..5]} {words}";
    }

    [GeneratedRegex("^(trce|dbug|info|warn|fail|crit): ")]
    private static partial Regex EntryStart();

    [GeneratedRegex(@"\n\s+at |--->")]
    private static partial Regex StackFrame();
}
