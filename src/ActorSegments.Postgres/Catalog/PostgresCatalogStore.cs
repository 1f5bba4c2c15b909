using System.Runtime.CompilerServices;
using ActorSegments.Domain.Catalog;
using Npgsql;

namespace ActorSegments.Postgres.Catalog;

/// <summary>
/// Catalogs in <c>catalog_items</c>, versions and counts in <c>catalog_versions</c> (migration 0022). A write locks the
/// workspace's version row first, so concurrent batches of one workspace apply one after the other, each whole.
/// </summary>
public sealed class PostgresCatalogStore(NpgsqlDataSource dataSource) : ICatalogStore
{
    private const string Columns = "item_id, title, description, category, brand, price, currency, tags, version";

    public async Task<CatalogWrite> UpsertAsync(string workspaceId, IReadOnlyList<CatalogItem> items, int maxItems, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (version, count) = await LockVersionAsync(connection, workspaceId, cancellationToken).ConfigureAwait(false);
        await using (var fresh = new NpgsqlCommand(
            "SELECT count(*) FROM (SELECT DISTINCT unnest($2::text[]) AS id) ids WHERE NOT EXISTS (SELECT 1 FROM catalog_items WHERE workspace_id = $1 AND item_id = ids.id)",
            connection))
        {
            fresh.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
            fresh.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. items.Select(i => i.Id)] });
            var added = (long)(await fresh.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            if (count + added > maxItems)
            {
                return new CatalogWrite(false, version, count, 0);
            }

            count += added;
        }

        version++;
        await using var batch = new NpgsqlBatch(connection);
        foreach (var item in items)
        {
            var command = new NpgsqlBatchCommand(
                $"INSERT INTO catalog_items (workspace_id, {Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                + "ON CONFLICT (workspace_id, item_id) DO UPDATE SET title = excluded.title, description = excluded.description, category = excluded.category, "
                + "brand = excluded.brand, price = excluded.price, currency = excluded.currency, tags = excluded.tags, version = excluded.version");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = item.Id });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = item.Title });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = item.Description });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. item.CategoryPath] });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = item.Brand });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Numeric, Value = item.Price is { } price ? price : DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)item.Currency ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. item.Tags] });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await SaveVersionAsync(connection, workspaceId, version, count, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new CatalogWrite(true, version, count, items.Count);
    }

    public async Task<CatalogWrite> DeleteAsync(string workspaceId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (version, count) = await LockVersionAsync(connection, workspaceId, cancellationToken).ConfigureAwait(false);
        await using var delete = new NpgsqlCommand("DELETE FROM catalog_items WHERE workspace_id = $1 AND item_id = ANY($2)", connection);
        delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        delete.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. itemIds] });
        var removed = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (removed > 0)
        {
            (version, count) = (version + 1, count - removed);
            await SaveVersionAsync(connection, workspaceId, version, count, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new CatalogWrite(true, version, count, removed);
    }

    public async Task<CatalogItem?> GetAsync(string workspaceId, string itemId, CancellationToken cancellationToken = default)
    {
        var items = await QueryAsync($"SELECT {Columns} FROM catalog_items WHERE workspace_id = $1 AND item_id = $2 LIMIT $3", workspaceId, itemId, 1, cancellationToken).ConfigureAwait(false);
        return items.Count == 0 ? null : items[0];
    }

    public Task<IReadOnlyList<CatalogItem>> ListAsync(string workspaceId, string? afterId, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM catalog_items WHERE workspace_id = $1 AND item_id > $2 ORDER BY item_id LIMIT $3", workspaceId, afterId ?? string.Empty, limit, cancellationToken);

    public async IAsyncEnumerable<CatalogItem> ReadAllAsync(string workspaceId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        const int Page = 10_000;
        string? after = null;
        while (true)
        {
            var page = await ListAsync(workspaceId, after, Page, cancellationToken).ConfigureAwait(false);
            foreach (var item in page)
            {
                yield return item;
            }

            if (page.Count < Page)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    public async Task<CatalogInfo> InfoAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT version, item_count FROM catalog_versions WHERE workspace_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new CatalogInfo(reader.GetInt64(0), reader.GetInt64(1)) : new CatalogInfo(0, 0);
    }

    /// <summary>Items of <paramref name="sql"/>, which takes the workspace ($1), an item id ($2) and a row limit ($3).</summary>
    private async Task<IReadOnlyList<CatalogItem>> QueryAsync(string sql, string workspaceId, string key, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<CatalogItem>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(new CatalogItem(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetFieldValue<string[]>(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetDecimal(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetFieldValue<string[]>(7),
                reader.GetInt64(8)));
        }

        return items;
    }

    private static async Task<(long Version, long Count)> LockVersionAsync(NpgsqlConnection connection, string workspaceId, CancellationToken cancellationToken)
    {
        // Two statements: a command with positional parameters holds one.
        await using (var create = new NpgsqlCommand("INSERT INTO catalog_versions (workspace_id, version, item_count) VALUES ($1, 0, 0) ON CONFLICT (workspace_id) DO NOTHING", connection))
        {
            create.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var command = new NpgsqlCommand("SELECT version, item_count FROM catalog_versions WHERE workspace_id = $1 FOR UPDATE", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task SaveVersionAsync(NpgsqlConnection connection, string workspaceId, long version, long count, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("UPDATE catalog_versions SET version = $2, item_count = $3 WHERE workspace_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = count });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
