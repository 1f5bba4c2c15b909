using Npgsql;

namespace ActorSegments.Postgres.Tests;

/// <summary>The process's data source prepares hot statements and skips the session reset, unless told otherwise.</summary>
public sealed class PostgresDataSourceTests
{
    [Fact]
    public async Task Defaults_apply_when_the_connection_string_does_not_set_them()
    {
        await using var dataSource = PostgresDataSource.Create("Host=127.0.0.1;Username=u", "test");

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);

        Assert.Equal((64, true), (settings.MaxAutoPrepare, settings.NoResetOnClose));
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=127.0.0.1;maxautoprepare=0;NoResetOnClose=false")]
    public async Task The_connection_string_wins(string connectionString)
    {
        await using var dataSource = PostgresDataSource.Create(connectionString, "test");

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);

        Assert.Equal((0, false), (settings.MaxAutoPrepare, settings.NoResetOnClose));
    }
}
