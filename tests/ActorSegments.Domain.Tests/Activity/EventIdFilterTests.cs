using ActorSegments.Domain.Activity;

namespace ActorSegments.Domain.Tests.Activity;

public sealed class EventIdFilterTests
{
    [Fact]
    public void MayContain_AfterMoreIdsThanAnyWindow_StillFindsTheFirst()
    {
        var ids = new EventIdFilter();
        ids.Add("first");
        for (var i = 0; i < 100_000; i++)
        {
            ids.Add($"later-{i}");
        }

        Assert.True(ids.MayContain("first"));
        Assert.True(Enumerable.Range(0, 100_000).All(i => ids.MayContain($"later-{i}")));
    }

    [Fact]
    public void MayContain_NewIds_IsRarelyTrue()
    {
        var ids = new EventIdFilter();
        for (var i = 0; i < 100_000; i++)
        {
            ids.Add($"seen-{i}");
        }

        // Expected false candidates: 100,000 lookups x 100,000 / 2^32, about 2.3.
        var candidates = Enumerable.Range(0, 100_000).Count(i => ids.MayContain($"new-{i}"));

        Assert.InRange(candidates, 0, 20);
    }

    [Fact]
    public void Add_SameIdTwice_HoldsItOnce()
    {
        var ids = new EventIdFilter();
        ids.Add("a");
        ids.Add("a");
        ids.Add("b");

        Assert.Equal(2, ids.Count);
        Assert.False(ids.MayContain("c"));
        Assert.False(new EventIdFilter().MayContain("a"));
    }

    [Fact]
    public void Fingerprint_IsStableAcrossProcesses()
    {
        // Persisted in snapshots: a different value here would make every stored id unrecognizable.
        Assert.Equal(EventIdFilter.Fingerprint("evt-1"), EventIdFilter.Fingerprint("evt-1"));
        Assert.NotEqual(EventIdFilter.Fingerprint("evt-1"), EventIdFilter.Fingerprint("evt-2"));
        Assert.Equal(0x38D394C2u, EventIdFilter.Fingerprint(string.Empty));
    }

    [Fact]
    public void AddFingerprint_Zero_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventIdFilter().AddFingerprint(0));
    }
}
