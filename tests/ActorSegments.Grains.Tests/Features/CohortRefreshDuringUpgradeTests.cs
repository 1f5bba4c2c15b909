using ActorSegments.Abstractions.Modeling;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using ActorSegments.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.Grains.Tests.Features;

/// <summary>
/// A cohort refresh while rows of an older feature layout remain would see only part of the customers and move the
/// others out of their cohorts; it is refused with the reason instead.
/// </summary>
[Collection(ClusterCollectionDefinition.Name)]
public sealed class CohortRefreshDuringUpgradeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Refresh_WhileOldLayoutRowsRemain_FailsSayingToWaitForTheUpgrade()
    {
        var workspace = $"ws-{Guid.NewGuid():N}";
        var at = fixture.Clock.GetUtcNow().ToUnixTimeSeconds();
        fixture.Features.UpsertInLayout(workspace, [new FeatureRow("idle", at, new float[CustomerFeatures.Count / 2])], CustomerFeatures.Version - 1);

        var runId = await fixture.Grains.GetGrain<ICohortGrain>(ModelingGrainKey.Cohorts(workspace)).RefreshAsync("manual");
        var run = await Eventually.ReturnsAsync(() => FinishedRunAsync(workspace, runId), r => r is not null);

        Assert.Equal(CohortRunStatus.Failed, run!.Status);
        Assert.Contains("being rewritten in layout", run.Error, StringComparison.Ordinal);
    }

    /// <summary>The run once finished, from whichever silo's store holds it (the cohort grain lives on one of them).</summary>
    private async Task<CohortRun?> FinishedRunAsync(string workspace, long runId)
    {
        foreach (var silo in fixture.Cluster.Silos)
        {
            var run = await silo.ServiceProvider.GetRequiredService<ICohortStore>().GetRunAsync(workspace, runId, TestContext.Current.CancellationToken);
            if (run is { Status: not CohortRunStatus.Running })
            {
                return run;
            }
        }

        return null;
    }
}
