using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Demo;
using ActorSegments.Testing;

namespace ActorSegments.Cli.Tests.Demo;

/// <summary>Runs the demo pipeline on a fresh in-memory server whose clock starts at the data's end, as the command does.</summary>
internal static class DemoRun
{
    /// <summary>
    /// The demo's result, and per segment at the end of the run (after the strategy experiment's purchases, which move
    /// customers between segments) the members ListMembers pages and the count the server reports.
    /// </summary>
    public static async Task<(DemoResult Result, IReadOnlyList<(long Paged, long Counted)> Members)> RunAsync(DemoData data)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await EmbeddedServer.StartAsync(data.End, null, cancellationToken);
        using var connection = ServerConnection.Open(new ServerSettings(server.Address, null, "demo"));
        using var console = new CapturedConsole();
        var result = await new DemoPipeline(connection, console.Console).RunAsync(data, cancellationToken);
        var paged = new List<(long, long)>();
        foreach (var segment in result.Segments)
        {
            var members = await connection.MembersAsync(segment.SegmentId, pageSize: 97, cancellationToken).LongCountAsync(cancellationToken);
            // A segment's reported count is cached for a second: read until it is at least that fresh.
            var stats = await Eventually.ReturnsAsync(
                () => connection.Segments.GetSegmentAsync(new() { WorkspaceId = connection.Workspace, SegmentId = segment.SegmentId }, cancellationToken: cancellationToken).ResponseAsync,
                s => s.Members == members,
                TimeSpan.FromSeconds(10));
            paged.Add((members, stats.Members));
        }

        return (result, paged);
    }
}
