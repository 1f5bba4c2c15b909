using System.Globalization;
using ActorSegments.Protos.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ActorSegments.Console.Tests;

/// <summary>Models on the console: trained from the page with progress, each version's holdout metrics shown.</summary>
public sealed class ModelsTests(ConsoleFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Train_Recommendations_PageShowsTheVersionsHoldoutMetrics()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        await Planting.TwoFamiliesAsync(fixture.Server, workspace.Id);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.AdminKey);
        await page.GotoAsync("console/models");
        await Expect(page.GetByText("No model trained yet")).ToBeVisibleAsync();

        await page.GetByLabel("Model").SelectOptionAsync("recommendations");
        await page.GetByRole(AriaRole.Button, new() { Name = "Train" }).ClickAsync();
        await page.WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("training-state")).ToHaveTextAsync("succeeded", new() { Timeout = 120_000 });
        await page.GotoAsync("console/models");

        var models = await fixture.Server.Models.ListModelsAsync(new ListModelsRequest { WorkspaceId = workspace.Id }, cancellationToken: Ct);
        var metrics = Assert.Single(models.Models).Metrics.Fields;
        await Expect(page.GetByTestId("precision-1")).ToHaveTextAsync(metrics["precision_at_k"].NumberValue.ToString("0.###", CultureInfo.InvariantCulture));
        await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new("^Precision@10 on the holdout") })).ToBeVisibleAsync();
        // No catalog was loaded: the page says what that costs.
        Assert.Equal("derived from events", metrics["catalog"].StringValue);
        await Expect(page.GetByTestId("catalog-hint")).ToContainTextAsync("no item catalog is loaded");
        await page.ScreenshotAsync("models");
    }
}
