using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ActorSegments.Console.Tests;

public sealed class WorkspaceSwitcherTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Switcher_WorkspaceKey_OffersOnlyItsWorkspaceAndTheServerRefusesAnother()
    {
        var mine = await fixture.Server.NewWorkspaceAsync();
        var other = await fixture.Server.NewWorkspaceAsync();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(mine.AdminKey);

        var options = await page.GetByLabel("Workspace").Locator("option").AllInnerTextsAsync();
        var token = await page.AntiforgeryTokenAsync();
        var forced = await page.PostFormAsync("console/workspace", ("workspace", other.Id), ("__RequestVerificationToken", token));

        Assert.Equal([mine.Id], options);
        Assert.Equal(403, forced.Status);
        await page.GotoAsync("console/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Overview of {mine.Id}" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Switcher_BootstrapKey_SwitchesWorkspace()
    {
        var first = await fixture.Server.NewWorkspaceAsync();
        var second = await fixture.Server.NewWorkspaceAsync();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(ConsoleServer.BootstrapKey);

        await page.GetByLabel("Workspace").FillAsync(second.Id);
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Overview of {second.Id}" })).ToBeVisibleAsync();
        var offered = await page.Locator("#workspace-choices option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.Contains(first.Id, offered);
    }
}
