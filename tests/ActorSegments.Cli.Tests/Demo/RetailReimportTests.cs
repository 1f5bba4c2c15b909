using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Demo;
using ActorSegments.Cli.Ingest;
using ActorSegments.Cli.Tests.Data;
using ActorSegments.Protos.V1;

namespace ActorSegments.Cli.Tests.Demo;

/// <summary>
/// The real Online Retail file loaded by the demo, then imported again with its product lines into the same
/// workspace: every invoice is recognized as sent before, however many events its customer had since, and nothing of
/// the demo's figures moves.
/// </summary>
public sealed class RetailReimportTests
{
    [Fact]
    public async Task Reimport_WithProductLines_AppliesOnlyTheLinesAndNoInvoiceTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = RetailDataFile.Require();
        var data = new RetailDemoData(path);
        await using var server = await EmbeddedServer.StartAsync(data.End, null, ct);
        using var connection = ServerConnection.Open(new ServerSettings(server.Address, null, "retail"));
        using var console = new CapturedConsole();
        var demo = await new DemoPipeline(connection, console.Console).RunAsync(data, ct);
        var before = await ProfileAsync(connection, "12748");

        using var events = FileEvents.Retail(path, connection.Workspace, productLines: true);
        var reimport = await new EventStreamer(connection.Ingest).SendAsync(events.Events, null, ct);
        // The same file again: nothing at all is new.
        using var again = FileEvents.Retail(path, connection.Workspace, productLines: true);
        var third = await new EventStreamer(connection.Ingest).SendAsync(again.Events, null, ct);

        Assert.Equal(18_532, demo.Loaded.Applied);
        Assert.Equal((397_884L, 18_532L, 0L), (reimport.Applied, reimport.Duplicates, reimport.Rejected));
        Assert.Equal((0L, 416_416L), (third.Applied, third.Duplicates));
        var after = await ProfileAsync(connection, "12748");
        Assert.Equal(209, before.Rfm.Frequency);
        Assert.Equal(before.Rfm.Frequency, after.Rfm.Frequency);
        Assert.Equal(before.Rfm.Monetary, after.Rfm.Monetary);
        var bigSpenders = await connection.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = "retail", SegmentId = "big_spenders" }, cancellationToken: ct);
        Assert.Equal(275, bigSpenders.Members);
        Assert.Equal(demo.Segments.Single(s => s.SegmentId == "big_spenders").Members, bigSpenders.Members);
    }

    private static async Task<CustomerProfile> ProfileAsync(ServerConnection connection, string customerId) =>
        await connection.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = connection.Workspace, CustomerId = customerId }, cancellationToken: TestContext.Current.CancellationToken);
}
