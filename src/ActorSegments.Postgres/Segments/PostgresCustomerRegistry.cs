using ActorSegments.Domain.Storage;
using Npgsql;

namespace ActorSegments.Postgres.Segments;

/// <summary>The <c>customers</c> table, paged by its key (byte order, the same as ordinal string order).</summary>
public sealed class PostgresCustomerRegistry(NpgsqlDataSource dataSource) : ICustomerRegistry
{
    public async Task<long> CountAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM customers WHERE workspace_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<IReadOnlyList<string>> PageAsync(string workspaceId, string? afterCustomerId, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT customer_id FROM customers WHERE workspace_id = $1 AND customer_id > $2 ORDER BY customer_id LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = afterCustomerId ?? string.Empty });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadIdsAsync(command, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <remarks>
    /// Ordering the workspace's rows by random() reads each of them once and keeps the smallest keys in a bounded heap:
    /// linear in the workspace, which a preview pays in exchange for a sample that is uniform.
    /// </remarks>
    public async Task<IReadOnlyList<string>> SampleAsync(string workspaceId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = dataSource.CreateCommand("SELECT customer_id FROM customers WHERE workspace_id = $1 ORDER BY random() LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadIdsAsync(command, limit, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<string>> ReadIdsAsync(NpgsqlCommand command, int limit, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<string>(limit);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
