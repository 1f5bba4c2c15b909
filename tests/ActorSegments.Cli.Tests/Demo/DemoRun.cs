using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Demo;

namespace ActorSegments.Cli.Tests.Demo;

/// <summary>Runs the demo pipeline on a fresh in-memory server whose clock starts at the data's end, as the command does.</summary>
internal static class DemoRun
{
    public static async Task<(DemoResult Result, IReadOnlyList<long> MembersPaged)> RunAsync(DemoData data)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await EmbeddedServer.StartAsync(data.End, null, cancellationToken);
        using var connection = ServerConnection.Open(new ServerSettings(server.Address, null, "demo"));
        using var console = new CapturedConsole();
        var result = await new DemoPipeline(connection, console.Console).RunAsync(data, cancellationToken);
        var paged = new List<long>();
        foreach (var segment in result.Segments)
        {
            paged.Add(await connection.MembersAsync(segment.SegmentId, pageSize: 97, cancellationToken).LongCountAsync(cancellationToken));
        }

        return (result, paged);
    }
}
