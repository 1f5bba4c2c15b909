using System.Runtime.CompilerServices;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ActorSegments.Postgres.Modeling;

/// <summary>
/// Cohort runs (<c>cohort_runs</c>, each run as JSON), their ids (<c>cohort_run_ids</c>), the current assignments
/// (<c>cohort_assignments</c>, see <see cref="CohortAssignmentUpdate"/>) and settings (<c>cohort_settings</c>).
/// </summary>
public sealed class PostgresCohortStore(NpgsqlDataSource dataSource) : ICohortStore
{
    // The row lock of the upsert orders concurrent callers: each one sees the previous one's id.
    private const string NextRunIdSql = """
        INSERT INTO cohort_run_ids (workspace_id, last_run_id) VALUES ($1, 1)
        ON CONFLICT (workspace_id) DO UPDATE SET last_run_id = cohort_run_ids.last_run_id + 1
        RETURNING last_run_id
        """;

    private const string SaveRunSql = """
        INSERT INTO cohort_runs (workspace_id, run_id, status, started_at, record) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (workspace_id, run_id) DO UPDATE SET status = excluded.status, started_at = excluded.started_at, record = excluded.record
        """;

    private const string SaveSettingsSql = """
        INSERT INTO cohort_settings (workspace_id, settings) VALUES ($1, $2)
        ON CONFLICT (workspace_id) DO UPDATE SET settings = excluded.settings
        """;

    public async Task<long> NextRunIdAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = Command(NextRunIdSql, workspaceId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task SaveRunAsync(CohortRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var command = Command(SaveRunSql, run.WorkspaceId);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = run.RunId });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)run.Status });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = run.StartedAt.ToUniversalTime() }); // the record keeps the offset
        command.Parameters.Add(Json(ModelingJson.Serialize(run)));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<CohortRun?> GetRunAsync(string workspaceId, long runId, CancellationToken cancellationToken = default)
    {
        await using var command = Command("SELECT record FROM cohort_runs WHERE workspace_id = $1 AND run_id = $2", workspaceId);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = runId });
        return (await ReadRunsAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<CohortRun>> ListRunsAsync(string workspaceId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var command = Command("SELECT record FROM cohort_runs WHERE workspace_id = $1 ORDER BY run_id DESC LIMIT $2", workspaceId);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadRunsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CohortRun?> LatestSucceededAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = Command(
            $"SELECT record FROM cohort_runs WHERE workspace_id = $1 AND status = {(short)CohortRunStatus.Succeeded} ORDER BY run_id DESC LIMIT 1", workspaceId);
        return (await ReadRunsAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async IAsyncEnumerable<CohortAssignment> ReadAssignmentsAsync(string workspaceId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = Command(
            "SELECT customer_id, cohort_id, features_as_of FROM cohort_assignments WHERE workspace_id = $1 ORDER BY customer_id", workspaceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new CohortAssignment(reader.GetString(0), reader.GetString(1), reader.GetInt64(2));
        }
    }

    public Task UpdateAssignmentsAsync(string workspaceId, IAsyncEnumerable<CohortAssignment> changed, IReadOnlyCollection<string> removed, CancellationToken cancellationToken = default) =>
        CohortAssignmentUpdate.RunAsync(dataSource, workspaceId, changed, removed, cancellationToken);

    public async Task<CohortSettings> GetSettingsAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = Command("SELECT settings FROM cohort_settings WHERE workspace_id = $1", workspaceId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json ? ModelingJson.Deserialize<CohortSettings>(json) : CohortSettings.Default;
    }

    public async Task SaveSettingsAsync(string workspaceId, CohortSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var command = Command(SaveSettingsSql, workspaceId);
        command.Parameters.Add(Json(ModelingJson.Serialize(settings)));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private NpgsqlCommand Command(string sql, string workspaceId)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        return command;
    }

    private static NpgsqlParameter<string> Json(string json) => new() { TypedValue = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static async Task<List<CohortRun>> ReadRunsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var runs = new List<CohortRun>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add(ModelingJson.Deserialize<CohortRun>(reader.GetString(0)));
        }

        return runs;
    }
}
