using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Webhooks;
using Npgsql;
using NpgsqlTypes;

namespace ActorSegments.Postgres.Webhooks;

/// <summary>Webhook destinations in <c>webhook_destinations</c>, their delivery logs in <c>webhook_deliveries</c>.</summary>
public sealed class PostgresWebhookStore(NpgsqlDataSource dataSource) : IWebhookStore
{
    private const string Columns = "definition::text, signing_key, status, version, start_cursor, cursors::text, created_at, updated_at, failing_since, last_error";

    private const string CreateSql = """
        INSERT INTO webhook_destinations (workspace_id, webhook_id, definition, signing_key, status, version, start_cursor, cursors, created_at, updated_at, failing_since, last_error)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        ON CONFLICT (workspace_id, webhook_id) DO NOTHING
        """;

    private const string SaveSql = """
        UPDATE webhook_destinations SET definition = $3, signing_key = $4, status = $5, version = $6, start_cursor = $7, cursors = $8,
            created_at = $9, updated_at = $10, failing_since = $11, last_error = $12
        WHERE workspace_id = $1 AND webhook_id = $2
        """;

    private const string AppendSql = """
        INSERT INTO webhook_deliveries (workspace_id, webhook_id, message_id, segment_id, changes, attempted_at, attempt, outcome, status_code, latency_ms, error)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        """;

    // Trims in the same round trip: everything older than the newest `keep` of the destination.
    private const string TrimSql = """
        DELETE FROM webhook_deliveries WHERE workspace_id = $1 AND webhook_id = $2 AND sequence <=
            (SELECT sequence FROM webhook_deliveries WHERE workspace_id = $1 AND webhook_id = $2 ORDER BY sequence DESC OFFSET $3 LIMIT 1)
        """;

    private const string DeliveriesSql = """
        SELECT message_id, segment_id, changes, attempted_at, attempt, outcome, status_code, latency_ms, error FROM webhook_deliveries
        WHERE workspace_id = $1 AND webhook_id = $2 ORDER BY sequence DESC LIMIT $3
        """;

    public async Task<bool> CreateAsync(string workspaceId, StoredWebhook webhook, CancellationToken cancellationToken = default)
    {
        await using var command = Write(CreateSql, workspaceId, webhook);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<bool> SaveAsync(string workspaceId, StoredWebhook webhook, CancellationToken cancellationToken = default)
    {
        await using var command = Write(SaveSql, workspaceId, webhook);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<StoredWebhook?> GetAsync(string workspaceId, string webhookId, CancellationToken cancellationToken = default)
    {
        var found = await ReadAsync($"SELECT {Columns} FROM webhook_destinations WHERE workspace_id = $1 AND webhook_id = $2", cancellationToken, workspaceId, webhookId).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<StoredWebhook>> ListAsync(string workspaceId, CancellationToken cancellationToken = default) =>
        ReadAsync($"SELECT {Columns} FROM webhook_destinations WHERE workspace_id = $1 ORDER BY webhook_id", cancellationToken, workspaceId);

    public async Task<IReadOnlyList<(string WorkspaceId, string WebhookId)>> ListActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT workspace_id, webhook_id FROM webhook_destinations WHERE status = $1");
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)WebhookStatus.Active });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var active = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            active.Add((reader.GetString(0), reader.GetString(1)));
        }

        return active;
    }

    public async Task<bool> DeleteAsync(string workspaceId, string webhookId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Keyed("DELETE FROM webhook_deliveries WHERE workspace_id = $1 AND webhook_id = $2", workspaceId, webhookId),
                Keyed("DELETE FROM webhook_destinations WHERE workspace_id = $1 AND webhook_id = $2", workspaceId, webhookId),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return batch.BatchCommands[1].RecordsAffected == 1;
    }

    public async Task AppendDeliveryAsync(string workspaceId, string webhookId, WebhookDelivery delivery, int keep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var append = Keyed(AppendSql, workspaceId, webhookId);
        append.Parameters.Add(new NpgsqlParameter<string> { TypedValue = delivery.MessageId });
        append.Parameters.Add(new NpgsqlParameter { Value = (object?)delivery.SegmentId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        append.Parameters.Add(new NpgsqlParameter<int> { TypedValue = delivery.Changes });
        append.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = delivery.AttemptedAt });
        append.Parameters.Add(new NpgsqlParameter<int> { TypedValue = delivery.Attempt });
        append.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)delivery.Outcome });
        append.Parameters.Add(new NpgsqlParameter { Value = (object?)delivery.StatusCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        append.Parameters.Add(new NpgsqlParameter<double> { TypedValue = delivery.Latency.TotalMilliseconds });
        append.Parameters.Add(new NpgsqlParameter { Value = (object?)delivery.Error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var trim = Keyed(TrimSql, workspaceId, webhookId);
        trim.Parameters.Add(new NpgsqlParameter<int> { TypedValue = keep });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { append, trim } };
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string workspaceId, string webhookId, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(DeliveriesSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = webhookId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var deliveries = new List<WebhookDelivery>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            deliveries.Add(new WebhookDelivery(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetInt32(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetInt32(4),
                (WebhookDeliveryOutcome)reader.GetInt16(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                TimeSpan.FromMilliseconds(reader.GetDouble(7)),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return deliveries;
    }

    private static NpgsqlBatchCommand Keyed(string sql, string workspaceId, string webhookId) => new(sql)
    {
        Parameters = { new NpgsqlParameter<string> { TypedValue = workspaceId }, new NpgsqlParameter<string> { TypedValue = webhookId } },
    };

    private NpgsqlCommand Write(string sql, string workspaceId, StoredWebhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = webhook.Definition.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = WebhookJson.Definition(webhook.Definition), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = webhook.Key });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)webhook.Status });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = webhook.Version });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = webhook.Start.ToToken() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = WebhookJson.Cursors(webhook.Cursors), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = webhook.CreatedAt });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = webhook.UpdatedAt });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)webhook.FailingSince ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)webhook.LastError ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return command;
    }

    private async Task<IReadOnlyList<StoredWebhook>> ReadAsync(string sql, CancellationToken cancellationToken, params string[] keys)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var key in keys)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var webhooks = new List<StoredWebhook>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            webhooks.Add(new StoredWebhook(
                WebhookJson.ReadDefinition(reader.GetString(0)),
                reader.GetFieldValue<byte[]>(1),
                (WebhookStatus)reader.GetInt16(2),
                reader.GetInt32(3),
                WebhookJson.Cursor(reader.GetString(4)),
                WebhookJson.ReadCursors(reader.GetString(5)),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return webhooks;
    }
}
