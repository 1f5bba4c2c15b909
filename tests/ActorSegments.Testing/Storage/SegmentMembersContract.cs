using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;
using Xunit;
using static ActorSegments.Testing.Storage.StorageUnderTest;

namespace ActorSegments.Testing.Storage;

/// <summary>What every <see cref="ISegmentMembers"/> must do, seeded through the journal.</summary>
public abstract class SegmentMembersContract<TStorage>
    where TStorage : IStorageFactory
{
    [Fact]
    public async Task Page_WhileCustomersEnterAndLeave_EachSteadyMemberAppearsOnceInOrdinalOrder()
    {
        await using var storage = await TStorage.StartAsync("members_paging");
        await storage.DefineAsync("w", "s");
        // Case and punctuation order differently in ordinal and linguistic order.
        string[] seeded = ["B7", "Zz", "_z", "a7", "a_b", "ab", .. Enumerable.Range(0, 24).Select(i => $"c{i:D2}")];
        await Task.WhenAll(seeded.Select((c, i) => storage.ChangeAsync("w", c, Enter("s", T0 + i))));
        await storage.ChangeAsync("w2", "c05", Enter("s", T0)); // another workspace's segment of the same name

        var read = new List<SegmentMember>();
        string? after = null;
        while (true)
        {
            var page = await storage.Members.PageAsync("w", "s", after, 7, TestContext.Current.CancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            read.AddRange(page);
            after = page[^1].CustomerId;
            if (read.Count == page.Count)
            {
                // After the first page: a read member and an unread one leave, an id behind the cursor and one ahead enter.
                await storage.ChangeAsync("w", page[0].CustomerId, Exit("s", T0 + 100));
                await storage.ChangeAsync("w", "c22", Exit("s", T0 + 100));
                await storage.ChangeAsync("w", $"{page[0].CustomerId}-", Enter("s", T0 + 100));
                await storage.ChangeAsync("w", $"{after}x", Enter("s", T0 + 100));
            }
        }

        var ids = read.Select(m => m.CustomerId).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(seeded.Where(c => c != "c22"), c => Assert.Contains(c, ids));
        Assert.DoesNotContain("c22", ids);
        Assert.Contains("c00x", ids); // entered ahead of the cursor after the first page
        Assert.DoesNotContain("B7-", ids); // entered behind it
        Assert.Equal(UnixTime.ToDateTimeOffset(T0 + 3), read.Single(m => m.CustomerId == "a7").Since);
    }

    [Fact]
    public async Task Overlap_ThreeSegments_SizesIntersectionUnionAndJaccard()
    {
        await using var storage = await TStorage.StartAsync("members_overlap");
        await storage.DefineAsync("w", "a", "b", "c", "empty");
        await storage.DefineAsync("w2", "a");
        var members = new Dictionary<int, string[]>
        {
            [1] = ["a"], [2] = ["a"], [3] = ["a"], [4] = ["a", "b"], [5] = ["a", "b", "c"],
            [6] = ["a", "b", "c"], [7] = ["b", "c"], [8] = ["b"], [9] = ["b"], [10] = ["c"],
        };
        await Task.WhenAll(members.Select(p => storage.ChangeAsync("w", $"c{p.Key}", [.. p.Value.Select(s => Enter(s, T0))])));
        await storage.ChangeAsync("w2", "c1", Enter("a", T0));

        var three = await storage.Members.OverlapAsync("w", ["a", "b", "c"], TestContext.Current.CancellationToken);
        var two = await storage.Members.OverlapAsync("w", ["a", "b", "a"], TestContext.Current.CancellationToken);
        var withEmpty = await storage.Members.OverlapAsync("w", ["a", "empty"], TestContext.Current.CancellationToken);
        var none = await storage.Members.OverlapAsync("w", ["empty"], TestContext.Current.CancellationToken);

        Assert.Equal(new Dictionary<string, long> { ["a"] = 6, ["b"] = 6, ["c"] = 4 }, three.Sizes);
        Assert.Equal((2L, 10L, 0.2), (three.Intersection, three.Union, three.Jaccard));
        Assert.Equal((3L, 9L), (two.Intersection, two.Union));
        Assert.Equal(1.0 / 3, two.Jaccard, 12);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 6, ["empty"] = 0 }, withEmpty.Sizes);
        Assert.Equal((0L, 6L, 0.0), (withEmpty.Intersection, withEmpty.Union, withEmpty.Jaccard));
        Assert.Equal((0L, 0L, 0.0), (none.Intersection, none.Union, none.Jaccard));
    }
}
