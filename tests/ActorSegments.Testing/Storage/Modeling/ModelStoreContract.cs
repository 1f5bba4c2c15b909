using System.Text.Json.Nodes;
using ActorSegments.Domain.Modeling;
using Xunit;

namespace ActorSegments.Testing.Storage.Modeling;

/// <summary>What every <see cref="Domain.Storage.IModelStore"/> must do.</summary>
public abstract class ModelStoreContract<TStorage>
    where TStorage : IModelingStorageFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Add_Concurrently_NumbersVersionsOneTwoThree_AndLatestIsTheThird()
    {
        await using var storage = await TStorage.StartAsync("models_versions");

        var added = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => Task.Run(() =>
            storage.Models.AddAsync("w", "purchase_30d", "propensity", $$"""{"auc": 0.{{i}}}""", [(byte)i, 0, 0xFF], null, Cancel), Cancel)));
        var latest = await storage.Models.LatestAsync("w", "purchase_30d", Cancel);

        Assert.Equal([1, 2, 3], added.Select(a => a.Version).Order());
        var third = added.Single(a => a.Version == 3);
        Assert.NotNull(latest);
        Assert.Equal((3, "propensity", "purchase_30d", "w"), (latest.Version, latest.Kind, latest.Name, latest.WorkspaceId));
        Assert.Equal(third.Payload, latest.Payload);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(third.MetricsJson), JsonNode.Parse(latest.MetricsJson)));
        Assert.Null(await storage.Models.LatestAsync("w", "recommendations", Cancel));
        Assert.Null(await storage.Models.LatestAsync("w2", "purchase_30d", Cancel));
    }

    [Fact]
    public async Task List_EveryVersionNewestFirst_WithoutPayloads_OnlyThatWorkspace()
    {
        await using var storage = await TStorage.StartAsync("models_list");
        await storage.Models.AddAsync("w", "a", "propensity", """{"n": 1}""", [1], null, Cancel);
        await storage.Models.AddAsync("w", "b", "recommendations", """{"n": 2}""", [2], null, Cancel);
        await storage.Models.AddAsync("w", "a", "propensity", """{"n": 3, "bins": [0.1, 0.2]}""", [3], null, Cancel);
        await storage.Models.AddAsync("w2", "a", "propensity", "{}", [4], null, Cancel);

        var versions = await storage.Models.ListAsync("w", Cancel);

        Assert.Equal([("a", 2), ("b", 1), ("a", 1)], versions.Select(v => (v.Name, v.Version)));
        Assert.All(versions, v => Assert.Empty(v.Payload));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"n": 3, "bins": [0.1, 0.2]}"""), JsonNode.Parse(versions[0].MetricsJson)));
        Assert.True(versions[0].CreatedAt >= versions[1].CreatedAt && versions[1].CreatedAt >= versions[2].CreatedAt);
        Assert.Empty(await storage.Models.ListAsync("w3", Cancel));
    }

    [Fact]
    public async Task Add_WithAScoreDistribution_LatestGivesItBack_ListingsLeaveItOut()
    {
        await using var storage = await TStorage.StartAsync("models_distribution");
        double[] scores = [0.1, 0.25, 0.25, 0.9, 0.0];
        await storage.Models.AddAsync("w", "purchase_30d", "propensity", "{}", [1], ScoreDistribution.Of(scores), Cancel);

        var latest = await storage.Models.LatestAsync("w", "purchase_30d", Cancel);

        Assert.NotNull(latest?.Distribution);
        Assert.Equal((5L, 4), (latest.Distribution.Customers, latest.Distribution.DistinctScores));
        Assert.Equal([0.0, 20.0, 40.0, 80.0, 100.0], ((double[])[0.0, 0.1, 0.25, 0.9, 1.0]).Select(latest.Distribution.PercentileOf));
        Assert.All(await storage.Models.ListAsync("w", Cancel), v => Assert.Null(v.Distribution));
    }
}
