using ActorSegments.Protos.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ActorSegments.Console.Tests;

public sealed class CustomerTests(ConsoleFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Customer_WhyLink_ShowsTheRuleTraceTree()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        await fixture.Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "recent-buyers", Rule = "did(purchase, within 30d) and rfm.frequency >= 1" }, cancellationToken: Ct);
        await fixture.Server.Ingest.TrackAsync(Events.Purchase(workspace.Id, "17850"), cancellationToken: Ct);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.ReadKey);
        await page.GotoAsync("console/customers");

        await page.GetByLabel("Customer id").FillAsync("17850");
        await page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customer 17850" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Why is 17850 in recent-buyers" }).ClickAsync();

        var why = page.GetByTestId("why");
        await Expect(why.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Why 17850 is in recent-buyers");
        var nodes = why.GetByTestId("trace-node");
        Assert.True(await nodes.CountAsync() >= 3, "the tree has the 'and' and its two conditions");
        await Expect(nodes.First).ToContainTextAsync("✓");
        await Expect(why).ToContainTextAsync("can change at");
        await page.ScreenshotAsync("customer");
    }

    [Fact]
    public async Task Customer_Unknown_SaysSo()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.ReadKey);

        await page.GotoAsync("console/customers?id=nobody");

        await Expect(page.GetByTestId("customer-problem")).ToContainTextAsync("no recorded events");
    }
}
