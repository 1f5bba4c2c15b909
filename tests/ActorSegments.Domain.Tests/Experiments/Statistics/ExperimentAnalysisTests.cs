using ActorSegments.Domain.Experiments.Statistics;

namespace ActorSegments.Domain.Tests.Experiments.Statistics;

public sealed class ExperimentAnalysisTests
{
    [Theory]
    [MemberData(nameof(Reference.DatasetsBothWays), MemberType = typeof(Reference))]
    public void Analyze_ReferenceExperiments_EqualsReferenceWithHolmAcrossArms(int dataset, bool fromSums)
    {
        var data = Reference.Committed.Datasets[dataset];

        var results = ExperimentAnalysis.Analyze(data.Arms.Select(a => new AnalyzedArm(a.Name, a.Weight, a.Totals(fromSums))).ToArray(), data.Control);

        Assert.Equal(data.Arms.Select(a => a.Name), results.Arms.Select(a => a.Arm));
        Assert.Equal(data.Comparisons.Select(c => c.Arm), results.Comparisons.Select(c => c.Arm));
        foreach (var (expected, actual) in data.Comparisons.Zip(results.Comparisons))
        {
            var what = $"{data.Name} / {expected.Arm}";
            Assert.Equal(data.Control, actual.Control);
            Figures.Relative(expected.LiftP, actual.ConversionLift!.PValue, what + " z-test p");
            Figures.Relative(expected.LiftPHolm, actual.ConversionLift.AdjustedPValue, what + " z-test p, Holm");
            Figures.Relative(expected.RevenueP, actual.RevenueDifference!.PValue, what + " Welch p");
            Figures.Relative(expected.RevenuePHolm, actual.RevenueDifference.AdjustedPValue, what + " Welch p, Holm");
            Figures.Estimate(expected.RelativeLift, expected.RelativeLower, expected.RelativeUpper, actual.RelativeConversionLift, what + " relative lift");
        }

        Figures.Relative(data.SampleRatio.P, results.SampleRatio.PValue, data.Name + " sample ratio p");
    }

    [Fact]
    public void Analyze_EveryFigure_SaysWhichKindItIs()
    {
        var data = Reference.Committed.Datasets[0];

        var comparison = Assert.Single(ExperimentAnalysis.Analyze(Arms(data), data.Control).Comparisons);

        Assert.All([comparison.ConversionLift, comparison.RelativeConversionLift, comparison.RevenueDifference], e => Assert.Equal(InferenceKind.FixedHorizon, e!.Kind));
        Assert.All([comparison.AlwaysValidConversionLift, comparison.AlwaysValidRevenueDifference], e => Assert.Equal(InferenceKind.AlwaysValid, e!.Kind));
    }

    [Fact]
    public void Analyze_SeveralArms_AdjustsAlwaysValidPValuesWithHolmToo()
    {
        var data = Reference.Committed.Datasets.Single(d => d.Arms.Count == 4);

        var comparisons = ExperimentAnalysis.Analyze(Arms(data), data.Control).Comparisons;

        var raw = comparisons.Select(c => c.AlwaysValidConversionLift!.PValue!.Value).ToArray();
        Assert.Equal(HolmCorrection.Adjust(raw), comparisons.Select(c => c.AlwaysValidConversionLift!.AdjustedPValue!.Value));
        Assert.Contains(comparisons, c => c.AlwaysValidConversionLift!.AdjustedPValue > c.AlwaysValidConversionLift.PValue);
    }

    [Theory]
    [MemberData(nameof(MixtureSprtTests.Sequences), MemberType = typeof(MixtureSprtTests))]
    public void Analyze_LookAfterLook_ContinuesTheAlwaysValidFiguresFromThePreviousResults(int sequence)
    {
        var reference = Reference.Committed.Sequential[sequence];
        ExperimentResults? previous = null;
        foreach (var look in reference.Looks)
        {
            AnalyzedArm[] arms = [new("holdout", 1, look.Control.FromSums()), new("message", 1, look.Treatment.FromSums())];

            previous = ExperimentAnalysis.Analyze(arms, "holdout", previous);
        }

        var last = reference.Looks[^1];
        var comparison = Assert.Single(previous!.Comparisons);
        Figures.Relative(last.Conversion.P, comparison.AlwaysValidConversionLift!.PValue, "conversion p");
        Figures.Interval(last.Conversion.Lower, last.Conversion.Upper, comparison.AlwaysValidConversionLift.Interval, "conversion");
        Figures.Relative(last.Revenue.P, comparison.AlwaysValidRevenueDifference!.PValue, "revenue p");
        Figures.Interval(last.Revenue.Lower, last.Revenue.Upper, comparison.AlwaysValidRevenueDifference.Interval, "revenue");
    }

    [Fact]
    public void Analyze_ArmAddedAtALaterLook_StartsItsAlwaysValidFiguresAfresh()
    {
        var data = Reference.Committed.Datasets.Single(d => d.Arms.Count == 4);
        var first = ExperimentAnalysis.Analyze(Arms(data).Take(2).ToArray(), data.Control);

        var second = ExperimentAnalysis.Analyze(Arms(data), data.Control, first);

        var added = second.Comparisons.Single(c => c.Arm == data.Arms[2].Name);
        Assert.Equal(MixtureSprt.ConversionLift(data.Arms[0].FromMoments(), data.Arms[2].FromMoments(), null)!.PValue, added.AlwaysValidConversionLift!.PValue);
    }

    [Fact]
    public void Analyze_ControlNotAnArm_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => ExperimentAnalysis.Analyze(Arms(Reference.Committed.Datasets[0]), "holdout"));

        Assert.Equal("control", error.ParamName);
        Assert.Contains("'holdout' is not one of the arms (control, treatment)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_RepeatedArmName_Throws()
    {
        AnalyzedArm[] arms = [new("a", 1, ArmTotals.Empty), new("a", 1, ArmTotals.Empty)];

        Assert.Equal("arms", Assert.Throws<ArgumentException>(() => ExperimentAnalysis.Analyze(arms, "a")).ParamName);
    }

    [Fact]
    public void Analyze_OnlyTheControl_Throws() =>
        Assert.Equal("arms", Assert.Throws<ArgumentException>(() => ExperimentAnalysis.Analyze([new AnalyzedArm("a", 1, ArmTotals.Empty)], "a")).ParamName);

    [Fact]
    public void Analyze_PreviousLookAgainstAnotherControl_Throws()
    {
        var arms = Arms(Reference.Committed.Datasets[0]);
        var previous = ExperimentAnalysis.Analyze(arms, "control");

        Assert.Equal("previous", Assert.Throws<ArgumentException>(() => ExperimentAnalysis.Analyze(arms, "treatment", previous)).ParamName);
    }

    [Fact]
    public void Analyze_NoCustomersYet_GivesCountsAndNoFigures()
    {
        AnalyzedArm[] arms = [new("holdout", 1, ArmTotals.Empty), new("b", 1, ArmTotals.Empty)];

        var results = ExperimentAnalysis.Analyze(arms, "holdout");

        Assert.Equal(new ArmComparison("b", "holdout", null, null, null, null, null), Assert.Single(results.Comparisons));
        Assert.All(results.Arms, a => Assert.Null(a.ConversionRate));
        Assert.False(results.SampleRatio.IsMismatch);
    }

    private static AnalyzedArm[] Arms(ReferenceDataset data) =>
        data.Arms.Select(a => new AnalyzedArm(a.Name, a.Weight, a.FromMoments())).ToArray();
}
