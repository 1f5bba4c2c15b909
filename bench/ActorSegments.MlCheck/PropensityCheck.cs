using System.Globalization;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using ActorSegments.ML.Propensity;

namespace ActorSegments.MlCheck;

/// <summary>
/// One propensity outcome on a time split (<see cref="PropensitySplit"/>): point-in-time rows and labels built by the
/// service's <see cref="PointInTimeDataset"/>, trained and measured by its <see cref="PropensityTrainer"/> on the whole
/// feature row and, to tell the features from the learner, on the tabular features alone. Exports the exact train and
/// test rows (with our test scores) for the scikit-learn peer.
/// </summary>
internal static class PropensityCheck
{
    public static void Run(TextWriter output, IReadOnlyList<CustomerHistory> histories, Outcome outcome, long dataStart, string outputDirectory, OurFigures figures)
    {
        var split = PropensitySplit.For(outcome, dataStart, CheckDates.Split, CheckDates.Reference);
        var model = BehaviorModel.Default;
        // Build refuses a cutoff whose label window ends after the given end: no training label looks past the split.
        var train = PointInTimeDataset.Build(histories, split.Training, outcome, model, CheckDates.Split);
        var test = PointInTimeDataset.Build(histories, split.Test, outcome, model, CheckDates.Reference);
        var trained = new PropensityTrainer().Train(train.ToPropensityDataset(), test.ToPropensityDataset(), new PropensityOptions());
        var tabular = new PropensityTrainer().Train(Tabular(train.ToPropensityDataset()), Tabular(test.ToPropensityDataset()), new PropensityOptions());
        var scores = test.Rows.Select(r => trained.Model.Score(r)).ToArray();
        var m = trained.Holdout;
        var raw = trained.Uncalibrated!;

        output.WriteLine($"### {outcome.Name}");
        output.WriteLine();
        output.WriteLine($"Training cutoffs (label windows end by {CsvExport.Date(CheckDates.Split)}): {string.Join(", ", split.Training.Select(CsvExport.Date))}.");
        output.WriteLine($"Test cutoffs (label windows end by {CsvExport.Date(CheckDates.Reference)} 00:00): {string.Join(", ", split.Test.Select(CsvExport.Date))}.");
        output.WriteLine();
        MarkdownTable.Write(
            output,
            ["set", "features", "rows", "positives", "AUC", "precision@0.5", "recall@0.5", "Brier"],
            [
                ["train", "", $"{train.Rows.Count:N0}", Share(train.Positives, train.Rows.Count), "", "", "", ""],
                ["test, calibrated", $"{CustomerFeatures.Count}", $"{m.Rows:N0}", Share(m.Positives, m.Rows), F(m.Auc), F(m.Precision), F(m.Recall), F(m.Brier)],
                ["test, before calibration", $"{CustomerFeatures.Count}", "", "", F(raw.Auc), F(raw.Precision), F(raw.Recall), F(raw.Brier)],
                ["test, tabular features only, calibrated", $"{CustomerFeatures.TabularCount}", "", "", F(tabular.Holdout.Auc), F(tabular.Holdout.Precision), F(tabular.Holdout.Recall), F(tabular.Holdout.Brier)],
            ]);
        output.WriteLine();
        output.WriteLine("Reliability on the test rows (ten equal-width bins; mean predicted / observed rate / rows):");
        output.WriteLine();
        MarkdownTable.Write(
            output,
            ["bin", "before calibration", "calibrated"],
            [.. Enumerable.Range(0, PropensityEvaluation.CalibrationBins).Select(b => new[] { $"{b / 10.0:0.0}-{(b + 1) / 10.0:0.0}", Bin(raw, b), Bin(m, b) })]);
        output.WriteLine();

        figures.Add($"auc_{outcome.Name}", m.Auc);
        figures.Add($"auc_{outcome.Name}_uncalibrated", raw.Auc);
        figures.Add($"auc_{outcome.Name}_tabular", tabular.Holdout.Auc);
        figures.Add($"brier_{outcome.Name}", m.Brier);
        figures.Add($"brier_{outcome.Name}_uncalibrated", raw.Brier);
        Export(Path.Combine(outputDirectory, $"propensity_{outcome.Name}_train.csv"), train, null);
        Export(Path.Combine(outputDirectory, $"propensity_{outcome.Name}_test.csv"), test, scores);
    }

    private static PropensityDataset Tabular(PropensityDataset set) =>
        new([.. set.Rows.Select(r => r[..CustomerFeatures.TabularCount])], set.Labels) { Groups = set.Groups };

    private static string Bin(PropensityMetrics metrics, int bin) =>
        metrics.Calibration.FirstOrDefault(b => (int)Math.Round(b.From * PropensityEvaluation.CalibrationBins) == bin) is { } b
            ? $"{F(b.MeanPredicted)} / {F(b.ObservedRate)} / {b.Count:N0}"
            : "";

    private static void Export(string path, PointInTimeDataset set, double[]? scores) => CsvExport.Write(
        path,
        ["customer_id", "cutoff", .. CustomerFeatures.Definitions.Select(d => d.Name), "label", .. scores is null ? Array.Empty<string>() : ["our_score"]],
        set.Rows.Select((row, i) => row.Select(v => CsvExport.Number(v))
            .Prepend(CsvExport.Date(set.Samples[i].Cutoff))
            .Prepend(set.Samples[i].CustomerId)
            .Append(set.Labels[i] ? "1" : "0")
            .Concat(scores is null ? [] : [CsvExport.Number(scores[i])])));

    private static string Share(int part, int whole) => $"{part:N0} ({(whole == 0 ? 0 : (double)part / whole).ToString("0.0%", CultureInfo.InvariantCulture)})";

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
