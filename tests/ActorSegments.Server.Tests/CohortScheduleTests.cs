using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Server.Tests;

/// <summary>Cohorts refresh on their own: the schedule finds a workspace with enough customers and runs one refresh.</summary>
public sealed class CohortScheduleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWorkspaceWithEnoughCustomers_GetsAScheduledRefresh()
    {
        await using var server = await RunningServer.StartAsync(
            ("ActorSegments:Modeling:ScheduleCheckEvery", "00:00:01"),
            ("ActorSegments:Modeling:MinimumCustomersForCohorts", "12"));
        const string workspace = "scheduled";
        await server.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = workspace, DisplayName = "Scheduled cohorts" }, cancellationToken: Ct);
        var batch = new TrackBatchRequest();
        for (var i = 0; i < 24; i++)
        {
            var purchase = Events.Make(Events.NewCustomerId(), "purchase", occurredAt: DateTimeOffset.UtcNow.AddDays(-(i % 2 == 0 ? 3 + i : 200 + i)), workspaceId: workspace);
            purchase.Properties["revenue"] = Value.ForNumber(i % 2 == 0 ? 500 + (10 * i) : 20 + i);
            batch.Events.Add(purchase);
        }

        await server.Ingest.TrackBatchAsync(batch, cancellationToken: Ct);

        var runs = await Eventually.ReturnsAsync(
            () => server.Cohorts.ListCohortRunsAsync(new ListCohortRunsRequest { WorkspaceId = workspace }, cancellationToken: Ct).ResponseAsync,
            r => r.Runs.Any(run => run.RunStatus != CohortRunStatus.Running),
            TimeSpan.FromMinutes(2));

        var run = Assert.Single(runs.Runs);
        Assert.Equal(("schedule", CohortRunStatus.Succeeded, 24L), (run.Trigger, run.RunStatus, run.Customers));
    }
}
