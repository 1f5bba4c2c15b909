using ActorSegments.Domain.Modeling;
using Npgsql;
using NpgsqlTypes;

namespace ActorSegments.Postgres.Modeling;

/// <summary>
/// Changes a workspace's cohort assignments: the changed ones are copied into a temporary table as they are produced,
/// then one transaction deletes the removed customers' rows and upserts the changed ones, so readers see either run,
/// never a mix. Only what changed is written: a refresh that moved nobody writes nothing, one after a day of activity
/// writes that day's customers instead of a million rows.
/// </summary>
/// <remarks>
/// The copy goes in chunks, each its own short statement, rather than in the transaction: a transaction that stays
/// open while the producer computes holds back the membership feed, which only shows changes older than every running
/// transaction. Neither statement joins the upload to the assignments: the upsert probes the key row by row, the
/// delete looks its customers up by key. A join was planned on statistics that know nothing of the temporary table
/// and little of a new workspace, and once took 19 s (a nested loop) for 5,000 rows of a 100,000-customer workspace.
/// </remarks>
internal static class CohortAssignmentUpdate
{
    /// <summary>Rows buffered per COPY.</summary>
    internal const int ChunkRows = 20_000;

    private const string Upload = "cohort_assignment_upload";

    // Two changes of one workspace take turns, so each one's upsert sees the other's rows. The first key is arbitrary
    // but fixed ("Coho" as ASCII), keeping these locks apart from other advisory locks.
    private const string LockWorkspace = "SELECT pg_advisory_xact_lock(1131374703, hashtext($1))";

    private const string CreateUpload = $"""
        DROP TABLE IF EXISTS pg_temp.{Upload};
        CREATE TEMP TABLE {Upload} (customer_id text COLLATE "C", cohort_id text, features_as_of bigint)
        """;

    private const string CopyUpload = $"COPY {Upload} (customer_id, cohort_id, features_as_of) FROM STDIN (FORMAT BINARY)";

    private const string DeleteRemoved = "DELETE FROM cohort_assignments WHERE workspace_id = $1 AND customer_id = ANY($2)";

    // A customer listed twice fails the statement ("cannot affect row a second time") and with it the whole change.
    private const string UpsertChanged = $"""
        INSERT INTO cohort_assignments (workspace_id, customer_id, cohort_id, features_as_of)
        SELECT $1, customer_id, cohort_id, features_as_of FROM {Upload} ORDER BY customer_id
        ON CONFLICT (workspace_id, customer_id) DO UPDATE SET cohort_id = excluded.cohort_id, features_as_of = excluded.features_as_of
        """;

    public static async Task RunAsync(NpgsqlDataSource dataSource, string workspaceId, IAsyncEnumerable<CohortAssignment> changed, IReadOnlyCollection<string> removed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(removed);
        NpgsqlConnection? connection = null;
        try
        {
            var uploaded = false;
            var chunk = new List<CohortAssignment>(ChunkRows);
            await foreach (var assignment in changed.WithCancellation(cancellationToken))
            {
                chunk.Add(assignment);
                if (chunk.Count == ChunkRows)
                {
                    connection ??= await OpenWithUploadAsync(dataSource, cancellationToken).ConfigureAwait(false);
                    uploaded |= await CopyAsync(connection, chunk, cancellationToken).ConfigureAwait(false);
                }
            }

            if (chunk.Count > 0)
            {
                connection ??= await OpenWithUploadAsync(dataSource, cancellationToken).ConfigureAwait(false);
                uploaded |= await CopyAsync(connection, chunk, cancellationToken).ConfigureAwait(false);
            }

            if (uploaded || removed.Count > 0)
            {
                connection ??= await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await ApplyAsync(connection, workspaceId, uploaded, [.. removed], cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<NpgsqlConnection> OpenWithUploadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var create = new NpgsqlCommand(CreateUpload, connection);
        await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Copies the chunk into the upload and empties it; true when it held a row.</summary>
    private static async Task<bool> CopyAsync(NpgsqlConnection connection, List<CohortAssignment> chunk, CancellationToken cancellationToken)
    {
        await using (var importer = await connection.BeginBinaryImportAsync(CopyUpload, cancellationToken).ConfigureAwait(false))
        {
            foreach (var assignment in chunk)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(assignment.CustomerId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(assignment.CohortId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(assignment.FeaturesAsOf, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var copied = chunk.Count > 0;
        chunk.Clear();
        return copied;
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, string workspaceId, bool uploaded, string[] removed, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(WithWorkspace(LockWorkspace, workspaceId));
        if (removed.Length > 0)
        {
            var delete = WithWorkspace(DeleteRemoved, workspaceId);
            delete.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = removed });
            batch.BatchCommands.Add(delete);
        }

        if (uploaded)
        {
            batch.BatchCommands.Add(WithWorkspace(UpsertChanged, workspaceId));
            // The upload goes with the change; after a failure, the next change drops it.
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"DROP TABLE {Upload}"));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlBatchCommand WithWorkspace(string sql, string workspaceId)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        return command;
    }
}
