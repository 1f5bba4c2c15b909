using System.Globalization;
using ActorSegments.Datasets.Synthetic;
using ActorSegments.Domain.Modeling.Uplift;

namespace ActorSegments.UpliftCheck;

/// <summary>The check's figures as markdown, ready for docs/ml.md.</summary>
internal static class UpliftReport
{
    public static void Write(
        TextWriter output,
        UpliftTrial trial,
        UpliftExamples examples,
        int trainCustomers,
        UpliftEvaluation evaluated,
        UpliftRankingQuality oracle,
        UpliftTraining trained,
        List<(UpliftGroup Group, int Customers, double TrueUplift, double Predicted)> groups)
    {
        var treated = trial.Customers.Where(c => c.Treated).ToList();
        var control = trial.Customers.Where(c => !c.Treated).ToList();
        output.WriteLine($"Trial: {trial.Customers.Count} customers, {treated.Count} messaged, {control.Count} held out; purchase within {trial.WindowDays} days: " +
            $"{F(treated.Average(c => c.Converted ? 1.0 : 0))} messaged, {F(control.Average(c => c.Converted ? 1.0 : 0))} held out; true average uplift {F(trial.Customers.Average(c => c.TrueUplift))}.");
        output.WriteLine($"Examples: {examples.Examples.Count} of {examples.Assigned} assigned ({examples.NoHistory} without history); {trainCustomers} train, {evaluated.Customers} evaluate " +
            $"({evaluated.Treated} messaged, {evaluated.Control} held out). Outcome models' AUC on the evaluation customers: messaged {F(trained.TreatedModel.Auc)}, held out {F(trained.ControlModel.Auc)}.");
        output.WriteLine();
        output.WriteLine("| ranking | Qini coefficient | uplift top 10% | top 20% | top 30% |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var ranking in evaluated.Rankings.Append(oracle))
        {
            output.WriteLine($"| {ranking.Ranking} | {F(ranking.QiniCoefficient)} | {F(ranking.UpliftAt[10])} | {F(ranking.UpliftAt[20])} | {F(ranking.UpliftAt[30])} |");
        }

        output.WriteLine();
        output.WriteLine("| group (evaluation customers) | customers | true uplift (mean) | predicted uplift (mean) |");
        output.WriteLine("|---|---|---|---|");
        foreach (var (group, customers, truth, predicted) in groups)
        {
            output.WriteLine($"| {group} | {customers} | {F(truth)} | {F(predicted)} |");
        }

        output.WriteLine();
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-";
}
