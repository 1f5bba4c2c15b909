namespace ActorSegments.Domain.Experiments.Statistics;

/// <summary>
/// One arm against the arm it is measured against (the control or holdout; for strategy experiments also another
/// strategy arm), every figure treatment − control. Each <see cref="Effect"/> is null until the data can give it (see
/// <see cref="TwoProportionTest"/>, <see cref="WelchTest"/> and <see cref="MixtureSprt"/>).
/// </summary>
/// <param name="Arm">The arm measured (the treatment).</param>
/// <param name="Control">The arm it is measured against.</param>
/// <param name="ConversionLift">Absolute lift of the conversion rate: Wald interval, pooled z-test (fixed horizon).</param>
/// <param name="RelativeConversionLift">p_t / p_c − 1 with its log-ratio interval (fixed horizon; the test is ConversionLift's).</param>
/// <param name="RevenueDifference">Difference of revenue per customer: Welch's t-test and interval (fixed horizon).</param>
/// <param name="AlwaysValidConversionLift">The absolute lift with its always-valid p-value and confidence sequence.</param>
/// <param name="AlwaysValidRevenueDifference">The revenue difference with its always-valid p-value and confidence sequence.</param>
public sealed record ArmComparison(
    string Arm,
    string Control,
    Effect? ConversionLift,
    Effect? RelativeConversionLift,
    Effect? RevenueDifference,
    Effect? AlwaysValidConversionLift,
    Effect? AlwaysValidRevenueDifference)
{
    /// <summary>
    /// Every figure of <paramref name="arm"/> against <paramref name="control"/>; <paramref name="previous"/> is this
    /// comparison at the last look (null at the first), which the always-valid figures continue from. Adjusted
    /// p-values equal the raw ones: <see cref="ExperimentAnalysis"/> adjusts them across arms.
    /// </summary>
    public static ArmComparison Compare(string arm, ArmTotals treatment, string control, ArmTotals controlTotals, ArmComparison? previous = null)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(control);
        return new ArmComparison(
            arm,
            control,
            TwoProportionTest.AbsoluteLift(controlTotals, treatment),
            TwoProportionTest.RelativeLift(controlTotals, treatment),
            WelchTest.RevenueDifference(controlTotals, treatment),
            MixtureSprt.ConversionLift(controlTotals, treatment, previous?.AlwaysValidConversionLift),
            MixtureSprt.RevenueDifference(controlTotals, treatment, previous?.AlwaysValidRevenueDifference));
    }
}
