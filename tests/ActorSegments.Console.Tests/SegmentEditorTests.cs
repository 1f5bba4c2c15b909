using ActorSegments.Protos.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ActorSegments.Console.Tests;

public sealed class SegmentEditorTests(ConsoleFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Editor_BadRule_ShowsThePositionedProblemAndSavesOnceFixed()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.AdminKey);
        await page.GotoAsync("console/segments");
        await page.GetByRole(AriaRole.Link, new() { Name = "New segment" }).ClickAsync();
        await page.WaitUntilInteractiveAsync();

        await page.GetByLabel("Segment id").FillAsync("big-spenders");
        await page.GetByLabel("Rule").FillAsync("did(purchase, within 30d) andd rfm.frequency > 1");
        var problem = page.GetByTestId("rule-problem").First;
        await Expect(problem).ToContainTextAsync("1:27");
        await Expect(page.Locator(".problems .caret").First).ToHaveTextAsync("^^^^");
        await page.ScreenshotAsync("segment-editor");
        await page.GetByLabel("Rule").FillAsync("did(purchase, within 30d)");
        await Expect(page.GetByTestId("rule-valid")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Segment big-spenders" })).ToBeVisibleAsync();
        var saved = await fixture.Server.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "big-spenders" }, cancellationToken: Ct);
        Assert.Equal("did(purchase, within 30d)", saved.Rule);
    }

    [Fact]
    public async Task Editor_Preview_CountsTheCustomersTheRuleWouldMatchAndShowsThemWithoutSaving()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        foreach (var (customer, revenue) in new[] { ("low", 10.0), ("mid", 150.0), ("high", 900.0) })
        {
            await fixture.Server.Ingest.TrackAsync(Events.Purchase(workspace.Id, customer, revenue), cancellationToken: Ct);
        }

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.AdminKey);
        await page.GotoAsync("console/segments/new");
        await page.WaitUntilInteractiveAsync();
        await page.GetByLabel("Segment id").FillAsync("spenders");
        await page.GetByLabel("Rule").FillAsync("rfm.monetary >= 100");
        await Expect(page.GetByTestId("rule-valid")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Preview audience" }).ClickAsync();

        await Expect(page.GetByTestId("preview-count")).ToHaveTextAsync("2 of 3 customers match now (every customer evaluated).");
        var sample = page.GetByTestId("preview-sample").GetByRole(AriaRole.Link);
        Assert.Equal(["high", "mid"], (await sample.AllTextContentsAsync()).Order(StringComparer.Ordinal));
        await page.ScreenshotAsync("segment-preview");
        // An edit makes the count stale: it goes until previewed again.
        await page.GetByLabel("Rule").FillAsync("rfm.monetary >= 1000");
        await Expect(page.GetByTestId("preview-count")).ToHaveCountAsync(0);
        var segments = await fixture.Server.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = workspace.Id }, cancellationToken: Ct);
        Assert.Empty(segments.Segments);
    }

    [Fact]
    public async Task SegmentPage_AfterAnEdit_ListsTheEarlierVersionWithItsRule()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        await fixture.Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: Ct);
        await fixture.Server.Segments.UpdateSegmentAsync(new UpdateSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "buyers", Rule = "did(purchase, within 30d)", ExpectedVersion = 1 }, cancellationToken: Ct);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.ReadKey);
        await page.GotoAsync("console/segments/buyers");

        await page.GetByText("Earlier versions (1)").ClickAsync();

        await Expect(page.GetByTestId("version-1")).ToContainTextAsync("did(purchase)");
        await Expect(page.GetByTestId("version-1")).Not.ToContainTextAsync("within 30d");
        await Expect(page.Locator("pre.rule").First).ToHaveTextAsync("did(purchase, within 30d)");
    }

    [Fact]
    public async Task Delete_SegmentOthersUse_IsRefusedNamingThem()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        await fixture.Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: Ct);
        await fixture.Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "loyal", Rule = "in_segment(\"buyers\")" }, cancellationToken: Ct);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.AdminKey);
        await page.GotoAsync("console/segments/buyers");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete segment" }).ClickAsync();

        await Expect(page.GetByTestId("segment-refused")).ToContainTextAsync("loyal");
        await fixture.Server.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "buyers" }, cancellationToken: Ct);
    }
}
