using System.Text;
using Npgsql;

namespace ActorSegments.Testing;

/// <summary>
/// Searches every table of the database's schema for a text: every text, varchar, char, json and jsonb column (and
/// arrays of them, as text) for the text itself, every bytea column for its UTF-8 bytes.
/// </summary>
public static class SchemaScan
{
    private const string ColumnsSql = """
        SELECT c.table_name, c.column_name, c.data_type, c.udt_name
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
            AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
                 OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar', '_bpchar', '_json', '_jsonb')))
        ORDER BY c.table_name, c.column_name
        """;

    /// <summary>The columns searched, as <c>table.column</c>.</summary>
    public static async Task<IReadOnlyList<string>> ColumnsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default) =>
        [.. (await ReadColumnsAsync(dataSource, cancellationToken)).Select(c => $"{c.Table}.{c.Column}")];

    /// <summary>Each <c>table.column</c> holding <paramref name="text"/>, with how many rows do.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> FindAsync(NpgsqlDataSource dataSource, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var found = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (table, column, isBytes) in await ReadColumnsAsync(dataSource, cancellationToken))
        {
            var match = isBytes ? $"position($1 in \"{column}\") > 0" : $"strpos(\"{column}\"::text, $1) > 0";
            await using var count = dataSource.CreateCommand($"SELECT count(*) FROM \"{table}\" WHERE {match}");
            count.Parameters.Add(isBytes ? new NpgsqlParameter<byte[]> { TypedValue = Encoding.UTF8.GetBytes(text) } : new NpgsqlParameter<string> { TypedValue = text });
            if ((long)(await count.ExecuteScalarAsync(cancellationToken))! is > 0 and var rows)
            {
                found[$"{table}.{column}"] = rows;
            }
        }

        return found;
    }

    private static async Task<List<(string Table, string Column, bool IsBytes)>> ReadColumnsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var columns = new List<(string, string, bool)>();
        await using var command = dataSource.CreateCommand(ColumnsSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2) == "bytea"));
        }

        return columns;
    }
}
