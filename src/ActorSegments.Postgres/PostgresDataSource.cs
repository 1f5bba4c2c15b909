using System.Data.Common;
using Npgsql;

namespace ActorSegments.Postgres;

/// <summary>
/// The pooled data source of an ActorSegments process, with three connection settings the workload needs unless the
/// connection string sets them itself:
/// <list type="bullet">
/// <item><c>Max Auto Prepare=64</c>: the statements run for every customer (snapshot and journal reads, the journal's
/// batch) are parsed and planned once per connection instead of on every call.</item>
/// <item><c>No Reset On Close=true</c>: a connection handed back to the pool is not reset with a round of session
/// commands (<c>DISCARD</c>, <c>RESET ALL</c>, ...) before its next use. Nothing here leaves session state behind:
/// temporary tables are dropped by their users, locks are transaction-scoped, and the one <c>LISTEN</c> is undone
/// before its connection goes back.</item>
/// <item><c>idle_in_transaction_session_timeout=30s</c> (added to <c>Options</c> unless they set it): a silo frozen
/// between the statements of a journal transaction (a long pause, a partition) would otherwise hold the journal keys
/// every other silo needs (and segment count locks that recounts wait for), stalling the cluster until someone ended
/// its session by hand.
/// No transaction here waits on anything but PostgreSQL between its statements.</item>
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

    private const string IdleInTransactionTimeout = "idle_in_transaction_session_timeout";

    /// <summary>How long PostgreSQL keeps a session idle inside an open transaction before ending it.</summary>
    public static readonly TimeSpan IdleInTransactionLimit = TimeSpan.FromSeconds(30);

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

        var options = builder.ConnectionStringBuilder.Options;
        if (options is null || !options.Contains(IdleInTransactionTimeout, StringComparison.OrdinalIgnoreCase))
        {
            var setting = $"-c {IdleInTransactionTimeout}={(long)IdleInTransactionLimit.TotalMilliseconds}";
            builder.ConnectionStringBuilder.Options = string.IsNullOrWhiteSpace(options) ? setting : $"{options} {setting}";
        }

        return builder.Build();
    }

    /// <summary>Npgsql reads keywords without regard to case or spaces ("MaxAutoPrepare" is "Max Auto Prepare").</summary>
    private static string Normalized(string keyword) => keyword.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}
