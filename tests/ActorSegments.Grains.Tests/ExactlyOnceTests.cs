using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Activity;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;

namespace ActorSegments.Grains.Tests;

/// <summary>
/// A retried event is applied once however many events came since, across snapshots, replays and older snapshot
/// formats; and an event is never taken for a duplicate because its id shares a fingerprint with another.
/// </summary>
[Collection(ClusterCollectionDefinition.Name)]
public sealed class ExactlyOnceTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = ClusterFixture.Start.AddDays(-30);

    private static CustomerEvent Purchase(string id, int minute) =>
        new(id, "purchase", T0.AddMinutes(minute), new Dictionary<string, PropertyValue> { ["revenue"] = PropertyValue.Of(10.0) });

    private static CustomerEvent[] Purchases(string prefix, int count, int firstMinute = 0) =>
        [.. Enumerable.Range(0, count).Select(i => Purchase($"{prefix}-{i}", firstMinute + i))];

    private ICustomerGrain NewCustomer(out (string Workspace, string Customer) id)
    {
        id = ($"ws-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}");
        return fixture.Grains.GetGrain<ICustomerGrain>(CustomerGrainKey.Format(id.Workspace, id.Customer));
    }

    [Fact]
    public async Task TrackAsync_RetryOfABatchLargerThanAnyWindow_IsAllDuplicates()
    {
        var customer = NewCustomer(out _);
        var batch = Purchases("p", 513);
        await customer.TrackAsync(batch);

        var retry = await customer.TrackAsync(batch);

        Assert.Equal(new TrackResult(0, 513), retry);
        var profile = await customer.GetProfileAsync();
        Assert.Equal(513, profile!.TotalEvents);
        Assert.Equal(513L, profile.Rfm!.Frequency);
    }

    [Fact]
    public async Task TrackAsync_EventResentAfterAThousandLaterEvents_IsADuplicate_BeforeAndAfterASnapshot()
    {
        var customer = NewCustomer(out _);
        await customer.TrackAsync([Purchase("first", 0)]);
        foreach (var chunk in Purchases("later", 1_000, firstMinute: 1).Chunk(250))
        {
            await customer.TrackAsync(chunk);
        }

        Assert.Equal(new TrackResult(0, 1), await customer.TrackAsync([Purchase("first", 0)]));
        await fixture.Cluster.DeactivateAsync(customer); // writes a snapshot
        Assert.Equal(new TrackResult(1, 2), await customer.TrackAsync([Purchase("first", 0), Purchase("later-3", 4), Purchase("new", 2_000)]));
        Assert.Equal(1_002, (await customer.GetProfileAsync())!.TotalEvents);
    }

    [Fact]
    public async Task TrackAsync_AfterAReplayWithNoSnapshot_RecognizesEveryId()
    {
        var customer = NewCustomer(out var id);
        await customer.TrackAsync(Purchases("p", 700));
        fixture.Journal.FailNextSnapshot(id.Workspace, id.Customer);
        await fixture.Cluster.DeactivateAsync(customer);
        fixture.Journal.ForgetSnapshot(id.Workspace, id.Customer); // a lost cache: everything comes back from the journal

        Assert.Equal(new TrackResult(0, 700), await customer.TrackAsync(Purchases("p", 700)));
    }

    [Fact]
    public async Task TrackAsync_IdsSharingAFingerprint_AreBothApplied()
    {
        var (first, second) = FingerprintCollision();
        var customer = NewCustomer(out var id);
        await customer.TrackAsync([Purchase(first, 0)]);

        Assert.Equal(new TrackResult(1, 0), await customer.TrackAsync([Purchase(second, 1)]));
        Assert.Equal(new TrackResult(0, 2), await customer.TrackAsync([Purchase(first, 0), Purchase(second, 1)]));
        Assert.Equal([first, second], fixture.Journal.Entries(id.Workspace, id.Customer).Select(e => e.Record.EventId));
    }

    [Fact]
    public async Task TrackAsync_IdsSharingAFingerprintInOneRequest_AreBothApplied_ARepeatedIdOnce()
    {
        var (first, second) = FingerprintCollision();
        var customer = NewCustomer(out _);

        var result = await customer.TrackAsync([Purchase(first, 0), Purchase(second, 1), Purchase(first, 0)]);

        Assert.Equal(new TrackResult(2, 1), result);
    }

    [Fact]
    public async Task IdentifyAsync_UpdateRetriedAfterALaterUpdateAndAReplay_IsAppliedOnce()
    {
        var customer = NewCustomer(out var id);
        var gold = new TraitUpdate("identify-1", T0, [new("plan", TraitValue.Of("gold")), new("tags", TraitValue.Of(["vip", "eu"]))]);
        Assert.True(await customer.IdentifyAsync(gold));
        await customer.TrackAsync(Purchases("p", 20));
        Assert.True(await customer.IdentifyAsync(new TraitUpdate("identify-2", T0.AddHours(1), [new("plan", TraitValue.Of("silver")), new("tags", null)])));
        fixture.Journal.FailNextSnapshot(id.Workspace, id.Customer);
        await fixture.Cluster.DeactivateAsync(customer);
        fixture.Journal.ForgetSnapshot(id.Workspace, id.Customer); // the ids come back from the journal alone

        var retried = await customer.IdentifyAsync(gold);

        Assert.False(retried);
        var traits = (await customer.GetProfileAsync())!.Traits;
        Assert.Equal(["plan=silver"], traits.Select(t => $"{t.Name}={t.Text}"));
        Assert.Equal(22, fixture.Journal.Entries(id.Workspace, id.Customer).Count);
        Assert.IsType<TraitUpdate>(fixture.Journal.Entries(id.Workspace, id.Customer)[0].Record);
    }

    [Fact]
    public async Task ApplyModelOutputsAsync_OutputRetriedAfterALaterOutputAndAReplay_IsAppliedOnce()
    {
        var customer = NewCustomer(out var id);
        await customer.TrackAsync([Purchase("p-0", 0)]);
        var first = new ModelOutput("purchase_30d-v1", T0) { Scores = [new("purchase_30d", 0.2)], Cohort = "cohort-1" };
        Assert.True(await customer.ApplyModelOutputsAsync(first));
        Assert.True(await customer.ApplyModelOutputsAsync(new ModelOutput("purchase_30d-v2", T0) { Scores = [new("purchase_30d", 0.7)], Cohort = null }));
        fixture.Journal.FailNextSnapshot(id.Workspace, id.Customer);
        await fixture.Cluster.DeactivateAsync(customer);
        fixture.Journal.ForgetSnapshot(id.Workspace, id.Customer);

        var retried = await customer.ApplyModelOutputsAsync(first);

        Assert.False(retried);
        var profile = await customer.GetProfileAsync();
        Assert.Equal(0.7, profile!.Scores["purchase_30d"]);
        Assert.Null(profile.Cohort);
        Assert.Equal(3, fixture.Journal.Entries(id.Workspace, id.Customer).Count);
    }

    [Fact]
    public async Task TrackAsync_EventWithTheIdOfAStoredModelOutput_IsApplied_AndTheOutputsRetryStillAMatch()
    {
        // Live scores are recorded as model outputs with ids such as "$score:2"; a client may send any id, that one too.
        var customer = NewCustomer(out var id);
        await customer.TrackAsync([Purchase("p-0", 0)]);
        Assert.True(await customer.ApplyModelOutputsAsync(new ModelOutput("$score:2", T0) { Scores = [new("purchase_30d", 0.4)] }));

        var sent = await customer.TrackAsync([Purchase("$score:2", 1)]);
        var outputRetried = await customer.ApplyModelOutputsAsync(new ModelOutput("$score:2", T0) { Scores = [new("purchase_30d", 0.9)] });
        var eventRetried = await customer.TrackAsync([Purchase("$score:2", 1)]);

        Assert.Equal(new TrackResult(1, 0), sent);
        Assert.False(outputRetried);
        Assert.Equal(new TrackResult(0, 1), eventRetried);
        var profile = await customer.GetProfileAsync();
        Assert.Equal(2L, profile!.Rfm!.Frequency);
        Assert.Equal(0.4, profile.Scores["purchase_30d"]);
        Assert.Equal(3, fixture.Journal.Entries(id.Workspace, id.Customer).Count);
    }

    /// <summary>Two distinct ids with the same 32-bit fingerprint (found in about 80,000 tries).</summary>
    private static (string First, string Second) FingerprintCollision()
    {
        var seen = new Dictionary<uint, string>();
        for (var i = 0; ; i++)
        {
            var id = $"collide-{i}";
            if (seen.TryGetValue(EventIdIndex.Fingerprint(id), out var earlier))
            {
                return (earlier, id);
            }

            seen[EventIdIndex.Fingerprint(id)] = id;
        }
    }
}
