using ActorSegments.Domain.Modeling;
using Npgsql;
using NpgsqlTypes;

namespace ActorSegments.Postgres.Modeling;

/// <summary>
/// Replaces a workspace's cohort assignments: the new ones are copied into a temporary table as they are produced,
/// then one transaction deletes the old rows and moves the new ones in, so readers see either run, never a mix.
/// </summary>
/// <remarks>
/// The copy goes in chunks, each its own short statement, rather than in the swap transaction: a transaction that
/// stays open while the producer computes holds back the membership feed, which only shows changes older than every
/// running transaction. Only the swap itself (one delete, one insert) runs as one transaction.
/// </remarks>
internal static class CohortAssignmentSwap
{
    /// <summary>Assignments buffered per COPY.</summary>
    internal const int ChunkRows = 20_000;

    private const string Upload = "cohort_assignment_upload";

    // Two replaces of one workspace take turns: without the lock the later delete would not see the earlier one's
    // rows (its snapshot predates them) and its insert would collide with them. The first key is arbitrary but fixed
    // ("Coho" as ASCII), keeping these locks apart from other advisory locks.
    private const string LockWorkspace = "SELECT pg_advisory_xact_lock(1131374703, hashtext($1))";

    private const string CreateUpload = $"""
        DROP TABLE IF EXISTS pg_temp.{Upload};
        CREATE TEMP TABLE {Upload} (customer_id text COLLATE "C", cohort_id text, features_as_of bigint)
        """;

    private const string CopyUpload = $"COPY {Upload} (customer_id, cohort_id, features_as_of) FROM STDIN (FORMAT BINARY)";

    public static async Task RunAsync(NpgsqlDataSource dataSource, string workspaceId, IAsyncEnumerable<CohortAssignment> assignments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(CreateUpload, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var chunk = new List<CohortAssignment>(ChunkRows);
        await foreach (var assignment in assignments.WithCancellation(cancellationToken))
        {
            chunk.Add(assignment);
            if (chunk.Count == ChunkRows)
            {
                await CopyAsync(connection, chunk, cancellationToken);
                chunk.Clear();
            }
        }

        await CopyAsync(connection, chunk, cancellationToken);
        await SwapAsync(connection, workspaceId, cancellationToken);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<CohortAssignment> chunk, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        await using var importer = await connection.BeginBinaryImportAsync(CopyUpload, cancellationToken);
        foreach (var assignment in chunk)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(assignment.CustomerId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(assignment.CohortId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(assignment.FeaturesAsOf, NpgsqlDbType.Bigint, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task SwapAsync(NpgsqlConnection connection, string workspaceId, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                WithWorkspace(LockWorkspace, workspaceId),
                WithWorkspace("DELETE FROM cohort_assignments WHERE workspace_id = $1", workspaceId),
                // A customer listed twice fails the swap (primary key) and leaves the old assignments in place.
                WithWorkspace($"INSERT INTO cohort_assignments SELECT $1, customer_id, cohort_id, features_as_of FROM {Upload} ORDER BY customer_id", workspaceId),
                // The upload goes with the swap; after a failure, the pool's session reset or the next replace drops it.
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
