using System.Net.Http.Headers;
using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using Google.Protobuf;

using static ActorSegments.Server.Tests.ModelingScenario;

namespace ActorSegments.Server.Tests;

/// <summary>
/// Cohort drift over the API: refreshed twice with changed data, each cohort of the second run says how it moved, grew
/// or shrank and how many members it kept, over gRPC and JSON; a pinned name whose cohort lost most of its members is
/// released to the rules' name, with the old name and the reason.
/// </summary>
public sealed class CohortDriftApiTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    private const int Converted = 20;

    [Fact]
    public async Task SecondRefresh_ReportsEachCohortsDriftAndReleasesAPinnedNameWhoseCohortLostItsMembers()
    {
        const string workspace = "cohorts-drift";
        var groups = await PlantGroupsAsync(Server, workspace);
        var first = await RefreshAndWaitAsync(Server, workspace);
        Assert.Equal(CohortRunStatus.Succeeded, first.RunStatus);
        var (spenders, browsers, lapsed) = (await CohortOfAsync(workspace, groups[0][0]), await CohortOfAsync(workspace, groups[1][0]), await CohortOfAsync(workspace, groups[2][^1]));
        Assert.All(first.Cohorts, c => Assert.False(c.Drift.Matched));
        await Server.Cohorts.UpdateCohortAsync(new UpdateCohortRequest { WorkspaceId = workspace, CohortId = lapsed, Name = "Win-Back List", Pinned = true }, cancellationToken: Ct);

        // Two thirds of the lapsed one-time buyers come back and buy like the big spenders.
        var now = DateTimeOffset.UtcNow;
        foreach (var (customer, i) in groups[2].Take(Converted).Select((c, i) => (c, i)))
        {
            await TrackAsync(Server, workspace, [.. Enumerable.Range(0, 5).Select(d => Purchase(customer, now.AddDays(-2 - (d * 3)), 400 + i))]);
        }

        var second = await RefreshAndWaitAsync(Server, workspace);

        Assert.Equal(CohortRunStatus.Succeeded, second.RunStatus);
        Assert.Equal(first.RunId, second.PreviousRunId);
        var byId = second.Cohorts.ToDictionary(c => c.CohortId);

        var left = byId[lapsed];
        Assert.Equal((true, PerGroup, (long)PerGroup - Converted, -Converted), (left.Drift.Matched, left.Drift.PreviousMembers, left.Drift.Kept, left.Drift.SizeChange));
        Assert.Equal((1.0 / 3, 1.0), (left.Drift.KeptShare, left.Drift.FromPreviousShare), ShareComparer);
        Assert.True(left.Drift.MeaningChanged);
        Assert.Contains($"kept {PerGroup - Converted} of its {PerGroup} previous members", left.Drift.Reason, StringComparison.Ordinal);
        Assert.Equal(("Win-Back List", "rules", false), (left.Drift.ReleasedName, left.LabelSource, left.Pinned));
        Assert.NotEqual("Win-Back List", left.Name);
        Assert.Contains("fewer than 50%", left.Drift.ReleaseReason, StringComparison.Ordinal);

        // The returning buyers spend a little less than the big spenders: a cohort of their own, new in this run.
        var returned = byId[await CohortOfAsync(workspace, groups[2][0])];
        Assert.Equal((false, Converted, 0L, 0L), (returned.Drift.Matched, returned.Size, returned.Drift.PreviousSize, returned.Drift.PreviousMembers));
        Assert.Empty(second.RetiredCohortIds);

        // The browsers and the big spenders did nothing: their cohorts stayed where they were (the scaler changed with
        // the data, but both runs' centroids go through the new one) and kept every member.
        foreach (var same in new[] { byId[browsers], byId[spenders] })
        {
            Assert.Equal((true, 0L, 1.0, 1.0, false), (same.Drift.Matched, same.Drift.SizeChange, same.Drift.KeptShare, same.Drift.FromPreviousShare, same.Drift.MeaningChanged));
            Assert.True(same.Drift.Movement < 0.01, $"moved {same.Drift.Movement}");
            Assert.Equal(second.Features.Order(), same.Drift.FeatureMovement.Keys.Order());
            Assert.Equal((1.0 / 3, 0.0), (same.Drift.PreviousShare, same.Drift.ShareChange), ShareComparer);
        }

        Assert.True(byId[browsers].Drift.TypicalSpacing > 0);

        // The current cohorts, over gRPC and as JSON, read the same drift; the released name is not shown any more.
        var listed = await Server.Cohorts.ListCohortsAsync(new ListCohortsRequest { WorkspaceId = workspace }, cancellationToken: Ct);
        var current = listed.Cohorts.Single(c => c.CohortId == lapsed);
        Assert.Equal((left.Name, left.LabelSource, false, left.Drift), (current.Name, current.LabelSource, current.Pinned, current.Drift));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Server.HttpPort}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.BootstrapKey);
        var json = await http.GetStringAsync($"/v1/workspaces/{workspace}/cohorts/runs/{second.RunId}", Ct);
        Assert.Equal(second.Cohorts.Select(c => c.Drift), JsonParser.Default.Parse<CohortRun>(json).Cohorts.Select(c => c.Drift));
    }

    private static readonly ShareTolerance ShareComparer = new();

    private async Task<string> CohortOfAsync(string workspace, string customer) =>
        (await Eventually.ReturnsAsync(() => ProfileAsync(Server, workspace, customer), p => p.Cohort.Length > 0)).Cohort;

    /// <summary>Pairs of shares equal to nine decimals.</summary>
    private sealed class ShareTolerance : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) < 1e-9 && Math.Abs(x.Item2 - y.Item2) < 1e-9;

        public int GetHashCode((double, double) obj) => 0;
    }
}
