using ActorSegments.Domain.Experiments.Statistics;

namespace ActorSegments.Domain.Tests.Experiments.Statistics;

public sealed class MixtureSprtTests
{
    public static TheoryData<int> Sequences() => Reference.Indexes(Reference.Committed.Sequential.Count);

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Looks_ReferenceSequence_EqualTheDocumentedFormulaLookByLook(int sequence)
    {
        var reference = Reference.Committed.Sequential[sequence];
        Effect? conversion = null, revenue = null;
        for (var look = 0; look < reference.Looks.Count; look++)
        {
            var expected = reference.Looks[look];
            var control = expected.Control.FromSums();
            var treatment = expected.Treatment.FromSums();

            conversion = MixtureSprt.ConversionLift(control, treatment, conversion);
            revenue = MixtureSprt.RevenueDifference(control, treatment, revenue);

            Check(expected.Conversion, conversion, $"{reference.Name}, look {look + 1}, conversion");
            Check(expected.Revenue, revenue, $"{reference.Name}, look {look + 1}, revenue");
        }
    }

    [Fact]
    public void Looks_ReferenceSequences_CoverBothOutcomes()
    {
        // Guards the fixture: one sequence must end rejecting "no difference" and one not, or the test above proves less.
        var lastLooks = Reference.Committed.Sequential.Select(s => s.Looks[^1].Conversion.P < 0.05).ToArray();

        Assert.Equal([false, true], lastLooks);
    }

    [Fact]
    public void Looks_AnySequence_PValueNeverRisesAndIntervalNeverWidens()
    {
        var random = new Random(7);
        var control = ArmTotals.Empty;
        var treatment = ArmTotals.Empty;
        Effect? previous = null;
        for (var look = 0; look < 200; look++)
        {
            for (var i = 0; i < 50; i++)
            {
                control = control.Add(random.NextDouble() < 0.1, 0);
                treatment = treatment.Add(random.NextDouble() < 0.1, 0);
            }

            var current = MixtureSprt.ConversionLift(control, treatment, previous)!;

            Assert.Equal(InferenceKind.AlwaysValid, current.Kind);
            if (previous is not null)
            {
                Assert.True(current.PValue <= previous.PValue, $"look {look}: p rose from {previous.PValue} to {current.PValue}");
                Assert.True(current.Interval.Lower >= previous.Interval.Lower && current.Interval.Upper <= previous.Interval.Upper, $"look {look}: the interval widened");
            }

            previous = current;
        }
    }

    [Fact]
    public void ConversionLift_NoConversionsYet_KeepsThePreviousLook()
    {
        var none = new ArmTotals(100, 0, 0, 0);

        Assert.Null(MixtureSprt.ConversionLift(none, none, null));
        var earlier = new Effect(InferenceKind.AlwaysValid, 0.01, new ConfidenceInterval(-0.1, 0.2, 0.95), 0.4, 0.4);
        Assert.Same(earlier, MixtureSprt.ConversionLift(none, none, earlier));
    }

    [Fact]
    public void RevenueDifference_PreviousIsFixedHorizon_Throws()
    {
        var arm = ArmTotals.Empty.Add(true, 10).Add(false, 0);
        var fixedHorizon = WelchTest.RevenueDifference(arm, arm);

        Assert.Equal("previous", Assert.Throws<ArgumentException>(() => MixtureSprt.RevenueDifference(arm, arm, fixedHorizon)).ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    public void ConversionLift_MixingVarianceNotPositive_Throws(double mixingVariance)
    {
        var arm = new ArmTotals(100, 10, 0, 0);

        Assert.Equal("standardizedMixingVariance", Assert.Throws<ArgumentOutOfRangeException>(() =>
            MixtureSprt.ConversionLift(arm, arm, null, standardizedMixingVariance: mixingVariance)).ParamName);
    }

    [Fact]
    public void ConversionLift_BadMixingVarianceBeforeAnyData_StillThrows() =>
        Assert.Equal("standardizedMixingVariance", Assert.Throws<ArgumentOutOfRangeException>(() =>
            MixtureSprt.ConversionLift(ArmTotals.Empty, ArmTotals.Empty, null, standardizedMixingVariance: 0)).ParamName);

    [Fact]
    public void Look_NewIntervalMissesThePreviousOne_CollapsesToTheMidpointOfTheCrossedBounds()
    {
        var previous = new Effect(InferenceKind.AlwaysValid, 0.15, new ConfidenceInterval(0.10, 0.20, 0.95), 0.01, 0.01);

        // A tiny variance makes today's interval a narrow band around -0.5, far below [0.10, 0.20].
        var look = MixtureSprt.Look(previous, -0.5, 1e-8, 1000, 1e-8, 1000, 0.95, MixtureSprt.DefaultStandardizedMixingVariance)!;

        // The crossed bounds are the previous lower 0.10 and today's upper -0.5 + h (h ≈ 1.6e-5): midpoint ≈ -0.2.
        Assert.Equal(look.Interval.Lower, look.Interval.Upper);
        Assert.InRange(look.Interval.Lower, -0.2, -0.1999);
    }

    private static void Check(ReferenceSequential expected, Effect? actual, string what)
    {
        Assert.NotNull(actual);
        Assert.Equal(InferenceKind.AlwaysValid, actual.Kind);
        Figures.Relative(expected.P, actual.PValue, what + " p");
        Figures.Estimate(expected.Estimate, expected.Lower, expected.Upper, actual, what);
    }
}
