using ActorSegments.Protos.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ActorSegments.Console.Tests;

public sealed class LiveCountTests(ConsoleFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SegmentList_EventsIngestedOverGrpc_CountChangesWithoutReload()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        await fixture.Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: Ct);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.ReadKey);
        await page.GotoAsync("console/segments");
        await page.WaitUntilInteractiveAsync();
        var count = page.GetByTestId("members-buyers");
        await Expect(count).ToHaveTextAsync("0");
        await page.EvaluateAsync("window.notReloaded = true");

        await fixture.Server.Ingest.TrackAsync(Events.Purchase(workspace.Id, "c-1"), cancellationToken: Ct);
        await fixture.Server.Ingest.TrackAsync(Events.Purchase(workspace.Id, "c-2"), cancellationToken: Ct);

        await Expect(count).ToHaveTextAsync("2", ConsolePages.Live);
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"));
    }

    [Fact]
    public async Task SegmentPage_EventIngested_CountAndChangeFeedUpdateLive()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        await fixture.Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: Ct);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.ReadKey);
        await page.GotoAsync("console/segments/buyers");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("segment-members")).ToHaveTextAsync("0");
        await Expect(page.GetByText("new ones appear here")).ToBeVisibleAsync();

        await fixture.Server.Ingest.TrackAsync(Events.Purchase(workspace.Id, "feed-customer"), cancellationToken: Ct);

        await Expect(page.GetByTestId("segment-members")).ToHaveTextAsync("1", ConsolePages.Live);
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Membership changes, newest first" })).ToContainTextAsync("feed-customer entered", new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task Overview_RecentMembershipChanges_ShowsAChangeAsItHappens()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        await fixture.Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: Ct);
        await fixture.Server.Ingest.TrackAsync(Events.Purchase(workspace.Id, "earlier-customer"), cancellationToken: Ct);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.ReadKey);
        await page.GotoAsync("console/");
        await page.WaitUntilInteractiveAsync();
        var recent = page.GetByRole(AriaRole.List, new() { Name = "Recent membership changes, newest first" });
        await Expect(recent).ToContainTextAsync("earlier-customer entered buyers", new() { Timeout = 20_000 });

        await fixture.Server.Ingest.TrackAsync(Events.Purchase(workspace.Id, "later-customer"), cancellationToken: Ct);

        await Expect(recent.Locator("li").First).ToContainTextAsync("later-customer entered buyers", new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task MembersExport_ServesEveryMemberAsCsv()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        await fixture.Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: Ct);
        await fixture.Server.Ingest.TrackAsync(Events.Purchase(workspace.Id, "=cmd,1"), cancellationToken: Ct);
        await fixture.Server.Ingest.TrackAsync(Events.Purchase(workspace.Id, "plain"), cancellationToken: Ct);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.ReadKey);

        var csv = await page.APIRequest.GetAsync("console/segments/buyers/members.csv");

        Assert.Equal(200, csv.Status);
        var lines = (await csv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("customer_id,member_since", lines[0]);
        Assert.StartsWith("\"'=cmd,1\",", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("plain,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentPage_Overlap_CountsCustomersInBoth()
    {
        var page = await Planting.BuyersAndBigBuyersAsync(fixture);

        await page.GotoAsync("console/segments/buyers");

        await Expect(page.GetByTestId("overlap-big-buyers")).ToHaveTextAsync("1");
    }
}
