using ActorSegments.Datasets.Synthetic;

namespace ActorSegments.Cli.Tests.Demo;

public sealed class CampaignResponseTests
{
    private static readonly SyntheticShop Shop = new(42, 4000, 60, new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Answer_SameSeedAndCustomer_IsTheSameEveryTime_AndAMessageNeverTurnsABuyerAway()
    {
        foreach (var customer in Shop.Customers)
        {
            var quiet = CampaignResponse.Answer(42, customer, messaged: false);
            var messaged = CampaignResponse.Answer(42, customer, messaged: true);

            Assert.Equal(quiet, CampaignResponse.Answer(42, customer, messaged: false));
            Assert.True(quiet is null || messaged == quiet, "the same customer's luck holds in every arm");
            Assert.True(messaged is null || messaged.Revenue > 0);
        }
    }

    [Fact]
    public void Answer_OverManyCustomers_MeetsEachArchetypesRatesWithAndWithoutTheMessage()
    {
        foreach (var group in Shop.Customers.GroupBy(c => c.Archetype))
        {
            var (chance, lift) = CampaignResponse.Of(group.Key);
            var n = group.Count();
            var quiet = group.Count(c => CampaignResponse.Answer(42, c, false) is not null) / (double)n;
            var messaged = group.Count(c => CampaignResponse.Answer(42, c, true) is not null) / (double)n;

            // Four binomial standard deviations of the smallest group (about 300 customers): the draws are fixed by the
            // seed, so this either always holds or never does.
            var tolerance = 4 * Math.Sqrt(0.25 / n);
            Assert.InRange(quiet, chance - tolerance, chance + tolerance);
            Assert.InRange(messaged, chance + lift - tolerance, chance + lift + tolerance);
        }
    }
}
