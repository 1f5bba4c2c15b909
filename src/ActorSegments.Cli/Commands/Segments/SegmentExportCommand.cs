using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Export;
using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Commands.Segments;

/// <summary>
/// <c>segments export</c>: the exactly-once sync recipe of the segment API as a command. Without a cursor it stores the
/// feed's head, writes every member, and (with <c>--follow</c>) goes on with the changes after that head; with a cursor
/// it writes only the changes after it. Either way it says the cursor to resume from, and keeps it in
/// <c>--cursor-file</c> after every page when asked, so an interrupted export resumes with no gap and no duplicate.
/// </summary>
internal static class SegmentExportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "Segment id" };
        var format = new Option<ExportFormat>("--format") { Description = "csv or jsonl", DefaultValueFactory = _ => ExportFormat.Csv };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output)" };
        var cursor = new Option<string?>("--cursor") { Description = "Resume: write only the changes after this cursor" };
        var cursorFile = new Option<FileInfo?>("--cursor-file") { Description = "Keep the resume cursor here (read at start when --cursor is absent, rewritten after every page)" };
        var follow = new Option<bool>("--follow") { Description = "Keep going: write each change as it happens until interrupted" };
        var noFormulaGuard = new Option<bool>("--no-formula-guard")
        {
            Description = "CSV: write every cell as stored. By default a cell that starts with = + - @, a tab or a carriage return (also after spaces) gets a ' in front, so a spreadsheet shows it instead of running it as a formula",
        };
        var command = new Command("export", "Write a segment's members, then its changes, as CSV or JSON lines. CSV cells a spreadsheet would run as formulas are prefixed with ' (see --no-formula-guard)")
        {
            id, format, output, cursor, cursorFile, follow, noFormulaGuard,
        };
        return command.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var file = parse.GetValue(output);
            var stateFile = parse.GetValue(cursorFile);
            var start = parse.GetValue(cursor) ?? (stateFile is { Exists: true } ? (await File.ReadAllTextAsync(stateFile.FullName, cancellationToken)).Trim() : null);
            var job = new ExportJob(connection, parse.GetRequiredValue(id), stateFile);

            // A resumed export appends to its file; a fresh one starts it over.
            var continuing = start is not null && file is { Exists: true, Length: > 0 };
            await using var writerStream = file is null ? null : new StreamWriter(file.FullName, append: start is not null);
            var writer = new ExportWriter(writerStream ?? console.Profile.Out.Writer, parse.GetValue(format), continuing, guardFormulas: !parse.GetValue(noFormulaGuard));
            var next = await job.RunAsync(writer, start, parse.GetValue(follow), cancellationToken);
            await writer.FlushAsync();

            // Status goes where it cannot corrupt data written to standard output.
            var message = $"exported {writer.Rows:N0} rows; resume with --cursor {next}";
            if (file is null)
            {
                await Console.Error.WriteLineAsync(message);
            }
            else
            {
                console.WriteLine(message);
            }

            return ExitCodes.Success;
        });
    }

    /// <summary>One export run: members and/or changes, the cursor saved as it advances.</summary>
    private sealed class ExportJob(ServerConnection connection, string segmentId, FileInfo? cursorFile)
    {
        /// <summary>Returns the cursor to resume from.</summary>
        public async Task<string> RunAsync(ExportWriter writer, string? cursor, bool follow, CancellationToken cancellationToken)
        {
            if (cursor is null)
            {
                cursor = await connection.HeadCursorAsync(segmentId, cancellationToken);
                await foreach (var member in connection.MembersAsync(segmentId, cancellationToken: cancellationToken))
                {
                    writer.Member(member);
                }

                await SaveAsync(writer, cursor, cancellationToken);
            }

            await foreach (var page in connection.ChangePagesAsync(segmentId, cursor, cancellationToken: cancellationToken))
            {
                foreach (var change in page.Changes)
                {
                    writer.Change(change);
                }

                cursor = page.NextCursor;
                await SaveAsync(writer, cursor, cancellationToken);
            }

            return follow ? await FollowAsync(writer, cursor, cancellationToken) : cursor;
        }

        private async Task<string> FollowAsync(ExportWriter writer, string cursor, CancellationToken cancellationToken)
        {
            using var watch = connection.Segments.WatchChanges(
                new WatchChangesRequest { WorkspaceId = connection.Workspace, SegmentId = segmentId, Cursor = cursor },
                cancellationToken: cancellationToken);
            try
            {
                while (await watch.ResponseStream.MoveNext(cancellationToken))
                {
                    writer.Change(watch.ResponseStream.Current);
                    cursor = watch.ResponseStream.Current.Cursor;
                    await SaveAsync(writer, cursor, cancellationToken);
                }
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or Grpc.Core.RpcException)
            {
                // Interrupted by the user: everything written so far is covered by the saved cursor.
            }

            return cursor;
        }

        /// <summary>Flushes the rows first, so the saved cursor never runs ahead of what was written.</summary>
        private async Task SaveAsync(ExportWriter writer, string cursor, CancellationToken cancellationToken)
        {
            await writer.FlushAsync();
            if (cursorFile is not null)
            {
                await File.WriteAllTextAsync(cursorFile.FullName, cursor, CancellationToken.None);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
