using System.Text.Json;
using ActorSegments.Domain.Modeling;
using Xunit;

namespace ActorSegments.Testing.Storage.Modeling;

/// <summary>What every <see cref="Domain.Storage.ICohortStore"/> must do.</summary>
public abstract class CohortStoreContract<TStorage>
    where TStorage : IModelingStorageFactory
{
    private static readonly DateTimeOffset Started = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(2));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static CohortRun Run(string workspaceId, long runId, CohortRunStatus status) => new(
        workspaceId, runId, status, "schedule", Started.AddTicks(1_234_567 + runId), status == CohortRunStatus.Running ? null : Started.AddMinutes(runId).AddTicks(7),
        "assigning", ["recency_days", "monetary"], 2, 1234.5678901234567, double.NaN,
        [new KCandidate(2, 1234.5678901234567, 0.1), new KCandidate(3, 999.25, -0.30000000000000004)],
        [
            new CohortDescription("c-1", "Loyal", "Buys often", "rules", 10, [0.1f, float.Epsilon, float.MaxValue], Drift: new CohortDrift(
                true, 0.1 + 0.2, [0.25, -1.0 / 3], 2.5, 12, 0.75, 10, 2.0 / 3, 11, 4, "it kept 4 of its 11 previous members (36.4%), fewer than 50%", "Whales", "moved far")),
            new CohortDescription("c-2", "Lapsed", "Gone quiet", "pinned", 5, [-1e-38f, 1f / 3, 16_777_215f], Drift: new CohortDrift(
                false, 0, [], 2.5, 0, 0, 5, 1.0 / 3, 0, 0, null)),
        ],
        15, 3, 2, status == CohortRunStatus.Failed ? "ran out of memory" : null,
        new Dictionary<string, double> { ["reading features"] = 1.25, ["clustering"] = 0.1 + 0.2, ["assigning"] = 0 },
        PreviousRunId: runId - 1,
        Retired: ["c-0"]);

    [Fact]
    public async Task SaveRun_ThenGet_RoundTripsEveryField()
    {
        await using var storage = await TStorage.StartAsync("cohorts_roundtrip");
        var run = Run("w", 7, CohortRunStatus.Succeeded);

        await storage.Cohorts.SaveRunAsync(run, Cancel);
        var read = await storage.Cohorts.GetRunAsync("w", 7, Cancel);

        Assert.NotNull(read);
        AssertSameRun(run, read);
        Assert.Equal(TimeSpan.FromHours(2), read.StartedAt.Offset);
        Assert.Null(await storage.Cohorts.GetRunAsync("w", 8, Cancel));
        Assert.Null(await storage.Cohorts.GetRunAsync("w2", 7, Cancel));
    }

    [Fact]
    public async Task SaveRun_SameId_ReplacesIt()
    {
        await using var storage = await TStorage.StartAsync("cohorts_replace");
        await storage.Cohorts.SaveRunAsync(Run("w", 1, CohortRunStatus.Running), Cancel);

        var finished = Run("w", 1, CohortRunStatus.Failed);
        await storage.Cohorts.SaveRunAsync(finished, Cancel);

        AssertSameRun(finished, (await storage.Cohorts.GetRunAsync("w", 1, Cancel))!);
        Assert.Single(await storage.Cohorts.ListRunsAsync("w", 10, Cancel));
    }

    [Fact]
    public async Task ListRuns_NewestFirst_UpToTheLimit_AndLatestSucceededSkipsOthers()
    {
        await using var storage = await TStorage.StartAsync("cohorts_list");
        await storage.Cohorts.SaveRunAsync(Run("w", 2, CohortRunStatus.Succeeded), Cancel);
        await storage.Cohorts.SaveRunAsync(Run("w", 1, CohortRunStatus.Succeeded), Cancel);
        await storage.Cohorts.SaveRunAsync(Run("w", 3, CohortRunStatus.Failed), Cancel);
        await storage.Cohorts.SaveRunAsync(Run("w", 4, CohortRunStatus.Running), Cancel);
        await storage.Cohorts.SaveRunAsync(Run("w2", 9, CohortRunStatus.Succeeded), Cancel);

        var runs = await storage.Cohorts.ListRunsAsync("w", 3, Cancel);
        var latest = await storage.Cohorts.LatestSucceededAsync("w", Cancel);

        Assert.Equal([4L, 3L, 2L], runs.Select(r => r.RunId));
        AssertSameRun(Run("w", 4, CohortRunStatus.Running), runs[0]);
        Assert.NotNull(latest);
        AssertSameRun(Run("w", 2, CohortRunStatus.Succeeded), latest);
        Assert.Null(await storage.Cohorts.LatestSucceededAsync("w3", Cancel));
    }

    [Fact]
    public async Task NextRunId_ConcurrentCalls_EachGetsItsOwnAndTheyCountUp()
    {
        await using var storage = await TStorage.StartAsync("cohorts_ids");

        var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => storage.Cohorts.NextRunIdAsync("w", Cancel), Cancel)));

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), ids.Order());
        Assert.Equal(41, await storage.Cohorts.NextRunIdAsync("w", Cancel));
        Assert.Equal(1, await storage.Cohorts.NextRunIdAsync("w2", Cancel));
    }

    [Fact]
    public async Task GetSettings_NeverSaved_IsTheDefault_AndSavedSettingsRoundTrip()
    {
        await using var storage = await TStorage.StartAsync("cohorts_settings");
        var settings = new CohortSettings(6, ["frequency", "monetary"], new Dictionary<string, CohortLabelOverride>(StringComparer.Ordinal)
        {
            ["c-1"] = new("Big spenders", null, true, [0.1f, 1f / 3, float.MaxValue]),
            ["c-2"] = new("Window shoppers", "Look, rarely buy", false),
        });

        var before = await storage.Cohorts.GetSettingsAsync("w", Cancel);
        await storage.Cohorts.SaveSettingsAsync("w", CohortSettings.Default, Cancel);
        await storage.Cohorts.SaveSettingsAsync("w", settings, Cancel);
        var after = await storage.Cohorts.GetSettingsAsync("w", Cancel);

        Assert.Equal(Json(CohortSettings.Default), Json(before));
        Assert.Equal(Json(settings), Json(after));
        Assert.Null(after.Labels["c-1"].Description);
        Assert.Equal(Json(CohortSettings.Default), Json(await storage.Cohorts.GetSettingsAsync("w2", Cancel)));
    }

    /// <summary>
    /// Deeply, through JSON with its own options (records compare lists and arrays by reference), then the parts JSON
    /// could blur: each centroid value bit for bit and the clock offsets.
    /// </summary>
    private static void AssertSameRun(CohortRun expected, CohortRun actual)
    {
        // Phase times by name: a store may keep the names in another order (PostgreSQL's jsonb sorts them).
        Assert.Equal(Json(expected with { PhaseSeconds = null }), Json(actual with { PhaseSeconds = null }));
        Assert.Equal(expected.PhaseSeconds?.OrderBy(p => p.Key, StringComparer.Ordinal), actual.PhaseSeconds?.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(
            expected.Cohorts.SelectMany(c => c.Centroid).Select(BitConverter.SingleToInt32Bits),
            actual.Cohorts.SelectMany(c => c.Centroid).Select(BitConverter.SingleToInt32Bits));
        Assert.Equal((expected.StartedAt.Ticks, expected.StartedAt.Offset), (actual.StartedAt.Ticks, actual.StartedAt.Offset));
        Assert.Equal(expected.FinishedAt?.Offset, actual.FinishedAt?.Offset);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonOptions);
}
