using System.Diagnostics;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Features;

namespace ActorSegments.MlCheck;

/// <summary>
/// The whole check: read the data, then cohorts, propensity and recommendations, each printed as a markdown section
/// to <c>output</c> (progress and timings go to <c>log</c>); the rows and our figures are written to the output
/// directory for the scikit-learn peer.
/// </summary>
internal static class MlCheckRun
{
    public static async Task<OurFigures> RunAsync(MlCheckOptions options, TextWriter output, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(log);
        var clock = Stopwatch.StartNew();
        void Progress(string message) => log.WriteLine($"[ml-check] {clock.Elapsed.TotalSeconds,6:F1} s  {message}");

        Directory.CreateDirectory(options.OutputDirectory);
        Progress($"reading {options.DataPath}");
        var journal = RetailJournal.Read(options.DataPath, options.Quick ? MlCheckOptions.QuickEvery : 1);
        var model = BehaviorModel.Default;
        var referenceRows = journal.Histories.AsParallel().AsOrdered()
            .Select(h => PointInTimeFeatures.Extract(h, CheckDates.Reference, model)
                ?? throw new InvalidDataException($"Customer {h.CustomerId} has no event before {CsvExport.Date(CheckDates.Reference)}."))
            .ToList();
        var figures = new OurFigures();
        figures.Add("customers", journal.Histories.Count);
        DataSummary.Write(output, journal, referenceRows, options.Quick);

        Progress("cohorts");
        var cohorts = await CohortCheck.RunAsync(output, [.. journal.Histories.Select(h => h.CustomerId)], referenceRows, options.OutputDirectory, figures);
        Progress("cohort drift");
        await CohortDriftCheck.RunAsync(output, journal, cohorts, figures);

        output.WriteLine("## Propensity");
        output.WriteLine();
        foreach (var outcome in Outcomes.All)
        {
            Progress(outcome.Name);
            PropensityCheck.Run(output, journal.Histories, outcome, journal.FirstEvent, options.OutputDirectory, figures);
        }

        Progress("recommendations");
        RecommendationCheck.Run(output, journal.Histories, figures);

        figures.Write(Path.Combine(options.OutputDirectory, "ours.csv"));
        output.WriteLine($"Rows for the scikit-learn peer written to {options.OutputDirectory}.");
        Progress("done");
        return figures;
    }
}
