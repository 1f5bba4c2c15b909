using ActorSegments.Domain.Storage;
using Npgsql;

namespace ActorSegments.Postgres.Access;

/// <summary>The <c>workspaces</c> table; its ids sort in byte order, the same as ordinal string order.</summary>
public sealed class PostgresWorkspaceDirectory(NpgsqlDataSource dataSource) : IWorkspaceDirectory
{
    public async Task<bool> CreateAsync(string workspaceId, string displayName, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO workspaces (workspace_id, display_name, created_at) VALUES ($1, $2, $3) ON CONFLICT (workspace_id) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = displayName });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at.ToUniversalTime() });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<WorkspaceInfo?> FindAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT workspace_id, display_name, created_at FROM workspaces WHERE workspace_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<WorkspaceInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT workspace_id, display_name, created_at FROM workspaces ORDER BY workspace_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var workspaces = new List<WorkspaceInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            workspaces.Add(Read(reader));
        }

        return workspaces;
    }

    private static WorkspaceInfo Read(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2));
}
