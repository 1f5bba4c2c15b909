namespace ActorSegments.Domain.Modeling.Uplift;

/// <summary>
/// The evaluation customers ranked three ways, by predicted uplift, by a plain propensity model of the goal, and at
/// random, each judged by its Qini coefficient and uplift at k on the customers' real arms and outcomes.
/// </summary>
public sealed record UpliftEvaluation(int Customers, int Treated, int Control, double TreatedRate, double ControlRate, IReadOnlyList<UpliftRankingQuality> Rankings)
{
    public static UpliftEvaluation Of(IReadOnlyList<UpliftExample> evaluation, RowScore uplift, RowScore propensity)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(uplift);
        ArgumentNullException.ThrowIfNull(propensity);
        var byUplift = evaluation.Select(e => new UpliftObservation(uplift(e.Features), e.Treated, e.Converted)).ToList();
        var byPropensity = evaluation.Select(e => new UpliftObservation(propensity(e.Features), e.Treated, e.Converted)).ToList();
        var treated = evaluation.Where(e => e.Treated).ToList();
        var control = evaluation.Where(e => !e.Treated).ToList();
        return new UpliftEvaluation(
            evaluation.Count,
            treated.Count,
            control.Count,
            Rate(treated),
            Rate(control),
            [UpliftRankingQuality.Of("uplift", byUplift), UpliftRankingQuality.Of("propensity", byPropensity), UpliftRankingQuality.Random(byUplift)]);
    }

    private static double Rate(List<UpliftExample> group) => group.Count == 0 ? 0 : (double)group.Count(e => e.Converted) / group.Count;
}
