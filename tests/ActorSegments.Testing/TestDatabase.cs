using Npgsql;

namespace ActorSegments.Testing;

/// <summary>A database created for one test or fixture; dropped (connections terminated) on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    internal TestDatabase(string serverConnectionString, string name, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A data source for the test's own queries against this database.</summary>
    public NpgsqlDataSource DataSource { get; }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Simulates a database outage: refuses new connections and terminates every open one (including pooled ones
    /// held by the code under test) until <see cref="RestoreConnectionsAsync"/>.
    /// </summary>
    public async Task CutConnectionsAsync()
    {
        await AdminAsync($"ALTER DATABASE \"{Name}\" WITH ALLOW_CONNECTIONS false");
        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}'");
    }

    public Task RestoreConnectionsAsync() => AdminAsync($"ALTER DATABASE \"{Name}\" WITH ALLOW_CONNECTIONS true");

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(_serverConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
