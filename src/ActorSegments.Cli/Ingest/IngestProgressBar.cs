using Spectre.Console;

namespace ActorSegments.Cli.Ingest;

/// <summary>Runs a stream of events under a Spectre progress bar.</summary>
internal static class IngestProgressBar
{
    /// <summary>
    /// Sends <paramref name="events"/>; the bar runs from 0 to <paramref name="total"/>, at <paramref name="position"/>
    /// of each acknowledgement (events, bytes or days: whatever the caller can measure up front).
    /// </summary>
    public static Task<IngestSummary> RunAsync(
        IAnsiConsole console,
        EventStreamer streamer,
        IEnumerable<SourcedEvent> events,
        string description,
        double total,
        Func<IngestProgress, double> position,
        CancellationToken cancellationToken) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: total);
                var summary = await streamer.SendAsync(events, p => task.Value = Math.Min(total, position(p)), cancellationToken);
                task.Value = total;
                return summary;
            });
}
