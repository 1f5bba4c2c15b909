using ActorSegments.Postgres.Migrations;
using ActorSegments.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorSegments.Postgres.Tests;

/// <summary>The optimistic-concurrency contract of the grain-state write function, exercised directly in SQL.</summary>
public sealed class GrainStateSchemaTests
{
    private static string Write(string expectedVersion) =>
        $"SELECT orleans_write_grain_state(1, 0, 0, 2, 'customer-state-v1', 'cust:acme/1', 'svc', {expectedVersion}, '\\x01'::bytea)";

    private static async Task<TestDatabase> MigratedAsync(string purpose)
    {
        var db = await TestPostgres.CreateDatabaseAsync(purpose);
        await new SchemaMigrator(db.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        return db;
    }

    [Fact]
    public async Task Write_FirstThenWithCurrentVersion_IncrementsVersion()
    {
        await using var db = await MigratedAsync("write");

        Assert.Equal(1, await db.ScalarAsync<int>(Write("NULL")));
        Assert.Equal(2, await db.ScalarAsync<int>(Write("1")));
    }

    [Fact]
    public async Task Write_SecondFirstWrite_ReportsConflictAsNull()
    {
        await using var db = await MigratedAsync("insertrace");
        await db.ScalarAsync<int>(Write("NULL"));

        var second = await db.ScalarAsync<object>(Write("NULL"));

        Assert.IsType<DBNull>(second);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM orleans_grain_state"));
    }

    [Fact]
    public async Task Write_StaleVersion_ReturnsTheSameVersionAndChangesNothing()
    {
        await using var db = await MigratedAsync("stale");
        await db.ScalarAsync<int>(Write("NULL"));
        await db.ScalarAsync<int>(Write("1"));

        var stale = await db.ScalarAsync<int>(Write("1"));

        Assert.Equal(1, stale);
        Assert.Equal(2, await db.ScalarAsync<int>("SELECT version FROM orleans_grain_state"));
    }
}
