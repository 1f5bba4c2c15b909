using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;

namespace ActorSegments.Cli.Tests.Rendering;

/// <summary>Results and the report with figures in them, as the server answers once customers are assigned.</summary>
public sealed class ExperimentViewTests
{
    [Fact]
    public void Results_WithFigures_ShowsRatesLiftsAndWhichKindEachIs()
    {
        var output = Render(c => ExperimentResultsView.Write(c, Results(mismatch: false)));

        Assert.Contains("holdout (control)", output, StringComparison.Ordinal);
        Assert.Matches(@"treatment\s+│ 9\s+│ 1,000\s+│ 400\s+│ 40.0%", output);
        Assert.Matches(@"treatment\s+│ 1,000\s+│ 120\s+│ 12.00%\s+│ 10.10% .. 14.20%", output);
        Assert.Matches(@"treatment\s+│ \+2.00 pp\s+│ \+0.50 pp .. \+3.50 pp\s+│ \+20.0%\s+│ \+5.0% .. \+35.0%\s+│ 0.0123\s+│ 0.0246", output);
        Assert.Matches(@"treatment\s+│ \+2.00 pp\s+│ -1.00 pp .. \+5.00 pp\s+│ 0.4000\s+│ 0.8000", output);
        Assert.Matches(@"treatment\s+│ 1,000\s+│ 12.50\s+│ 11.00 .. 14.00", output);
        Assert.Contains("fixed horizon: valid once, at a sample size fixed in advance", output, StringComparison.Ordinal);
        Assert.Contains("always valid: safe to check at every look", output, StringComparison.Ordinal);
        Assert.DoesNotContain("WARNING", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_SampleRatioMismatch_WarnsBeforeAnyFigure()
    {
        var output = Render(c => ExperimentResultsView.Write(c, Results(mismatch: true)));

        var warning = output.IndexOf("WARNING sample ratio mismatch: the customers assigned do not fit the arms' weights (chi-square 41.20, p < 0.0001, under 0.001)", StringComparison.Ordinal);
        Assert.InRange(warning, 0, output.IndexOf("assigned", warning + 10, StringComparison.Ordinal));
        Assert.True(warning < output.IndexOf('│', StringComparison.Ordinal));
    }

    [Fact]
    public void Report_WithVerdicts_ShowsTheRankingThenEachSentence()
    {
        var lift = new Effect { Inference = InferenceKind.FixedHorizon, Estimate = 0.123, Interval = new ConfidenceInterval { Low = 0.041, High = 0.205, Level = 0.95 }, PValue = 0.003, AdjustedPValue = 0.003 };
        var report = new GetExperimentReportResponse
        {
            Experiments =
            {
                new ExperimentReportEntry
                {
                    Rank = 1, ExperimentId = "ai_vs_manual", Status = ExperimentStatus.Running, Metric = "purchase_14d", BestArm = "ai_cohorts", ControlArm = "holdout",
                    RelativeLift = lift, Assigned = 1000, Targeted = 600, TargetedShare = 0.6, RevenuePerCustomer = 12.5, ControlRevenuePerCustomer = 10,
                    SampleRatioMismatch = true,
                    Verdict = "ai_cohorts beats holdout by +12.3% (95% CI 4.1%..20.5%), p = 0.003",
                    StrategyVerdicts = { new StrategyVerdict { Arm = "ai_cohorts", OtherArm = "manual", RelativeLift = lift, Significant = true, Verdict = "ai_cohorts beats manual by +12.3% (95% CI 4.1%..20.5%), p = 0.003" } },
                },
            },
        };

        var output = Render(c => ExperimentReportView.Write(c, report));

        Assert.Matches(@"1\s+│ ai_vs_manual\s+│ running\s+│ purchase_14d\s+│ ai_cohorts vs holdout\s+│ \+12.3%\s+│ \+4.1% .. \+20.5%\s+│ 0.0030\s+│ 1,000\s+│ 600 \(60.0%\)\s+│ 12.50 \(10.00\)", output);
        Assert.Contains("ai_vs_manual: ai_cohorts beats holdout by +12.3% (95% CI 4.1%..20.5%), p = 0.003", output, StringComparison.Ordinal);
        Assert.Contains("  WARNING sample ratio mismatch in ai_vs_manual", output, StringComparison.Ordinal);
        Assert.Contains("  strategy: ai_cohorts beats manual by +12.3% (95% CI 4.1%..20.5%), p = 0.003", output, StringComparison.Ordinal);
    }

    private static GetExperimentResultsResponse Results(bool mismatch)
    {
        static ConfidenceInterval Interval(double low, double high) => new() { Low = low, High = high, Level = 0.95 };
        static Effect Fixed(double estimate, double low, double high, double? p, double? adjusted)
        {
            var effect = new Effect { Inference = InferenceKind.FixedHorizon, Estimate = estimate, Interval = Interval(low, high) };
            if (p is { } raw)
            {
                effect.PValue = raw;
                effect.AdjustedPValue = adjusted!.Value;
            }

            return effect;
        }

        var conversion = new ExperimentMetric { Name = "purchase_14d", Kind = MetricKind.Conversion, EventType = "purchase", Days = 14 };
        var revenue = new ExperimentMetric { Name = "revenue_30d", Kind = MetricKind.Revenue, EventType = "purchase", Property = "revenue", Days = 30 };
        var always = Fixed(0.02, -0.01, 0.05, 0.4, 0.8);
        always.Inference = InferenceKind.AlwaysValid;
        return new GetExperimentResultsResponse
        {
            Experiment = new Experiment { ExperimentId = "spring_sale", Name = "Spring sale", Status = ExperimentStatus.Running },
            Reach =
            {
                new ArmReach { Arm = "treatment", Weight = 9, Assigned = 1000, Targeted = 400, TargetedShare = 0.4 },
                new ArmReach { Arm = "holdout", Control = true, Weight = 1, Assigned = 110, Targeted = 110, TargetedShare = 1 },
            },
            Metrics =
            {
                new MetricResults
                {
                    Metric = conversion, Primary = true, ControlArm = "holdout",
                    Arms =
                    {
                        new ArmSummary { Arm = "treatment", Customers = 1000, Conversions = 120, ConversionRate = 0.12, ConversionRateInterval = Interval(0.101, 0.142) },
                        new ArmSummary { Arm = "holdout", Customers = 110, Conversions = 11, ConversionRate = 0.10, ConversionRateInterval = Interval(0.056, 0.17) },
                    },
                    Comparisons = { new ArmComparison { Arm = "treatment", Control = "holdout", ConversionLift = Fixed(0.02, 0.005, 0.035, 0.0123, 0.0246), RelativeConversionLift = Fixed(0.2, 0.05, 0.35, null, null), AlwaysValidConversionLift = always } },
                },
                new MetricResults
                {
                    Metric = revenue, ControlArm = "holdout",
                    Arms = { new ArmSummary { Arm = "treatment", Customers = 1000, RevenuePerCustomer = 12.5, RevenuePerCustomerInterval = Interval(11, 14) } },
                    Comparisons = { new ArmComparison { Arm = "treatment", Control = "holdout", RevenueDifference = Fixed(2.5, 0.5, 4.5, 0.01, 0.01) } },
                },
            },
            SampleRatioMismatch = new SampleRatioMismatch { ChiSquare = mismatch ? 41.2 : 0.4, DegreesOfFreedom = 1, PValue = mismatch ? 1e-10 : 0.52, Mismatch = mismatch, Threshold = 0.001 },
            AsOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero)),
        };
    }

    private static string Render(Action<Spectre.Console.IAnsiConsole> write)
    {
        using var console = new CapturedConsole();
        write(console.Console);
        return console.Text;
    }
}
