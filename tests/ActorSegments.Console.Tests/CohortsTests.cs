using ActorSegments.Protos.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ActorSegments.Console.Tests;

/// <summary>AI cohorts on the console: refreshed with progress, put to use in one click, recommended for a goal.</summary>
public sealed class CohortsTests(ConsoleFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cohorts_RefreshedAndUsedInOneClick_CreateExperimentAndSegmentWithTheCohortAsAudience()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        await Planting.ThreeKindsAsync(fixture.Server, workspace.Id);
        await fixture.Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "lapsed", Rule = "rfm.recency_score <= 2" }, cancellationToken: Ct);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.AdminKey);
        await page.GotoAsync("console/cohorts");

        await page.GetByRole(AriaRole.Button, new() { Name = "Refresh cohorts" }).ClickAsync();
        await page.WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("cohort-run-status")).ToHaveTextAsync("succeeded", new() { Timeout = 120_000 });
        await page.GotoAsync("console/cohorts");
        var listed = await fixture.Server.Cohorts.ListCohortsAsync(new ListCohortsRequest { WorkspaceId = workspace.Id }, cancellationToken: Ct);
        var cohort = listed.Cohorts[0];
        var card = page.GetByTestId($"cohort-{cohort.CohortId}");
        await Expect(card.GetByRole(AriaRole.Heading)).ToContainTextAsync(cohort.Name);
        await Expect(card.GetByRole(AriaRole.Img, new() { Name = $"{cohort.Name}: feature means against everyone's" })).ToBeVisibleAsync();

        await card.GetByRole(AriaRole.Button, new() { Name = "Create campaign test" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new("^Experiment ") })).ToBeVisibleAsync();
        var experiments = await fixture.Server.Experiments.ListExperimentsAsync(new ListExperimentsRequest { WorkspaceId = workspace.Id }, cancellationToken: Ct);
        var experiment = Assert.Single(experiments.Experiments);
        Assert.Equal(($"cohort = \"{cohort.CohortId}\"", "draft"), (experiment.Audience, experiment.Status.ToString().ToLowerInvariant()));
        Assert.Equal(["holdout", "treatment"], experiment.Arms.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.True(experiment.Arms.Single(a => a.Name == "holdout").Control);
        Assert.Equal(("purchase", MetricKind.Conversion), (experiment.Metrics[0].EventType, experiment.Metrics[0].Kind));
        await Expect(page.GetByTestId("experiment-audience")).ToHaveTextAsync(experiment.Audience);

        await page.GotoAsync("console/cohorts");
        await page.GetByTestId($"cohort-{cohort.CohortId}").GetByRole(AriaRole.Button, new() { Name = "Copy as segment" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Segment {cohort.CohortId}-copy" })).ToBeVisibleAsync();
        var copy = await fixture.Server.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = workspace.Id, SegmentId = $"{cohort.CohortId}-copy" }, cancellationToken: Ct);
        Assert.Equal($"cohort = \"{cohort.CohortId}\"", copy.Rule);

        // The goal's recommendation, as the API gives it, once every segment is live.
        await page.UntilShownAsync("console/cohorts?goal=lapsed", page.GetByTestId("audience-rule"));
        var recommended = await fixture.Server.Cohorts.RecommendCohortsAsync(new RecommendCohortsRequest { WorkspaceId = workspace.Id, GoalSegmentId = "lapsed" }, cancellationToken: Ct);
        await Expect(page.GetByTestId("audience-rule")).ToHaveTextAsync(recommended.AudienceRule);
        await Expect(page.GetByTestId("recommendations").Locator("tr.recommended")).ToHaveCountAsync(recommended.Recommended.Count);
        await page.ScreenshotAsync("cohorts");

        // Renamed and pinned on its card, as UpdateCohort would.
        var renamed = page.GetByTestId($"cohort-{cohort.CohortId}");
        await renamed.GetByText("Rename or pin").ClickAsync();
        await renamed.GetByLabel("Name", new() { Exact = true }).FillAsync("VIP Watchlist");
        await renamed.GetByLabel("Pinned (keeps this name across refreshes)").CheckAsync();
        await renamed.GetByRole(AriaRole.Button, new() { Name = "Save name" }).ClickAsync();

        await Expect(page.GetByTestId($"cohort-{cohort.CohortId}").GetByRole(AriaRole.Heading)).ToContainTextAsync("VIP Watchlist");
        var after = await fixture.Server.Cohorts.ListCohortsAsync(new ListCohortsRequest { WorkspaceId = workspace.Id }, cancellationToken: Ct);
        Assert.Equal(("VIP Watchlist", true, "user"), after.Cohorts.Where(c => c.CohortId == cohort.CohortId).Select(c => (c.Name, c.Pinned, c.LabelSource)).Single());
    }
}
