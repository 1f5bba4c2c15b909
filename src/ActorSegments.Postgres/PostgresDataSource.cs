using System.Data.Common;
using Npgsql;

namespace ActorSegments.Postgres;

/// <summary>
/// The pooled data source of an ActorSegments process, with two connection settings the workload needs unless the
/// connection string sets them itself:
/// <list type="bullet">
/// <item><c>Max Auto Prepare=64</c>: the statements run for every customer (snapshot and journal reads, the journal's
/// batch) are parsed and planned once per connection instead of on every call.</item>
/// <item><c>No Reset On Close=true</c>: a connection handed back to the pool is not reset with a round of session
/// commands (<c>DISCARD</c>, <c>RESET ALL</c>, ...) before its next use. Nothing here leaves session state behind:
/// temporary tables are dropped by their users, locks are transaction-scoped, and the one <c>LISTEN</c> is undone
/// before its connection goes back.</item>
/// </list>
/// Measured on a first push of cohorts to 50,000 new customers (2 cores): about 2,200 customers/s without either,
/// 2,800/s with auto-prepare, 3,100/s with both (docs/benchmarks.md).
/// </summary>
public static class PostgresDataSource
{
    private static readonly (string Keyword, Action<NpgsqlConnectionStringBuilder> Apply)[] Defaults =
    [
        ("Max Auto Prepare", b => b.MaxAutoPrepare = 64),
        ("No Reset On Close", b => b.NoResetOnClose = true),
    ];

    public static NpgsqlDataSource Create(string? connectionString, string name)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString) { Name = name };
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var keywords = given.Keys.Cast<string>().Select(Normalized).ToHashSet(StringComparer.Ordinal);
        foreach (var (keyword, apply) in Defaults)
        {
            if (!keywords.Contains(Normalized(keyword)))
            {
                apply(builder.ConnectionStringBuilder);
            }
        }

        return builder.Build();
    }

    /// <summary>Npgsql reads keywords without regard to case or spaces ("MaxAutoPrepare" is "Max Auto Prepare").</summary>
    private static string Normalized(string keyword) => keyword.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}
