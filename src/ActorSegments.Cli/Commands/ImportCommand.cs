using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Data.Import;
using ActorSegments.Cli.Ingest;
using ActorSegments.Cli.Rendering;
using ActorSegments.Datasets.Csv;
using Spectre.Console;

namespace ActorSegments.Cli.Commands;

/// <summary><c>import</c>: streams a CSV or XLSX file (any layout, through a column mapping, or the UCI retail file) to the server.</summary>
internal static class ImportCommand
{
    /// <summary>Problems listed under the summary; the rest are counted.</summary>
    private const int ShownProblems = 5;

    public static Command Create(IAnsiConsole console)
    {
        var file = new Option<FileInfo?>("--file", "-f") { Description = "CSV file with a header row (plain or gzipped), or an XLSX workbook (its first sheet; dates read as yyyy-MM-dd HH:mm:ss)" };
        var retail = new Option<FileInfo?>("--retail") { Description = "The UCI Online Retail data: its .xlsx, the .zip it comes in, or the CSV (plain or gzipped); cleaned as published, one purchase per invoice" };
        var productLines = new Option<bool>("--product-lines") { Description = "With --retail, also a product_purchased event per invoice line" };
        var customer = new Option<string?>("--customer-column") { Description = "Column holding the customer id" };
        var time = new Option<string?>("--time-column") { Description = "Column holding when the event happened" };
        var timeFormat = new Option<string?>("--time-format") { Description = "ISO 8601 when omitted; 'unix', 'unix_ms', or a .NET format such as 'dd/MM/yyyy HH:mm' (UTC unless it has an offset)" };
        var typeColumn = new Option<string?>("--type-column") { Description = "Column holding the event type" };
        var type = new Option<string?>("--type") { Description = "One event type for every row, e.g. purchase" };
        var eventId = new Option<string?>("--event-id-column") { Description = "Column holding a unique event id (default: a hash of the row, so a re-import applies nothing twice)" };
        var properties = new Option<string[]>("--property", "-p")
        {
            Description = "A column to send as a property: column[:number|bool|string][=name] (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("import", "Stream events from a CSV or XLSX file to the server (TrackStream, batches of 500)")
        {
            file, retail, productLines, customer, time, timeFormat, typeColumn, type, eventId, properties,
        };
        return command.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            try
            {
                return await ImportAsync(parse, connection, cancellationToken);
            }
            catch (CsvFormatException ex)
            {
                // A file that is not a table (a damaged workbook or zip), found when it is opened, or a malformed line of
                // the retail file (its layout is fixed); a mapped import sets bad rows aside instead.
                console.MarkupLineInterpolated($"[red]import stopped:[/] {ex.Message}");
                return ExitCodes.Failed;
            }
        });

        async Task<int> ImportAsync(ParseResult parse, ServerConnection connection, CancellationToken cancellationToken)
        {
            if (parse.GetValue(retail) is { } retailFile)
            {
                using var retailEvents = FileEvents.Retail(Existing(retailFile), connection.Workspace, parse.GetValue(productLines));
                return await RunAsync(console, connection, retailEvents, cancellationToken);
            }

            var path = Existing(parse.GetValue(file) ?? throw new UsageException("Pass --file PATH (with a column mapping) or --retail PATH."));
            var mapping = new ImportMapping
            {
                CustomerIdColumn = parse.GetValue(customer) ?? throw new UsageException("--customer-column is required with --file."),
                OccurredAtColumn = parse.GetValue(time) ?? throw new UsageException("--time-column is required with --file."),
                OccurredAtFormat = parse.GetValue(timeFormat),
                TypeColumn = parse.GetValue(typeColumn),
                Type = parse.GetValue(type),
                EventIdColumn = parse.GetValue(eventId),
                Properties = [.. (parse.GetValue(properties) ?? []).Select(PropertySpec.Parse)],
            };
            try
            {
                using var events = FileEvents.Csv(path, mapping, connection.Workspace);
                return await RunAsync(console, connection, events, cancellationToken);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message);
            }
            catch (MissingColumnException ex)
            {
                throw new UsageException(ex.Message);
            }
        }
    }

    private static string Existing(FileInfo file) =>
        file.Exists ? file.FullName : throw new UsageException($"No file at '{file.FullName}'.");

    private static async Task<int> RunAsync(IAnsiConsole console, ServerConnection connection, FileEvents events, CancellationToken cancellationToken)
    {
        var streamer = new EventStreamer(connection.Ingest);
        var summary = await IngestProgressBar.RunAsync(console, streamer, events.Events, "importing", events.Length, _ => events.Position, cancellationToken);
        WriteSummary(console, events.RowsRead(), events.Problems, summary);
        return ExitCodes.Success;
    }

    private static void WriteSummary(IAnsiConsole console, long rows, List<CsvProblem> problems, IngestSummary summary)
    {
        var table = new Table().AddColumns("rows read", "events sent", "applied", "duplicates", "rejected");
        table.AddRow(
            rows.ToString("N0", Formats.Culture),
            summary.Sent.ToString("N0", Formats.Culture),
            summary.Applied.ToString("N0", Formats.Culture),
            summary.Duplicates.ToString("N0", Formats.Culture),
            (problems.Count + summary.Rejected).ToString("N0", Formats.Culture));
        console.Write(table);
        var shown = problems.Select(p => p.ToString()).Concat(summary.FirstRejections.Select(r => r.ToString())).Take(ShownProblems).ToList();
        foreach (var problem in shown)
        {
            console.MarkupLineInterpolated($"[yellow]rejected[/] {problem}");
        }

        var more = problems.Count + summary.Rejected - shown.Count;
        if (more > 0)
        {
            console.MarkupLineInterpolated($"... and {more:N0} more rejected");
        }
    }
}
