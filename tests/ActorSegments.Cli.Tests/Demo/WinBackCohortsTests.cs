using ActorSegments.Cli.Demo;
using ActorSegments.Protos.V1;

namespace ActorSegments.Cli.Tests.Demo;

public sealed class WinBackCohortsTests
{
    [Fact]
    public void Recommend_TheCohortsWhereDriftingValuableCustomersConcentrate()
    {
        List<CustomerProfile> profiles =
        [
            .. Customers("cohort-1", drifting: 6, others: 4),
            .. Customers("cohort-2", drifting: 1, others: 9),
            .. Customers("cohort-3", drifting: 5, others: 5),
            .. Customers("cohort-4", drifting: 0, others: 10),
            new CustomerProfile { CustomerId = "no-cohort", Rfm = Drifting },
        ];

        // Overall 12 of 40 drift (30%): cohorts at 45% or more are recommended.
        Assert.Equal(["cohort-1", "cohort-3"], WinBackCohorts.Recommend(profiles));
    }

    [Fact]
    public void Recommend_NoCohortStandsOut_TheHighestShareAlone_AndNoCohortsNone()
    {
        List<CustomerProfile> even = [.. Customers("cohort-1", 1, 3), .. Customers("cohort-2", 1, 2)];

        Assert.Equal(["cohort-2"], WinBackCohorts.Recommend(even));
        Assert.Empty(WinBackCohorts.Recommend([new CustomerProfile { CustomerId = "c" }]));
    }

    private static readonly Rfm Drifting = new() { RecencyScore = 1, MonetaryScore = 4 };

    private static IEnumerable<CustomerProfile> Customers(string cohort, int drifting, int others) =>
        Enumerable.Range(0, drifting + others).Select(i => new CustomerProfile
        {
            CustomerId = $"{cohort}-{i}",
            Cohort = cohort,
            Rfm = i < drifting ? Drifting : new Rfm { RecencyScore = 5, MonetaryScore = 4 },
        });
}
