using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Events;

namespace ActorSegments.Grains.Tests;

/// <summary>
/// Links that would wait on each other (docs/identity.md, "Opposite links"): a into b and b into a at the same instant,
/// or a cycle of three. Every call finishes: applied, a duplicate, or refused as a conflict that its retry resolves;
/// the ids end as one customer holding every history once, merged exactly as often as needed.
/// </summary>
[Collection(ClusterCollectionDefinition.Name)]
public sealed class OppositeLinkTests(ClusterFixture fixture)
{
    private const int Rounds = 25;

    private static readonly DateTimeOffset T0 = ClusterFixture.Start.AddDays(-2);

    private ICustomerGrain Customer(string workspace, string customer) => fixture.Grains.GetCustomer(workspace, customer);

    private static CustomerEvent Purchase(string id, int minute) => new(id, "purchase", T0.AddMinutes(minute), CustomerEvent.NoProperties);

    /// <summary>
    /// One Alias call as the gateway makes it (to the customer, then wherever it redirects): its result, or the
    /// conflict it was refused with.
    /// </summary>
    private async Task<(AliasResult? Result, CustomerLinkConflictException? Conflict)> AliasAsync(string workspace, string customer, string previous, string linkId)
    {
        var request = new AliasRequest(linkId, previous, false, ClusterFixture.Start);
        try
        {
            for (var hop = 0; hop < 8; hop++)
            {
                var result = await Customer(workspace, customer).MergeAsync(request);
                if (result.RedirectTo is not { } next)
                {
                    return (result, null);
                }

                customer = next;
            }
        }
        catch (CustomerLinkConflictException conflict)
        {
            return (null, conflict);
        }

        throw new InvalidOperationException("redirect loop");
    }

    /// <summary>Retries a link refused as a conflict, as a client does, until it is answered (bounded: each retry meets at most the links still running).</summary>
    private async Task<AliasResult> RetriedAsync(string workspace, string customer, string previous, string linkId)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var (result, _) = await AliasAsync(workspace, customer, previous, linkId);
            if (result is not null)
            {
                return result;
            }
        }

        throw new InvalidOperationException($"link {linkId} still conflicts after 10 retries");
    }

    /// <summary>The customer an id resolves to, following aliases as reads do.</summary>
    private async Task<string> ResolveAsync(string workspace, string customer)
    {
        for (var hop = 0; hop < 8; hop++)
        {
            try
            {
                await Customer(workspace, customer).GetProfileAsync();
                return customer;
            }
            catch (CustomerAliasedException aliased)
            {
                customer = aliased.CustomerId;
            }
        }

        throw new InvalidOperationException("redirect loop");
    }

    private int LinkRecords(string workspace, string customer) => fixture.Journal.Entries(workspace, customer).Count(e => e.Record is AliasLink);

    [Fact]
    public async Task MergeAsync_OppositeLinksAtTheSameInstant_BothFinish_TheLinkIntoTheSmallerIdWins_OneMergeHoldsBothHistories()
    {
        var ws = $"ws-{Guid.NewGuid():N}";
        var conflicts = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var (a, b) = ($"a-{round}", $"b-{round}"); // a sorts before b
            await Customer(ws, a).TrackAsync([Purchase($"{a}-1", 0), Purchase($"{a}-2", 1)]);
            await Customer(ws, b).TrackAsync([Purchase($"{b}-1", 2)]);

            var intoB = AliasAsync(ws, b, a, $"l-{a}-into-{b}");
            var intoA = AliasAsync(ws, a, b, $"l-{b}-into-{a}");
            var answers = await Task.WhenAll(intoB, intoA);

            // At most one link applied; a conflict only ever refuses the link into the greater id, and its retry then
            // finds the two ids one customer.
            Assert.Single(answers, x => x.Result is { Applied: true });
            Assert.Null(answers[1].Conflict);
            if (answers[0].Conflict is { } conflict)
            {
                conflicts++;
                Assert.Equal("previous_id", conflict.Field);
                Assert.Equal(new AliasResult(false, a, 0), await RetriedAsync(ws, b, a, $"l-{a}-into-{b}"));
            }

            var winner = answers.Single(x => x.Result is { Applied: true }).Result!;
            var loser = winner.CustomerId == a ? b : a;
            var survivor = (await Customer(ws, winner.CustomerId).GetProfileAsync())!;
            Assert.Equal(3, survivor.TotalEvents);
            Assert.Equal(TrackResult.Redirect(winner.CustomerId), await Customer(ws, loser).TrackAsync([Purchase($"{a}-1", 0)]));
            Assert.Equal((1, 1), (LinkRecords(ws, winner.CustomerId), LinkRecords(ws, loser)));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{conflicts} of {Rounds} rounds met as a conflict");
    }

    [Fact]
    public async Task MergeAsync_ACycleOfThreeLinksAtTheSameInstant_AllFinish_AndTheRetriesLeaveOneCustomer()
    {
        var ws = $"ws-{Guid.NewGuid():N}";
        for (var round = 0; round < Rounds; round++)
        {
            string[] ids = [$"a-{round}", $"b-{round}", $"c-{round}"];
            foreach (var id in ids)
            {
                await Customer(ws, id).TrackAsync([Purchase($"{id}-1", 0)]);
            }

            // a into b, b into c, c into a: each survivor waits on the next id's surrender.
            var links = Enumerable.Range(0, 3).Select(i => (Customer: ids[(i + 1) % 3], Previous: ids[i], LinkId: $"l-{ids[i]}")).ToList();
            var answers = await Task.WhenAll(links.Select(l => AliasAsync(ws, l.Customer, l.Previous, l.LinkId)));
            var retried = new List<AliasResult>();
            foreach (var (link, answer) in links.Zip(answers))
            {
                retried.Add(answer.Result ?? await RetriedAsync(ws, link.Customer, link.Previous, link.LinkId));
            }

            Assert.Equal(2, retried.Count(r => r.Applied));
            var resolved = await Task.WhenAll(ids.Select(id => ResolveAsync(ws, id)));
            var survivor = Assert.Single(resolved.Distinct());
            Assert.Equal(3, (await Customer(ws, survivor).GetProfileAsync())!.TotalEvents);
            Assert.Equal(2 * 2, ids.Sum(id => LinkRecords(ws, id))); // each merge: the surrender and the import
        }
    }
}
