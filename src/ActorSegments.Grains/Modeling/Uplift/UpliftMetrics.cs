using System.Text.Json;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Uplift;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Modeling.Uplift;

/// <summary>What an uplift model version stores as its metrics (<c>models list</c>): the data it came from and its evaluation.</summary>
internal static class UpliftMetrics
{
    private static readonly int[] ReportedPercentiles = [50, 70, 80, 90];

    public static string Json(StoredExperiment experiment, UpliftExamples examples, int trainCustomers, UpliftTraining trained, string baselineTrainer, UpliftEvaluation evaluation, ScoreDistribution? distribution) =>
        JsonSerializer.Serialize(new
        {
            trainer = trained.Trainer,
            experiment = experiment.Id,
            goal = experiment.Definition.PrimaryMetric.Name,
            goal_window_days = experiment.Definition.PrimaryMetric.Days,
            control_arm = experiment.Definition.ControlArm.Name,
            assigned_customers = examples.Assigned,
            left_out_window_open = examples.WindowOpen,
            left_out_no_history = examples.NoHistory,
            train_customers = trainCustomers,
            evaluation_customers = evaluation.Customers,
            evaluation_treated = evaluation.Treated,
            evaluation_control = evaluation.Control,
            evaluation_treated_rate = evaluation.TreatedRate,
            evaluation_control_rate = evaluation.ControlRate,
            treated_model_auc = trained.TreatedModel.Auc,
            control_model_auc = trained.ControlModel.Auc,
            propensity_baseline = baselineTrainer,
            // The headline figures at the top level, where `models list` shows numbers: the full rankings follow.
            qini_uplift = Ranking(evaluation, "uplift").QiniCoefficient,
            qini_propensity = Ranking(evaluation, "propensity").QiniCoefficient,
            uplift_top30 = Ranking(evaluation, "uplift").UpliftAt[30],
            propensity_top30 = Ranking(evaluation, "propensity").UpliftAt[30],
            random_top30 = Ranking(evaluation, "random").UpliftAt[30],
            // Ranked by predicted uplift, by propensity of the goal (arms ignored), at random (expected values).
            rankings = evaluation.Rankings.Select(r => new
            {
                ranking = r.Ranking,
                qini_coefficient = r.QiniCoefficient,
                uplift_at = r.UpliftAt.ToDictionary(k => $"top{k.Key}", k => k.Value),
                qini_deciles = r.QiniDeciles,
            }),
            scored_customers = distribution?.Customers ?? 0,
            // The uplift a customer needs to be in the top 50/30/20/10%: percentile("uplift:x") >= 50/70/80/90.
            percentile_cuts = ReportedPercentiles.ToDictionary(p => $"p{p}", p => distribution?.CutAt(p)),
        });

    private static UpliftRankingQuality Ranking(UpliftEvaluation evaluation, string name) => evaluation.Rankings.Single(r => r.Ranking == name);
}
