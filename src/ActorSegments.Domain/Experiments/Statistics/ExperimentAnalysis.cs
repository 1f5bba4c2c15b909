namespace ActorSegments.Domain.Experiments.Statistics;

/// <summary>
/// The figures of an experiment from its arms' totals: <see cref="ArmSummary"/> per arm, <see cref="ArmComparison"/>
/// of each other arm against the control, and the <see cref="SampleRatioMismatch"/> check. Holm's adjustment runs
/// per metric and kind (conversion, revenue; fixed horizon, always valid) over the comparisons that have a p-value.
/// </summary>
public static class ExperimentAnalysis
{
    /// <summary>
    /// The results at this look. <paramref name="previous"/> is the last look's results (null at the first); the
    /// always-valid figures continue from it, matched by arm name, so an arm added later starts afresh.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two arms, a repeated arm name, or a control that is not one of them.</exception>
    public static ExperimentResults Analyze(IReadOnlyList<AnalyzedArm> arms, string control, ExperimentResults? previous = null)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(control);
        if (arms.Count < 2)
        {
            throw new ArgumentException($"an experiment needs a control and at least one other arm; got {arms.Count} arm(s).", nameof(arms));
        }

        if (arms.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count() != arms.Count)
        {
            throw new ArgumentException("arm names must be unique within an experiment.", nameof(arms));
        }

        var controlArm = arms.FirstOrDefault(a => string.Equals(a.Name, control, StringComparison.Ordinal))
            ?? throw new ArgumentException($"the control '{control}' is not one of the arms ({string.Join(", ", arms.Select(a => a.Name))}).", nameof(control));
        if (previous is not null && !string.Equals(previous.Control, control, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the previous look was measured against '{previous.Control}', not '{control}'.", nameof(previous));
        }

        var comparisons = arms
            .Where(a => !string.Equals(a.Name, control, StringComparison.Ordinal))
            .Select(a => ArmComparison.Compare(a.Name, a.Totals, control, controlArm.Totals,
                previous?.Comparisons.FirstOrDefault(c => string.Equals(c.Arm, a.Name, StringComparison.Ordinal))))
            .ToArray();
        comparisons = AdjustAcrossArms(comparisons, c => c.ConversionLift, (c, e) => c with { ConversionLift = e });
        comparisons = AdjustAcrossArms(comparisons, c => c.RevenueDifference, (c, e) => c with { RevenueDifference = e });
        comparisons = AdjustAcrossArms(comparisons, c => c.AlwaysValidConversionLift, (c, e) => c with { AlwaysValidConversionLift = e });
        comparisons = AdjustAcrossArms(comparisons, c => c.AlwaysValidRevenueDifference, (c, e) => c with { AlwaysValidRevenueDifference = e });

        return new ExperimentResults(
            control,
            arms.Select(a => ArmSummary.Of(a.Name, a.Totals)).ToArray(),
            comparisons,
            SampleRatioMismatch.Check(arms.Select(a => a.Totals.Customers).ToArray(), arms.Select(a => a.Weight).ToArray()));
    }

    private static ArmComparison[] AdjustAcrossArms(ArmComparison[] comparisons, Func<ArmComparison, Effect?> figure, Func<ArmComparison, Effect, ArmComparison> replace)
    {
        var tested = comparisons
            .Select((comparison, index) => (Index: index, Effect: figure(comparison)))
            .Where(t => t.Effect?.PValue is not null)
            .ToArray();
        var adjusted = HolmCorrection.Adjust(tested.Select(t => t.Effect!.PValue!.Value).ToArray());
        var result = comparisons.ToArray();
        for (var k = 0; k < tested.Length; k++)
        {
            result[tested[k].Index] = replace(result[tested[k].Index], tested[k].Effect! with { AdjustedPValue = adjusted[k] });
        }

        return result;
    }
}
