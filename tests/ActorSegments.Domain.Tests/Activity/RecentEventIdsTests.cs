using ActorSegments.Domain.Activity;

namespace ActorSegments.Domain.Tests.Activity;

public sealed class RecentEventIdsTests
{
    [Fact]
    public void Add_RemembersIdsUpToTheCapacity_ForgettingTheOldestFirst()
    {
        var ids = new RecentEventIds(capacity: 3);

        Assert.True(ids.Add("a"));
        Assert.False(ids.Add("a"));
        ids.Add("b");
        ids.Add("c");
        ids.Add("d");

        Assert.False(ids.Contains("a"));
        Assert.True(ids.Contains("b") && ids.Contains("c") && ids.Contains("d"));
        Assert.Equal(3, ids.Count);
        Assert.True(ids.Add("a"));
    }

    [Fact]
    public void Hash_IsStableAcrossProcesses()
    {
        // Persisted in snapshots: a different value here would make every stored id unrecognizable.
        Assert.Equal(RecentEventIds.Hash("evt-1"), RecentEventIds.Hash("evt-1"));
        Assert.NotEqual(RecentEventIds.Hash("evt-1"), RecentEventIds.Hash("evt-2"));
        Assert.Equal(0x2D06800538D394C2UL, RecentEventIds.Hash(string.Empty));
    }
}
