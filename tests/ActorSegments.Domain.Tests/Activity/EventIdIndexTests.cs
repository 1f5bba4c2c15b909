using ActorSegments.Domain.Activity;

namespace ActorSegments.Domain.Tests.Activity;

public sealed class EventIdIndexTests
{
    [Fact]
    public void Candidates_AfterMoreIdsThanAnyWindow_StillNameTheFirstEntry()
    {
        var ids = new EventIdIndex();
        ids.Add("first", 1);
        for (var i = 0; i < 100_000; i++)
        {
            ids.Add($"later-{i}", i + 2);
        }

        Assert.Contains(1L, ids.Candidates("first"));
        Assert.True(ids.MayContain("first"));
        Assert.True(Enumerable.Range(0, 100_000).All(i => ids.Candidates($"later-{i}").Contains(i + 2L)));
        Assert.Equal(100_001, ids.Count);
    }

    [Fact]
    public void MayContain_NewIds_IsRarelyTrue()
    {
        var ids = new EventIdIndex();
        for (var i = 0; i < 100_000; i++)
        {
            ids.Add($"seen-{i}", i + 1);
        }

        // Expected false candidates: 100,000 lookups x 100,000 / 2^32, about 2.3.
        var candidates = Enumerable.Range(0, 100_000).Count(i => ids.MayContain($"new-{i}"));

        Assert.InRange(candidates, 0, 20);
        Assert.False(new EventIdIndex().MayContain("a"));
    }

    [Theory]
    [InlineData(0)] // scanned
    [InlineData(EventIdIndex.ScanLimit)] // hashed
    public void Matches_OfIdsSharingAFingerprint_AreEveryEntryWithIt(int before)
    {
        var ids = new EventIdIndex();
        for (var i = 1; i <= before; i++)
        {
            ids.Add(1_000_000u + (uint)i, i);
        }

        ids.Add(7u, before + 1);
        ids.Add(8u, before + 2);
        ids.Add(7u, before + 3);
        ids.Add(7u + (1u << 20), before + 4); // the same start slot in any table up to 2^20 slots

        Assert.Equal([before + 1L, before + 3L], ids.Matches(7u).Order());
        Assert.Equal([before + 2L], ids.Matches(8u));
        Assert.Equal([before + 4L], ids.Matches(7u + (1u << 20)));
        Assert.Empty(ids.Matches(9u));
        Assert.Equal([7u, 8u, 7u, 7u + (1u << 20)], ids.Fingerprints[before..].ToArray());
    }

    [Fact]
    public void MayContain_AcrossTheScanLimit_FindsEveryEntryAndNothingElse()
    {
        var ids = new EventIdIndex();
        for (var i = 1; i <= EventIdIndex.ScanLimit * 3; i++)
        {
            ids.Add($"e-{i}", i);
            Assert.True(ids.MayContain($"e-{i}"));
            Assert.True(ids.MayContain("e-1"));
            Assert.Equal([i], ids.Candidates($"e-{i}"));
        }

        Assert.Equal(0, Enumerable.Range(0, 1_000).Count(i => ids.MayContain($"new-{i}")));
    }

    [Fact]
    public void Add_OutOfSequence_IsRefused()
    {
        var ids = new EventIdIndex();
        ids.Add("a", 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => ids.Add("b", 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ids.Add("b", 1));
    }

    [Fact]
    public void FromFingerprints_FindsWhatTheAddsFound()
    {
        var built = new EventIdIndex();
        for (var i = 1; i <= 5_000; i++)
        {
            built.Add($"e-{i % 4_000}", i); // some ids twice
        }

        var loaded = EventIdIndex.FromFingerprints(built.Fingerprints);

        Assert.Equal(built.Count, loaded.Count);
        Assert.All(Enumerable.Range(0, 4_000), i => Assert.Equal(built.Candidates($"e-{i}").Order(), loaded.Candidates($"e-{i}").Order()));
        Assert.Equal([5L, 4_005L], loaded.Candidates("e-5").Order());
    }

    [Fact]
    public void Fingerprint_IsStableAcrossProcesses()
    {
        // Persisted in snapshots: a different value here would make every stored id unrecognizable.
        Assert.Equal(EventIdIndex.Fingerprint("evt-1"), EventIdIndex.Fingerprint("evt-1"));
        Assert.NotEqual(EventIdIndex.Fingerprint("evt-1"), EventIdIndex.Fingerprint("evt-2"));
        Assert.Equal(0x38D394C2u, EventIdIndex.Fingerprint(string.Empty));
    }
}
