using ActorSegments.Domain.Features;
using ActorSegments.Postgres.Features;
using ActorSegments.Testing.Storage.Modeling;

namespace ActorSegments.Postgres.Tests.Modeling;

public sealed class PostgresFeatureVersionTests
{
    [Fact]
    public async Task ReadAllAndCount_RowsOfAnotherLayoutVersion_AreLeftOut()
    {
        await using var db = await PostgresStorage.MigratedDatabaseAsync("features_versions");
        var store = new PostgresFeatureStore(db.DataSource);
        await store.UpsertAsync("w", [ModelingSamples.Row("b", 10, 1f)], TestContext.Current.CancellationToken);
        await db.ExecuteAsync($"""
            INSERT INTO customer_features VALUES
                ('w', 'a', {CustomerFeatures.Version - 1}, 10, ARRAY[1,2]::real[]),
                ('w', 'c', {CustomerFeatures.Version + 1}, 10, ARRAY[1,2,3]::real[])
            """);

        var rows = await ModelingSamples.ReadAllAsync(store, "w");

        Assert.Equal(["b"], rows.Select(r => r.CustomerId));
        Assert.Equal(1, await store.CountAsync("w", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Upsert_RowOfAnotherLayoutVersion_IsRewrittenInTheCurrentOne()
    {
        await using var db = await PostgresStorage.MigratedDatabaseAsync("features_rewrite");
        var store = new PostgresFeatureStore(db.DataSource);
        await db.ExecuteAsync($"INSERT INTO customer_features VALUES ('w', 'a', {CustomerFeatures.Version - 1}, 10, ARRAY[1,2]::real[])");

        await store.UpsertAsync("w", [ModelingSamples.Row("a", 11, 5f)], TestContext.Current.CancellationToken);

        Assert.Equal(5f, Assert.Single(await ModelingSamples.ReadAllAsync(store, "w")).Values[0]);
    }
}
