using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ActorSegments.Console.Tests;

public sealed class SignInTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task SignIn_AdminKey_OpensTheWorkspaceWithAnHttpOnlyStrictCookie()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("console/segments");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/signin"));
        await page.SignInAsync(workspace.AdminKey);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Overview of {workspace.Id}" })).ToBeVisibleAsync();
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "actorsegments-console");
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Secure);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal("/console", cookie.Path);
        Assert.DoesNotContain(workspace.AdminKey, cookie.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("actorsegments-console=", await page.EvaluateAsync<string>("document.cookie"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongKey_IsRefusedAndSetsNoCookie()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("console/signin");
        await page.GetByLabel("API key").FillAsync("as_0123456789abcdef_not-the-secret");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(401, response.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("refused");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "actorsegments-console");
        await page.GotoAsync("console/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/signin"));
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.ReadKey);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
        await page.GotoAsync("console/segments");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/signin"));
    }

    [Fact]
    public async Task RevokedKey_EndsTheSessionAtTheNextPage()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.ReadKey);
        var keys = await fixture.Server.Admin.ListApiKeysAsync(new() { WorkspaceId = workspace.Id }, cancellationToken: TestContext.Current.CancellationToken);
        var readKeyId = Assert.Single(keys.Keys, k => k.Name == "console-read").KeyId;

        await fixture.Server.Admin.RevokeApiKeyAsync(new() { WorkspaceId = workspace.Id, KeyId = readKeyId }, cancellationToken: TestContext.Current.CancellationToken);
        await page.GotoAsync("console/segments");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/signin"));
    }
}
