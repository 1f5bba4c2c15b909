using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ActorSegments.ClusterBench;

/// <summary>Customer snapshots stored for a workspace, counted in the journal's snapshot table.</summary>
internal static class SnapshotCount
{
    public static async Task<long> CountAsync(IServiceProvider services, string workspace)
    {
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT count(*) FROM customer_snapshots WHERE workspace_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspace });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
