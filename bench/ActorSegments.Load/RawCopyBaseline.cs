using ActorSegments.BenchSupport;
using ActorSegments.Domain.Events;
using ActorSegments.Workload;
using Npgsql;

namespace ActorSegments.Load;

/// <summary>
/// The raw binary COPY of the events a closed-loop scenario sends, as the rows the server's journal would hold for
/// them (each customer's own sequence, the body in the server's encoding), into a scratch table made LIKE
/// <c>customer_journal</c> INCLUDING ALL (same columns, default and primary key) and dropped after each run. This is
/// the ceiling the database sets for durable ingest of those events.
/// </summary>
internal static class RawCopyBaseline
{
    public static async Task<RawCopyResult> RunAsync(string connectionString, LoadOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var rows = JournalRows(options);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var rates = new List<double>();
        for (var run = 1; run <= options.Runs; run++)
        {
            progress.WriteLine($"{DateTime.UtcNow:HH:mm:ss} raw binary COPY: run {run} of {options.Runs}");
            var table = $"load_raw_copy_{Guid.NewGuid():N}";
            await ExecuteAsync(dataSource, $"CREATE TABLE {table} (LIKE customer_journal INCLUDING ALL)", cancellationToken);
            try
            {
                rates.Add(await JournalCopy.RowsPerSecondAsync(dataSource, table, rows, cancellationToken));
            }
            finally
            {
                await ExecuteAsync(dataSource, $"DROP TABLE {table}", CancellationToken.None);
            }

            progress.WriteLine($"  {rows.Count:N0} rows: {rates[^1]:N0} rows/s");
        }

        return new RawCopyResult(rows.Count, rates);
    }

    private static List<JournalRow> JournalRows(LoadOptions options)
    {
        var workspace = WorkspaceSetup.NewWorkspaceId(0);
        var appliedAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var sequences = new Dictionary<string, long>(StringComparer.Ordinal);
        var rows = new List<JournalRow>();
        foreach (var e in EventMapping.History(options))
        {
            var sequence = sequences[e.CustomerId] = sequences.GetValueOrDefault(e.CustomerId) + 1;
            rows.Add(new JournalRow(workspace, e.CustomerId, sequence, appliedAt, e.EventId, e.Type, e.OccurredAt, JournalRecordCodec.Serialize(ToDomain(e))));
        }

        return rows;
    }

    /// <summary>The event as the server holds it after mapping the request (properties are string, double or bool).</summary>
    private static CustomerEvent ToDomain(WorkloadEvent e) => new(
        e.EventId,
        e.Type,
        e.OccurredAt,
        e.Properties.ToDictionary(p => p.Key, p => p.Value switch
        {
            string s => PropertyValue.Of(s),
            double d => PropertyValue.Of(d),
            bool b => PropertyValue.Of(b),
            _ => throw new ArgumentException($"Property '{p.Key}' has a {p.Value.GetType().Name}.", nameof(e)),
        }, StringComparer.Ordinal));

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>The raw COPY's rows and its rate in each run (rows per second).</summary>
public sealed record RawCopyResult(int Rows, IReadOnlyList<double> RowsPerSecond)
{
    public double Median => Percentiles.Median(RowsPerSecond);
}
