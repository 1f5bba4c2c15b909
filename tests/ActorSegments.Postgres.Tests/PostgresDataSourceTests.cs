using Npgsql;

namespace ActorSegments.Postgres.Tests;

/// <summary>The process's data source prepares hot statements and skips the session reset, unless told otherwise.</summary>
public sealed class PostgresDataSourceTests
{
    [Fact]
    public async Task Defaults_ApplyWhenTheConnectionStringDoesNotSetThem()
    {
        await using var dataSource = PostgresDataSource.Create("Host=127.0.0.1;Username=u", "test");

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);

        Assert.Equal((64, true), (settings.MaxAutoPrepare, settings.NoResetOnClose));
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=127.0.0.1;maxautoprepare=0;NoResetOnClose=false")]
    public async Task TheConnectionString_Wins(string connectionString)
    {
        await using var dataSource = PostgresDataSource.Create(connectionString, "test");

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);

        Assert.Equal((0, false), (settings.MaxAutoPrepare, settings.NoResetOnClose));
    }

    [Theory]
    [InlineData("Host=127.0.0.1", "-c idle_in_transaction_session_timeout=30000")]
    [InlineData("Host=127.0.0.1;Options=-c search_path=segments", "-c search_path=segments -c idle_in_transaction_session_timeout=30000")]
    [InlineData("Host=127.0.0.1;Options=-c idle_in_transaction_session_timeout=5000", "-c idle_in_transaction_session_timeout=5000")]
    public async Task Sessions_EndWhenIdleInsideATransactionKeepingAnyOptionsGiven(string connectionString, string expected)
    {
        await using var dataSource = PostgresDataSource.Create(connectionString, "test");

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Options);
    }

    [Fact]
    public async Task TheServer_AppliesTheIdleInTransactionLimitToTheSessions()
    {
        await using var db = await ActorSegments.Testing.TestPostgres.CreateDatabaseAsync("idle-limit");
        await using var dataSource = PostgresDataSource.Create(db.ConnectionString, "test");
        await using var command = dataSource.CreateCommand("SHOW idle_in_transaction_session_timeout");

        Assert.Equal("30s", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
