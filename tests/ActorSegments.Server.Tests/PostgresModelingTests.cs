using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using static ActorSegments.Server.Tests.ModelingScenario;

namespace ActorSegments.Server.Tests;

/// <summary>
/// Cohorts and models on PostgreSQL: the feature table, runs, assignments and model versions are durable, so a refresh
/// after a restart keeps every id and every customer's cohort, and a training reads the journal from the database.
/// </summary>
public sealed class PostgresModelingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CohortsAndRecommendations_SurviveARestartAndARefreshAfterItKeepsIdsAndMembers()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("modeling");
        const string workspace = "pg-cohorts";
        CohortRun first;
        List<List<string>> groups;
        await using (var server = await RunningServer.StartAsync(RunningServer.OnPostgres(db)))
        {
            groups = await PlantGroupsAsync(server, workspace);
            first = await RefreshAndWaitAsync(server, workspace);
            await Eventually.ReturnsAsync(() => ProfileAsync(server, workspace, groups[2][^1]), p => p.Cohort.Length > 0);
        }

        await using var restarted = await RunningServer.StartAsync(RunningServer.OnPostgres(db));
        var cohortBefore = (await ProfileAsync(restarted, workspace, groups[0][0])).Cohort;
        var second = await RefreshAndWaitAsync(restarted, workspace);
        var listed = await restarted.Cohorts.ListCohortsAsync(new ListCohortsRequest { WorkspaceId = workspace }, cancellationToken: Ct);
        var training = await TrainAndWaitAsync(restarted, workspace, "recommendations");
        var models = await restarted.Models.ListModelsAsync(new ListModelsRequest { WorkspaceId = workspace }, cancellationToken: Ct);

        Assert.Equal((CohortRunStatus.Succeeded, CohortRunStatus.Succeeded), (first.RunStatus, second.RunStatus));
        Assert.Equal(first.Cohorts.Select(c => c.CohortId).Order(), second.Cohorts.Select(c => c.CohortId).Order());
        Assert.Equal((0L, PerGroup * 3L), (second.Changed, second.Customers));
        Assert.Equal(second.RunId, listed.RunId);
        Assert.Equal(first.Cohorts.OrderBy(c => c.CohortId).Select(c => (c.CohortId, c.Size, c.Name)), listed.Cohorts.OrderBy(c => c.CohortId).Select(c => (c.CohortId, c.Size, c.Name)));
        Assert.NotEmpty(cohortBefore);
        Assert.Equal(cohortBefore, (await ProfileAsync(restarted, workspace, groups[0][0])).Cohort);
        Assert.Equal(ModelTrainingState.Succeeded, training.TrainingState);
        Assert.Equal(["recommendations"], models.Models.Select(m => m.Name));
        Assert.Equal(PerGroup * 3, await db.ScalarAsync<long>($"SELECT count(*) FROM cohort_assignments WHERE workspace_id = '{workspace}'"));
    }
}
