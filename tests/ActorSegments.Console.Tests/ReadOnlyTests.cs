using ActorSegments.Protos.V1;
using Grpc.Core;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ActorSegments.Console.Tests;

/// <summary>A read key sees a workspace: no control to change it is offered, and a change sent anyway is refused.</summary>
public sealed class ReadOnlyTests(ConsoleFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadKey_Pages_OfferNoChange()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        await fixture.Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: Ct);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.ReadKey);

        await page.GotoAsync("console/segments");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "buyers" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "New segment" })).ToHaveCountAsync(0);
        await page.GotoAsync("console/segments/buyers");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Segment buyers" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete segment" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit" })).ToHaveCountAsync(0);
        var editor = await page.GotoAsync("console/segments/new");
        Assert.Equal(403, editor!.Status);
        await Expect(page.GetByLabel("Rule")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ReadKey_ChangesPostedAnyway_AreRefusedAndChangeNothing()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        await fixture.Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: Ct);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.ReadKey);
        var token = await page.AntiforgeryTokenAsync();

        var create = await page.PostFormAsync("console/segments/new",
            ("_handler", "save-segment"), ("__RequestVerificationToken", token), ("segmentId", "forged"), ("rule", "did(purchase)"), ("expectedVersion", "0"));
        var delete = await page.PostFormAsync("console/segments/buyers",
            ("_handler", "delete-segment"), ("__RequestVerificationToken", token));

        Assert.Equal(403, create.Status);
        Assert.Equal(403, delete.Status);
        var missing = await Assert.ThrowsAsync<RpcException>(async () =>
            await fixture.Server.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "forged" }, cancellationToken: Ct));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        await fixture.Server.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "buyers" }, cancellationToken: Ct);
    }

    [Fact]
    public async Task AdminKey_ChangeWithoutAntiforgeryToken_IsRefused()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.AdminKey);

        var create = await page.PostFormAsync("console/segments/new",
            ("_handler", "save-segment"), ("segmentId", "forged"), ("rule", "did(purchase)"), ("expectedVersion", "0"));
        var signOut = await page.PostFormAsync("console/signout");

        Assert.Equal(400, create.Status);
        Assert.Equal(400, signOut.Status);
        var missing = await Assert.ThrowsAsync<RpcException>(async () =>
            await fixture.Server.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "forged" }, cancellationToken: Ct));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        await page.GotoAsync("console/");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }
}
