using System.Text.Json;
using ActorSegments.Workload;
using Npgsql;
using NpgsqlTypes;

namespace ActorSegments.SqlBaseline;

/// <summary>
/// The plain tables of the baseline: events as a shop's warehouse keeps them (with the indexes an analyst adds for
/// these queries), the CRM's customer profiles, and the refreshed membership table; loaded with binary COPY.
/// </summary>
public static class EventTable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS events (
          customer_id text NOT NULL, event_id text NOT NULL, type text NOT NULL,
          occurred_at timestamptz NOT NULL, properties jsonb NOT NULL);
        CREATE INDEX IF NOT EXISTS events_type_time ON events (type, occurred_at);
        CREATE INDEX IF NOT EXISTS events_customer ON events (customer_id);
        CREATE TABLE IF NOT EXISTS customer_profiles (
          customer_id text PRIMARY KEY, traits jsonb NOT NULL DEFAULT '{}', scores jsonb NOT NULL DEFAULT '{}', cohort text);
        CREATE TABLE IF NOT EXISTS segment_members_sql (segment_id text NOT NULL, customer_id text NOT NULL, PRIMARY KEY (segment_id, customer_id));

        -- The open cart as the engine keeps it, folded in event order: {value, items, last touched (Unix seconds)}.
        -- A removal or checkout only touches an open cart; a removal never takes it below zero.
        CREATE OR REPLACE FUNCTION cart_step(s float8[], type text, amount float8, units float8, t float8) RETURNS float8[]
        LANGUAGE sql IMMUTABLE AS $$
          SELECT CASE
            WHEN type = 'cart_added' THEN ARRAY[s[1] + amount, s[2] + units, CASE WHEN s[1] > 0 OR s[2] > 0 THEN greatest(s[3], t) ELSE t END]
            WHEN NOT (s[1] > 0 OR s[2] > 0) THEN s
            WHEN type = 'cart_removed' THEN ARRAY[greatest(0, s[1] - amount), greatest(0, s[2] - units), greatest(s[3], t)]
            WHEN type = 'checkout_started' THEN ARRAY[s[1], s[2], greatest(s[3], t)]
            ELSE s END
        $$;
        CREATE OR REPLACE AGGREGATE cart_state(text, float8, float8, float8) (SFUNC = cart_step, STYPE = float8[], INITCOND = '{0,0,0}');
        """;

    public static async Task CreateAsync(NpgsqlDataSource database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var command = database.CreateCommand(Schema);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Appends the events with binary COPY and refreshes the planner's statistics; returns how many rows.</summary>
    public static async Task<long> CopyAsync(NpgsqlDataSource database, IEnumerable<WorkloadEvent> events)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(events);
        long rows = 0;
        await using (var connection = await database.OpenConnectionAsync())
        {
            await using var writer = await connection.BeginBinaryImportAsync(
                "COPY events (customer_id, event_id, type, occurred_at, properties) FROM STDIN (FORMAT BINARY)");
            foreach (var evt in events)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(evt.CustomerId, NpgsqlDbType.Text);
                await writer.WriteAsync(evt.EventId, NpgsqlDbType.Text);
                await writer.WriteAsync(evt.Type, NpgsqlDbType.Text);
                await writer.WriteAsync(evt.OccurredAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(JsonSerializer.Serialize(evt.Properties), NpgsqlDbType.Jsonb);
                rows++;
            }

            await writer.CompleteAsync();
        }

        await using var analyze = database.CreateCommand("ANALYZE events");
        await analyze.ExecuteNonQueryAsync();
        return rows;
    }
}
