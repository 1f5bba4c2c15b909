using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ActorSegments.Datasets.Synthetic;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Modeling.Uplift;
using ActorSegments.Domain.Time;
using ActorSegments.ML.Propensity;
using ActorSegments.ML.Uplift;

namespace ActorSegments.UpliftCheck;

/// <summary>
/// The uplift model's pipeline outside the server, on the same code the model grain runs: the trial's journal, the
/// examples, the stratified split, the two-model learner and a plain propensity model, the evaluation, and the
/// evaluation customers' scores for the Python peer.
/// </summary>
internal static class UpliftCheckRun
{
    public static readonly DateTime Start = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    public static void Run(UpliftCheckOptions options, TextWriter output, TextWriter progress)
    {
        var clock = Stopwatch.StartNew();
        var trial = new UpliftTrial(options.Seed, options.Customers, options.HistoryDays, Start, treatedShare: options.TreatedShare, workspaceId: "uplift-check");
        var histories = TrialJournal.Read(trial);
        progress.WriteLine($"[uplift-check] {trial.Customers.Count} customers, {histories.Sum(h => h.Entries.Count)} journal records ({clock.Elapsed.TotalSeconds:0.0} s)");

        var experiment = CompiledExperiment.Compile(Definition(trial), BehaviorModel.Default.Schema);
        var dataEnd = UnixTime.Seconds(new DateTimeOffset(Start.AddDays(trial.WindowDays + 1)));
        var examples = UpliftExamples.Build(histories, experiment, BehaviorModel.Default, dataEnd);
        var (train, evaluation) = UpliftSplit.Split(examples.Examples);
        progress.WriteLine($"[uplift-check] {examples.Examples.Count} examples, {train.Count} to train, {evaluation.Count} to evaluate ({clock.Elapsed.TotalSeconds:0.0} s)");

        var trained = new TwoModelUpliftTrainer().Train(UpliftExamples.ToDataset(train), UpliftExamples.ToDataset(evaluation), UpliftDefaults.Options);
        var baseline = new PropensityTrainer().Train(UpliftExamples.ToDataset(train).IgnoringArm(), UpliftExamples.ToDataset(evaluation).IgnoringArm(), UpliftDefaults.Options);
        progress.WriteLine($"[uplift-check] trained ({clock.Elapsed.TotalSeconds:0.0} s)");

        var truth = trial.Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var evaluated = UpliftEvaluation.Of(evaluation, trained.Model.Score, baseline.Model.Score);
        var oracle = UpliftRankingQuality.Of("true uplift", [.. evaluation.Select(e => new UpliftObservation(truth[e.CustomerId].TrueUplift, e.Treated, e.Converted))]);
        Directory.CreateDirectory(options.Out);
        var rows = Export(Path.Combine(options.Out, "evaluation_scores.csv"), evaluation, trained.Model, baseline.Model, truth);
        File.WriteAllText(Path.Combine(options.Out, "csharp_figures.json"), JsonSerializer.Serialize(Figures(rows)));

        UpliftReport.Write(output, trial, examples, train.Count, evaluated, oracle, trained, Groups(evaluation, trained.Model, truth));
        ScoringCost.Write(output, [.. examples.Examples.Select(e => e.Features)], trained.Model);
    }

    private static ExperimentDefinition Definition(UpliftTrial trial) => new(
        trial.ExperimentId,
        "Synthetic randomized email campaign",
        "email",
        AssignmentMode.External,
        null,
        [new ExperimentArm(UpliftTrial.TreatedArm, trial.TreatedShare), new ExperimentArm(UpliftTrial.ControlArm, 1 - trial.TreatedShare, Control: true)],
        [new ExperimentMetric($"purchase_{trial.WindowDays}d", MetricKind.Conversion, "purchase", null, null, trial.WindowDays)],
        trial.ExperimentId,
        new ExternalAssignment(UpliftTrial.AssignmentEventType));

    /// <summary>Per group: customers, mean true uplift, mean predicted uplift: does the model find who the message moves?</summary>
    private static List<(UpliftGroup Group, int Customers, double TrueUplift, double Predicted)> Groups(IReadOnlyList<UpliftExample> evaluation, UpliftModel model, Dictionary<string, UpliftTrialCustomer> truth) =>
        [.. evaluation.GroupBy(e => truth[e.CustomerId].Group).OrderBy(g => g.Key).Select(g => (g.Key, g.Count(), g.Average(e => truth[e.CustomerId].TrueUplift), g.Average(e => model.Score(e.Features))))];

    private static List<ExportedRow> Export(string path, IReadOnlyList<UpliftExample> evaluation, UpliftModel uplift, Domain.Modeling.IScoringModel propensity, Dictionary<string, UpliftTrialCustomer> truth)
    {
        var rows = evaluation.Select(e => new ExportedRow(e.CustomerId, e.Treated, e.Converted, uplift.Score(e.Features), propensity.Score(e.Features), truth[e.CustomerId].TrueUplift)).ToList();
        using var writer = new StreamWriter(path);
        writer.WriteLine("customer_id,treated,converted,uplift,propensity,true_uplift");
        foreach (var r in rows)
        {
            writer.WriteLine(string.Join(',', r.CustomerId, r.Treated ? 1 : 0, r.Converted ? 1 : 0, R(r.Uplift), R(r.Propensity), R(r.TrueUplift)));
        }

        return rows;
    }

    /// <summary>The C# figures on exactly the exported numbers, for the peer to compare with.</summary>
    private static Dictionary<string, object> Figures(List<ExportedRow> rows)
    {
        var figures = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, score) in new (string, Func<ExportedRow, double>)[] { ("uplift", r => r.Uplift), ("propensity", r => r.Propensity), ("true_uplift", r => r.TrueUplift) })
        {
            var observations = rows.Select(r => new UpliftObservation(score(r), r.Treated, r.Converted)).ToList();
            var curve = QiniCurve.Of(observations);
            figures[name] = new Dictionary<string, double?>
            {
                ["qini_coefficient"] = curve.Coefficient,
                ["qini_total"] = curve.Total,
                ["qini_points"] = curve.Points.Count,
                ["uplift_at_10"] = UpliftAtK.Of(observations, 10),
                ["uplift_at_20"] = UpliftAtK.Of(observations, 20),
                ["uplift_at_30"] = UpliftAtK.Of(observations, 30),
            };
        }

        return figures;
    }

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private sealed record ExportedRow(string CustomerId, bool Treated, bool Converted, double Uplift, double Propensity, double TrueUplift);
}
