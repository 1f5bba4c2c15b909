using ActorSegments.Protos.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ActorSegments.Console.Tests;

/// <summary>Experiments on the console: sized, created and started with the wizard, their results live per arm.</summary>
public sealed class ExperimentsTests(ConsoleFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Wizard_SizeCreateStart_ResultsPerArmShownAsTheApiGivesThem()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.AdminKey);
        await page.GotoAsync("console/experiments/new");
        await page.GetByLabel("Baseline conversion rate").FillAsync("0.05");
        await page.GetByLabel("Smallest lift to detect (absolute)").FillAsync("0.01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate" }).ClickAsync();
        // docs/experiments.md: a 5% baseline and a lift to 6% need 8,158 customers per arm at 80% power, α = 0.05.
        await Expect(page.GetByTestId("customers-per-arm")).ToHaveTextAsync("8,158");
        await page.ScreenshotAsync("experiment-new");

        await page.GetByLabel("Experiment id").FillAsync("spring_sale");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Spring sale");
        await page.GetByLabel("Audience rule").FillAsync("did(purchase)");
        await page.GetByLabel("Treatment weight").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create experiment" }).ClickAsync();
        await Expect(page.GetByTestId("experiment-status")).ToHaveTextAsync("draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start experiment" }).ClickAsync();
        await Expect(page.GetByTestId("experiment-status")).ToHaveTextAsync("running");

        for (var i = 0; i < 12; i++)
        {
            await fixture.Server.Ingest.TrackAsync(Events.Purchase(workspace.Id, $"buyer-{i}"), cancellationToken: Ct);
        }

        var results = await ActorSegments.Testing.Eventually.ReturnsAsync(
            () => fixture.Server.Experiments.GetExperimentResultsAsync(new GetExperimentResultsRequest { WorkspaceId = workspace.Id, ExperimentId = "spring_sale" }, cancellationToken: Ct).ResponseAsync,
            r => r.Reach.Sum(a => a.Assigned) == 12);
        foreach (var arm in results.Reach)
        {
            await Expect(page.GetByTestId($"assigned-{arm.Arm}")).ToHaveTextAsync(arm.Assigned.ToString(System.Globalization.CultureInfo.InvariantCulture), ConsolePages.Live);
        }

        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "purchase_7d: conversion rate, 95% Wilson interval" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("verdict")).Not.ToBeEmptyAsync();
        await page.ScreenshotAsync("experiment");
        await page.GotoAsync("console/experiments");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "spring_sale" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("experiments");
    }

    [Fact]
    public async Task Wizard_WeightNotANumber_IsRefusedNamingItAndCreatesNothing()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.AdminKey);
        await page.GotoAsync("console/experiments/new");
        var token = await page.AntiforgeryTokenAsync();

        var create = await page.PostFormAsync("console/experiments/new", ("_handler", "create-experiment"), ("__RequestVerificationToken", token),
            ("experimentId", "odd"), ("name", "Odd"), ("channel", "email"), ("audience", "did(purchase)"), ("metricEvent", "purchase"),
            ("treatmentWeight", "lots"), ("holdoutWeight", "1"), ("metricDays", "7"));

        Assert.Equal(400, create.Status);
        Assert.Contains("treatmentWeight (got 'lots')", System.Net.WebUtility.HtmlDecode(await create.TextAsync()), StringComparison.Ordinal);
        var experiments = await fixture.Server.Experiments.ListExperimentsAsync(new ListExperimentsRequest { WorkspaceId = workspace.Id }, cancellationToken: Ct);
        Assert.Empty(experiments.Experiments);
    }
}
