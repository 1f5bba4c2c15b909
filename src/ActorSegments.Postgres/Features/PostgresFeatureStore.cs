using System.Data;
using System.Runtime.CompilerServices;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ActorSegments.Postgres.Features;

/// <summary>
/// The feature table <c>customer_features</c>. Rows are bulk loaded by binary COPY into a temporary table and merged
/// with one statement; reads stream the workspace's rows in key order.
/// </summary>
public sealed class PostgresFeatureStore(NpgsqlDataSource dataSource) : IFeatureStore
{
    private const string CreateUpload =
        "CREATE TEMP TABLE feature_upload (customer_id text COLLATE \"C\", as_of bigint, features real[]) ON COMMIT DROP";

    private const string CopyUpload = "COPY feature_upload (customer_id, as_of, features) FROM STDIN (FORMAT BINARY)";

    // One row per customer (ON CONFLICT may touch a row only once per statement), the newest of the batch, merged in
    // key order so two writers lock shared rows in the same order.
    private const string Merge = """
        INSERT INTO customer_features (workspace_id, customer_id, version, as_of, features)
        SELECT $1, customer_id, $2, as_of, features
        FROM (SELECT DISTINCT ON (customer_id) customer_id, as_of, features FROM feature_upload ORDER BY customer_id, as_of DESC) AS u
        ORDER BY customer_id
        ON CONFLICT (workspace_id, customer_id) DO UPDATE
            SET version = excluded.version, as_of = excluded.as_of, features = excluded.features
            WHERE excluded.as_of >= customer_features.as_of
        """;

    private const string ReadSql = """
        SELECT customer_id, as_of, features FROM customer_features
        WHERE workspace_id = $1 AND version = $2
        ORDER BY customer_id
        """;

    // Through the primary key from the page's start, skipping current rows: a pass reads the workspace's rows once.
    private const string StaleSql = """
        SELECT customer_id FROM customer_features
        WHERE workspace_id = $1 AND customer_id > $2 AND version < $3
        ORDER BY customer_id
        LIMIT $4
        """;

    // One read of the table, as the cohort schedule's counts are; rare next to the feature writes.
    private const string StaleWorkspacesSql = "SELECT DISTINCT workspace_id FROM customer_features WHERE version < $1 ORDER BY workspace_id";

    public async Task UpsertAsync(string workspaceId, IReadOnlyList<FeatureRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var create = new NpgsqlCommand(CreateUpload, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(CopyUpload, cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(row.CustomerId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(row.AsOf, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(row.Values, NpgsqlDbType.Array | NpgsqlDbType.Real, cancellationToken).ConfigureAwait(false);
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var merge = new NpgsqlCommand(Merge, connection, transaction))
        {
            merge.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
            merge.Parameters.Add(new NpgsqlParameter<int> { TypedValue = CustomerFeatures.Version });
            await merge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <remarks>
    /// One query whose rows are read as they arrive: a million rows stream in about a second without being held in
    /// memory. A read-only statement takes no transaction id, so a long read holds back no other writer or feed.
    /// </remarks>
    public async IAsyncEnumerable<FeatureRow> ReadAllAsync(string workspaceId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ReadSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = CustomerFeatures.Version });
        // Columns are read in order, so rows need not be buffered whole before they are read.
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new FeatureRow(reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<float[]>(2));
        }
    }

    public async Task<long> CountAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM customer_features WHERE workspace_id = $1 AND version = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = CustomerFeatures.Version });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<IReadOnlyList<string>> ReadStaleAsync(string workspaceId, string? afterCustomerId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = dataSource.CreateCommand(StaleSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = afterCustomerId ?? string.Empty });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = CustomerFeatures.Version });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadStringsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> StaleWorkspacesAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(StaleWorkspacesSql);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = CustomerFeatures.Version });
        return await ReadStringsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<string>> ReadStringsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
