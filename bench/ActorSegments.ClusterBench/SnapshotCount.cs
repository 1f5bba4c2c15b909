using ActorSegments.Abstractions.Customers;
using ActorSegments.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace ActorSegments.ClusterBench;

/// <summary>Customer snapshots stored for a workspace, counted in the grain storage table.</summary>
internal static class SnapshotCount
{
    public static async Task<long> CountAsync(IServiceProvider services, string workspace)
    {
        // Rows are keyed by service id, state name and grain key, as the backfill's bulk snapshot read finds them.
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT count(*) FROM orleans_grain_state WHERE service_id = $1 AND grain_type = $2 AND grain_id_string LIKE $3 AND payload IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = GrainStorageNames.CustomerState });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"{CustomerGrainKey.Prefix}{workspace}/%" });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
