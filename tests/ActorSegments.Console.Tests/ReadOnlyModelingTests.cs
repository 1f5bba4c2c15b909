using ActorSegments.Protos.V1;
using Grpc.Core;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ActorSegments.Console.Tests;

/// <summary>A read key on the cohorts, experiments and models pages: no control to change anything, and posts sent anyway refused.</summary>
public sealed class ReadOnlyModelingTests(ConsoleFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadKey_NewPages_OfferNoChangeAndRefusePostsThatChangeNothing()
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        await fixture.Server.Experiments.CreateExperimentAsync(new CreateExperimentRequest
        {
            WorkspaceId = workspace.Id,
            Experiment = new Experiment
            {
                ExperimentId = "held",
                Name = "Held",
                Channel = "email",
                Assignment = AssignmentMode.Randomized,
                Audience = "did(purchase)",
                Arms = { new ExperimentArm { Name = "treatment", Weight = 1 }, new ExperimentArm { Name = "holdout", Weight = 1, Control = true } },
                Metrics = { new ExperimentMetric { Name = "bought", Kind = MetricKind.Conversion, EventType = "purchase", Days = 7 } },
            },
        }, cancellationToken: Ct);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.ReadKey);

        await page.GotoAsync("console/cohorts");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "AI cohorts" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Refresh cohorts" })).ToHaveCountAsync(0);
        await page.GotoAsync("console/experiments");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "held" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "New experiment" })).ToHaveCountAsync(0);
        await page.GotoAsync("console/experiments/held");
        await Expect(page.GetByTestId("experiment-status")).ToHaveTextAsync("draft");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start experiment" })).ToHaveCountAsync(0);
        await page.GotoAsync("console/experiments/new");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create experiment" })).ToHaveCountAsync(0);
        await page.GotoAsync("console/models");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Train" })).ToHaveCountAsync(0);
        var token = await page.AntiforgeryTokenAsync();

        var refresh = await page.PostFormAsync("console/cohorts", ("_handler", "refresh-cohorts"), ("__RequestVerificationToken", token));
        var start = await page.PostFormAsync("console/experiments/held", ("_handler", "start-experiment"), ("__RequestVerificationToken", token), ("version", "1"));
        var create = await page.PostFormAsync("console/experiments/new", ("_handler", "create-experiment"), ("__RequestVerificationToken", token),
            ("experimentId", "forged"), ("name", "Forged"), ("channel", "email"), ("audience", "did(purchase)"), ("metricEvent", "purchase"));
        var train = await page.PostFormAsync("console/models", ("_handler", "train-model"), ("__RequestVerificationToken", token), ("model", "recommendations"));

        Assert.Equal([403, 403, 403, 403], new[] { refresh.Status, start.Status, create.Status, train.Status });
        var runs = await fixture.Server.Cohorts.ListCohortRunsAsync(new ListCohortRunsRequest { WorkspaceId = workspace.Id }, cancellationToken: Ct);
        var experiments = await fixture.Server.Experiments.ListExperimentsAsync(new ListExperimentsRequest { WorkspaceId = workspace.Id }, cancellationToken: Ct);
        var training = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Server.Models.GetModelTrainingAsync(new GetModelTrainingRequest { WorkspaceId = workspace.Id }, cancellationToken: Ct));
        Assert.Empty(runs.Runs);
        Assert.Equal([("held", ExperimentStatus.Draft)], experiments.Experiments.Select(e => (e.ExperimentId, e.Status)));
        Assert.Equal(StatusCode.NotFound, training.StatusCode);
    }
}
