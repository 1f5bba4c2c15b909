using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Storage;
using Npgsql;

namespace ActorSegments.Postgres.Experiments;

/// <summary>
/// Experiment totals: the sum over the slots journal transactions wrote (migration 0015), a few rows per arm and
/// metric however many customers the experiment has.
/// </summary>
public sealed class PostgresExperimentTotals(NpgsqlDataSource dataSource) : IExperimentTotals
{
    public async Task<IReadOnlyList<ArmMetricTotals>> TotalsAsync(string workspaceId, string experimentId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT arm, metric, assigned_hour, sum(customers)::bigint, sum(conversions)::bigint, sum(amount), sum(amount_sq)
            FROM experiment_total_slots WHERE workspace_id = $1 AND experiment_id = $2
            GROUP BY arm, metric, assigned_hour ORDER BY arm COLLATE "C", metric COLLATE "C", assigned_hour
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = experimentId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var totals = new List<ArmMetricTotals>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var metric = reader.GetString(1);
            totals.Add(new ArmMetricTotals(reader.GetString(0), metric.Length == 0 ? null : metric, reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetDouble(5), reader.GetDouble(6)));
        }

        return totals;
    }
}
