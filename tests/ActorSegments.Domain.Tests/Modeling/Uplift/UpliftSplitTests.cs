using ActorSegments.Domain.Modeling.Uplift;

namespace ActorSegments.Domain.Tests.Modeling.Uplift;

public sealed class UpliftSplitTests
{
    private static List<UpliftExample> Examples(int treated, int control) =>
    [
        .. Enumerable.Range(0, treated).Select(i => new UpliftExample($"t{i}", 0, [i], true, i % 3 == 0)),
        .. Enumerable.Range(0, control).Select(i => new UpliftExample($"c{i}", 0, [i], false, i % 4 == 0)),
    ];

    [Fact]
    public void Split_KeepsTheArmRatioInBothParts_AndEveryCustomerInExactlyOne()
    {
        var examples = Examples(900, 100);

        var (train, evaluation) = UpliftSplit.Split(examples);

        Assert.Equal((270, 30), (evaluation.Count(e => e.Treated), evaluation.Count(e => !e.Treated)));
        Assert.Equal((630, 70), (train.Count(e => e.Treated), train.Count(e => !e.Treated)));
        Assert.Equal(examples.Select(e => e.CustomerId).Order(StringComparer.Ordinal), train.Concat(evaluation).Select(e => e.CustomerId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Split_DependsOnTheCustomerIdsOnly_NotOnTheirOrder()
    {
        var examples = Examples(300, 300);
        var shuffled = examples.OrderBy(e => e.CustomerId.GetHashCode(StringComparison.Ordinal) ^ 0x5bd1e995).ToList();

        var first = UpliftSplit.Split(examples).Evaluation.Select(e => e.CustomerId).ToHashSet();
        var second = UpliftSplit.Split(shuffled).Evaluation.Select(e => e.CustomerId).ToHashSet();

        Assert.Equal(first, second);
        // Not simply the first ids of each arm: the hash spreads the evaluation part over them.
        Assert.NotEqual(Enumerable.Range(0, 90).Select(i => $"t{i}").ToHashSet(), first.Where(id => id[0] == 't').ToHashSet());
    }
}
