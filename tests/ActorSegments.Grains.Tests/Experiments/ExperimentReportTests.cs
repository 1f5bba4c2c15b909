using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Experiments.Statistics;
using ActorSegments.Grains.Experiments;
using static ActorSegments.Grains.Tests.Experiments.ReportReadouts;

namespace ActorSegments.Grains.Tests.Experiments;

public sealed class ExperimentReportTests
{
    [Fact]
    public void Rank_RunningAndStoppedExperiments_OrderedByRelativeLiftWithDraftsLeftOut()
    {
        var report = ExperimentReport.Rank(
        [
            Input(Campaign("small_lift"), ExperimentStatus.Running, new("treatment", 1000, 110), new("control", 1000, 100)),
            Input(Campaign("draft"), ExperimentStatus.Draft, new("treatment", 0, 0), new("control", 0, 0)),
            Input(Campaign("no_data"), ExperimentStatus.Running, new("treatment", 10, 0), new("control", 10, 0)),
            Input(Campaign("big_lift"), ExperimentStatus.Stopped, new("treatment", 1000, 150), new("control", 1000, 100)),
        ]);

        Assert.Equal([("big_lift", 1), ("small_lift", 2), ("no_data", 3)], report.Select(e => (e.Experiment.Id, e.Rank)));
        Assert.Equal([0.5, 0.1], report.Take(2).Select(e => Math.Round(e.RelativeLift!.Estimate, 12)));
        Assert.Null(report[2].RelativeLift);
        Assert.Equal("treatment vs control: not enough data yet", report[2].Verdict);
    }

    [Fact]
    public void Rank_SeveralArms_JudgesTheArmWithTheHighestLift()
    {
        var definition = Definition("three_arms", [new ExperimentArm("subject_a", 1), new ExperimentArm("subject_b", 1), new ExperimentArm("holdout", 1, Control: true)]);

        var entry = Assert.Single(ExperimentReport.Rank([Input(definition, ExperimentStatus.Running, new("subject_a", 1000, 120), new("subject_b", 1000, 150), new("holdout", 1000, 100))]));

        Assert.Equal(("subject_b", "holdout"), (entry.BestArm, entry.ControlArm));
        Assert.Equal((1000L, 500L), (entry.Reach.Assigned, entry.Reach.Targeted));
    }

    [Fact]
    public void Rank_ConversionMetric_CarriesTheLogRatioIntervalAndTheAbsoluteLiftsTest()
    {
        var entry = Assert.Single(ExperimentReport.Rank([Input(Campaign("lifted"), ExperimentStatus.Running, new("treatment", 1000, 150), new("control", 1000, 100))]));
        var absolute = TwoProportionTest.AbsoluteLift(Totals(1000, 100), Totals(1000, 150))!;

        // Computed apart in Python: 1.5·exp(±1.959964·√(1/150 − 1/1000 + 1/100 − 1/1000)) − 1 (Katz's log method), and
        // math.erfc(|z|/√2) of the pooled z = 0.05 / √(0.125·0.875·2/1000).
        var lift = entry.RelativeLift!;
        Assert.Equal(InferenceKind.FixedHorizon, lift.Kind);
        Assert.Equal(0.18305690016605092, lift.Interval.Lower, 1e-12);
        Assert.Equal(0.9018527339506619, lift.Interval.Upper, 1e-12);
        Assert.Equal(absolute.PValue, lift.PValue);
        Assert.Equal(0.0007232327164301955, lift.PValue!.Value, 1e-12);
        Assert.Equal("treatment beats control by +50.0% (95% CI 18.3%..90.2%), p < 0.001", entry.Verdict);
    }

    [Fact]
    public void Rank_TreatmentSignificantlyWorse_SaysItTrails()
    {
        var entry = Assert.Single(ExperimentReport.Rank([Input(Campaign("backfired"), ExperimentStatus.Running, new("treatment", 1000, 100), new("control", 1000, 150))]));

        Assert.StartsWith("treatment trails control by -33.3% (95% CI ", entry.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_RevenueMetric_ScalesWelchsDifferenceByTheControlsRevenuePerCustomer()
    {
        var definition = Campaign("revenue_first", Revenue, Purchase);

        // Revenue per customer 12 vs 10, each with a variance of 400 per customer.
        var entry = Assert.Single(ExperimentReport.Rank([Input(definition, ExperimentStatus.Running,
            new("treatment", 1000, 90, 12_000, 1000 * (144 + 400)), new("control", 1000, 80, 10_000, 1000 * (100 + 400)))]));
        var welch = WelchTest.RevenueDifference(ArmTotals.FromSums(1000, 0, 10_000, 1000 * 500), ArmTotals.FromSums(1000, 0, 12_000, 1000 * 544))!;

        Assert.Equal(0.2, entry.RelativeLift!.Estimate, 1e-12);
        Assert.Equal(welch.Interval.Lower / 10, entry.RelativeLift.Interval.Lower, 1e-12);
        Assert.Equal(welch.Interval.Upper / 10, entry.RelativeLift.Interval.Upper, 1e-12);
        Assert.Equal(welch.PValue, entry.RelativeLift.PValue);
        Assert.Equal(("revenue_30d", 12.0, 10.0), (entry.RevenueMetric, entry.RevenuePerCustomer!.Value, entry.ControlRevenuePerCustomer!.Value));
        Assert.StartsWith("treatment beats control by +20.0% (95% CI ", entry.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_StrategyExperiment_StatesEachPairFromTheArmAhead()
    {
        // manual comes first in the definition, ai_cohorts is ahead: the verdict is stated from ai_cohorts.
        var definition = Definition("ai_vs_manual",
        [
            new ExperimentArm("manual", 1, Targeting: "rfm.frequency >= 3"),
            new ExperimentArm("ai_cohorts", 1, Targeting: "cohort = \"cohort-2\""),
            new ExperimentArm("holdout", 1, Control: true),
        ]);

        var entry = Assert.Single(ExperimentReport.Rank([Input(definition, ExperimentStatus.Running,
            new("manual", 1000, 120), new("ai_cohorts", 1000, 200), new("holdout", 1000, 100))]));
        var verdict = Assert.Single(entry.StrategyVerdicts);

        Assert.Equal(("ai_cohorts", "manual", true), (verdict.Arm, verdict.OtherArm, verdict.Significant));
        Assert.Equal(TwoProportionTest.AbsoluteLift(Totals(1000, 120), Totals(1000, 200))!.PValue, verdict.RelativeLift!.PValue);
        Assert.Equal("ai_cohorts beats manual by +66.7% (95% CI 35.3%..105.3%), p < 0.001", verdict.Verdict);
    }

    [Fact]
    public void Rank_StrategyArmsClose_SaysNoSignificantDifference()
    {
        var definition = Definition("close_call",
        [
            new ExperimentArm("ai_cohorts", 1, Targeting: "cohort = \"cohort-2\""),
            new ExperimentArm("manual", 1, Targeting: "rfm.frequency >= 3"),
            new ExperimentArm("holdout", 1, Control: true),
        ]);

        var entry = Assert.Single(ExperimentReport.Rank([Input(definition, ExperimentStatus.Running,
            new("ai_cohorts", 1000, 130), new("manual", 1000, 120), new("holdout", 1000, 100))]));
        var verdict = Assert.Single(entry.StrategyVerdicts);

        Assert.False(verdict.Significant);
        Assert.Equal("ai_cohorts vs manual: no significant difference (+8.3%, 95% CI -14.1%..36.6%, p = 0.499)", verdict.Verdict);
    }

    [Fact]
    public void Rank_ThreeStrategyArms_AdjustsThePairsPValuesWithHolm()
    {
        var definition = Definition("three_strategies",
        [
            new ExperimentArm("ai_cohorts", 1, Targeting: "cohort = \"cohort-2\""),
            new ExperimentArm("manual", 1, Targeting: "rfm.frequency >= 3"),
            new ExperimentArm("propensity", 1, Targeting: "score(\"purchase_30d\") > 0.8"),
            new ExperimentArm("holdout", 1, Control: true),
        ]);

        var entry = Assert.Single(ExperimentReport.Rank([Input(definition, ExperimentStatus.Running,
            new("ai_cohorts", 1000, 200), new("manual", 1000, 120), new("propensity", 1000, 170), new("holdout", 1000, 100))]));
        var raw = entry.StrategyVerdicts.Select(v => v.RelativeLift!.PValue!.Value).ToArray();

        Assert.Equal([("ai_cohorts", "manual"), ("ai_cohorts", "propensity"), ("propensity", "manual")], entry.StrategyVerdicts.Select(v => (v.Arm, v.OtherArm)));
        Assert.Equal(HolmCorrection.Adjust(raw), entry.StrategyVerdicts.Select(v => v.RelativeLift!.AdjustedPValue!.Value));
        Assert.All(entry.StrategyVerdicts, v => Assert.True(v.RelativeLift!.AdjustedPValue >= v.RelativeLift.PValue));
    }

    [Fact]
    public void Rank_CampaignTest_HasNoStrategyVerdicts()
    {
        var definition = Definition("one_strategy", [new ExperimentArm("targeted", 1, Targeting: "rfm.frequency >= 3"), new ExperimentArm("holdout", 1, Control: true)]);

        var entry = Assert.Single(ExperimentReport.Rank([Input(definition, ExperimentStatus.Running, new("targeted", 500, 60), new("holdout", 500, 50))]));

        Assert.Empty(entry.StrategyVerdicts);
    }

    [Fact]
    public void Rank_AssignedCountsOffTheWeights_FlagsTheSampleRatioMismatch()
    {
        var report = ExperimentReport.Rank(
        [
            Input(Campaign("skewed"), ExperimentStatus.Running, new("treatment", 1000, 110), new("control", 1300, 100)),
            Input(Campaign("even"), ExperimentStatus.Running, new("treatment", 1000, 110), new("control", 1010, 100)),
        ]);

        Assert.Equal([("even", false), ("skewed", true)], report.Select(e => (e.Experiment.Id, e.SampleRatioMismatch)).OrderBy(e => e.Item1));
    }

    [Fact]
    public void From_TakesThePrimaryMetricsTotals_NotASecondaryMetrics()
    {
        var definition = Campaign("from_primary", Revenue, Purchase);
        var readout = Input(definition, ExperimentStatus.Running, new("treatment", 3, 2, 30, 500), new("control", 2, 1, 10, 100)).Readout;

        var input = ExperimentReportInput.From(readout);

        Assert.Equal(ArmTotals.FromSums(3, 0, 30, 500), input.PrimaryTotals["treatment"]);
        Assert.Equal(ArmTotals.FromSums(2, 0, 10, 100), input.PrimaryTotals["control"]);
    }

    private static ArmTotals Totals(long customers, long conversions) => ArmTotals.FromSums(customers, conversions, conversions, conversions);
}
