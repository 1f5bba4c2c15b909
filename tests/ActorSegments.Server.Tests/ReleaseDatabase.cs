using ActorSegments.Testing;
using Npgsql;

namespace ActorSegments.Server.Tests;

/// <summary>
/// Databases written by released servers (<c>Fixtures/make-release-db.sh</c>), restored for upgrade tests: the
/// release's own tables and rows, exactly as it left them at shutdown.
/// </summary>
internal static class ReleaseDatabase
{
    /// <summary>The fixture's path in the test output (the project copies <c>Fixtures/release-*</c> there).</summary>
    public static string FixturePath(string release, string suffix) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", $"release-{release}{suffix}");

    /// <summary>
    /// A fresh database holding the dump of <paramref name="release"/> (<c>Fixtures/release-{release}.sql</c>), run as
    /// one script. The change feed's transaction ids (<c>membership_log.txid</c>) are the ones of the server that
    /// wrote the fixture, so the feed's order across the restore means nothing; everything else is as written.
    /// </summary>
    public static async Task<TestDatabase> RestoreAsync(string release)
    {
        var script = await File.ReadAllTextAsync(FixturePath(release, ".sql"));
        var db = await TestPostgres.CreateDatabaseAsync($"release_{release}");
        try
        {
            // Its own connection, not pooled: the dump empties search_path for the rest of its session.
            var builder = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = false };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            await using var restore = new NpgsqlCommand(script, connection) { CommandTimeout = 300 };
            await restore.ExecuteNonQueryAsync();
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
