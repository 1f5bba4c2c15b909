using ActorSegments.Postgres.Migrations;
using ActorSegments.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorSegments.Postgres.Tests;

public sealed class SchemaMigratorTests
{
    private static SchemaMigrator Migrator(TestDatabase db) => new(db.DataSource, NullLogger<SchemaMigrator>.Instance);

    [Fact]
    public async Task MigrateAsync_FreshDatabase_AppliesEveryScriptAndRecordsIt()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("fresh");

        var report = await Migrator(db).MigrateAsync(TestContext.Current.CancellationToken);
        var applied = await Migrator(db).GetAppliedAsync(TestContext.Current.CancellationToken);

        Assert.Equal(MigrationCatalog.All, report.Applied);
        Assert.Equal(MigrationCatalog.LatestVersion, report.SchemaVersion);
        Assert.Equal(MigrationCatalog.All.Select(m => (m.Version, m.Name, m.Checksum)), applied.Select(a => (a.Version, a.Name, a.Checksum)));
    }

    [Fact]
    public async Task MigrateAsync_SecondRun_AppliesNothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("rerun");
        await Migrator(db).MigrateAsync(TestContext.Current.CancellationToken);

        var second = await Migrator(db).MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(second.Applied);
        Assert.Equal(MigrationCatalog.LatestVersion, second.SchemaVersion);
    }

    [Fact]
    public async Task MigrateAsync_ConcurrentRunners_ApplyEachScriptExactlyOnce()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("concurrent");

        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Migrator(db).MigrateAsync(TestContext.Current.CancellationToken)));

        Assert.Equal(MigrationCatalog.All.Count, reports.Sum(r => r.Applied.Count));
        Assert.All(reports, r => Assert.Equal(MigrationCatalog.LatestVersion, r.SchemaVersion));
        Assert.Equal(MigrationCatalog.All.Count, await db.ScalarAsync<long>($"SELECT count(*) FROM {SchemaMigrator.VersionTable}"));
    }

    [Fact]
    public async Task MigrateAsync_AppliedScriptWasEdited_RefusesWithTheScriptNamed()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("edited");
        await Migrator(db).MigrateAsync(TestContext.Current.CancellationToken);
        await db.ExecuteAsync($"UPDATE {SchemaMigrator.VersionTable} SET checksum = 'abc' WHERE version = 2");

        var ex = await Assert.ThrowsAsync<SchemaMismatchException>(() => Migrator(db).MigrateAsync(TestContext.Current.CancellationToken));

        Assert.Contains($"0002_{MigrationCatalog.All[1].Name}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_DatabaseNewerThanBuild_Refuses()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("newer");
        await Migrator(db).MigrateAsync(TestContext.Current.CancellationToken);
        await db.ExecuteAsync($"INSERT INTO {SchemaMigrator.VersionTable} (version, name, checksum) VALUES ({MigrationCatalog.LatestVersion + 1}, 'future', 'x')");

        var ex = await Assert.ThrowsAsync<SchemaMismatchException>(() => Migrator(db).MigrateAsync(TestContext.Current.CancellationToken));

        Assert.Contains("only knows versions up to", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_FailingScript_LeavesNoPartialSchemaBehind()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("partial");
        // Occupy a name the second script creates, so that script fails midway.
        await db.ExecuteAsync("CREATE TABLE orleans_grain_state (x int)");

        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => Migrator(db).MigrateAsync(TestContext.Current.CancellationToken));
        var applied = await Migrator(db).GetAppliedAsync(TestContext.Current.CancellationToken);

        Assert.Equal([1], applied.Select(a => a.Version));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'"));
    }

    [Fact]
    public async Task GetAppliedAsync_NeverMigrated_IsEmpty()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("never");

        Assert.Empty(await Migrator(db).GetAppliedAsync(TestContext.Current.CancellationToken));
    }
}
