using ActorSegments.Domain.Modeling;
using Npgsql;
using NpgsqlTypes;

namespace ActorSegments.Postgres.Modeling;

/// <summary>
/// Changes a workspace's cohort assignments: the changed and removed ones are copied into a temporary table as they are
/// produced (a removal as a row without a cohort), then one transaction deletes the removed rows and upserts the changed
/// ones, so readers see either run, never a mix. Only what changed is written: a refresh that moved nobody writes
/// nothing, one after a day of activity writes that day's customers instead of a million rows.
/// </summary>
/// <remarks>
/// The copy goes in chunks, each its own short statement, rather than in the transaction: a transaction that stays
/// open while the producer computes holds back the membership feed, which only shows changes older than every running
/// transaction. Only the change itself (one delete, one upsert) runs as one transaction.
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

    private const string DeleteRemoved = $"""
        DELETE FROM cohort_assignments a USING {Upload} u
        WHERE a.workspace_id = $1 AND a.customer_id = u.customer_id AND u.cohort_id IS NULL
        """;

    // A customer listed twice fails the statement ("cannot affect row a second time") and with it the whole change.
    private const string UpsertChanged = $"""
        INSERT INTO cohort_assignments (workspace_id, customer_id, cohort_id, features_as_of)
        SELECT $1, customer_id, cohort_id, features_as_of FROM {Upload} WHERE cohort_id IS NOT NULL ORDER BY customer_id
        ON CONFLICT (workspace_id, customer_id) DO UPDATE SET cohort_id = excluded.cohort_id, features_as_of = excluded.features_as_of
        """;

    public static async Task RunAsync(NpgsqlDataSource dataSource, string workspaceId, IAsyncEnumerable<CohortAssignment> changed, IReadOnlyCollection<string> removed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(removed);
        NpgsqlConnection? connection = null;
        try
        {
            var chunk = new List<(string CustomerId, CohortAssignment? Assignment)>(ChunkRows);
            await foreach (var row in Rows(changed, removed).WithCancellation(cancellationToken))
            {
                chunk.Add(row);
                if (chunk.Count == ChunkRows)
                {
                    connection ??= await OpenWithUploadAsync(dataSource, cancellationToken);
                    await CopyAsync(connection, chunk, cancellationToken);
                    chunk.Clear();
                }
            }

            if (connection is null && chunk.Count == 0)
            {
                return; // nothing changed: nothing to write
            }

            connection ??= await OpenWithUploadAsync(dataSource, cancellationToken);
            await CopyAsync(connection, chunk, cancellationToken);
            await ApplyAsync(connection, workspaceId, cancellationToken);
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>The changed assignments, then each removed customer as a row without a cohort.</summary>
    private static async IAsyncEnumerable<(string, CohortAssignment?)> Rows(IAsyncEnumerable<CohortAssignment> changed, IReadOnlyCollection<string> removed)
    {
        await foreach (var assignment in changed)
        {
            yield return (assignment.CustomerId, assignment);
        }

        foreach (var customerId in removed)
        {
            yield return (customerId, null);
        }
    }

    private static async Task<NpgsqlConnection> OpenWithUploadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var create = new NpgsqlCommand(CreateUpload, connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<(string CustomerId, CohortAssignment? Assignment)> chunk, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        await using var importer = await connection.BeginBinaryImportAsync(CopyUpload, cancellationToken);
        foreach (var (customerId, assignment) in chunk)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(customerId, NpgsqlDbType.Text, cancellationToken);
            if (assignment is null)
            {
                await importer.WriteNullAsync(cancellationToken);
                await importer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await importer.WriteAsync(assignment.CohortId, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(assignment.FeaturesAsOf, NpgsqlDbType.Bigint, cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, string workspaceId, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                WithWorkspace(LockWorkspace, workspaceId),
                WithWorkspace(DeleteRemoved, workspaceId),
                WithWorkspace(UpsertChanged, workspaceId),
                // The upload goes with the change; after a failure, the pool's session reset or the next change drops it.
                new NpgsqlBatchCommand($"DROP TABLE {Upload}"),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand WithWorkspace(string sql, string workspaceId)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        return command;
    }
}
