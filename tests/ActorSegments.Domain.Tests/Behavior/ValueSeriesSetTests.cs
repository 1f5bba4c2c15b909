using ActorSegments.Domain.Behavior;

namespace ActorSegments.Domain.Tests.Behavior;

public sealed class ValueSeriesSetTests
{
    private static readonly EventTypeModel ProductViewed = BehaviorModel.Default.EventType("product_viewed");

    [Fact]
    public void AFullSet_MakesRoomByDroppingTheLeastRecentlySeenValue()
    {
        var set = FullSet();

        Assert.NotNull(Record(set, "Home", time: 400));

        Assert.Equal(["Laptops", "Gaming", "Home"], set.Values.Select(v => v.Key));
        Assert.Null(set.Find("Audio"));
    }

    [Fact]
    public void ALateEventOfAnUnknownValue_DoesNotEvictAValueSeenMoreRecently()
    {
        var set = FullSet();

        Assert.Null(Record(set, "Home", time: 50));

        Assert.Equal(3, set.Count);
        Assert.Null(set.Find("Home"));
    }

    [Fact]
    public void Values_AreFoundByContentAndKeptAsOnePooledCopy()
    {
        var set = new ValueSeriesSet();
        var first = new string("Smartphones".AsSpan());
        var series = Record(set, first, time: 100);

        var equal = new string("Smartphones".AsSpan());
        Assert.Same(series, set.Find(equal));
        Assert.Same(series, Record(set, equal, time: 200));
        Assert.Equal(2, series!.TotalCount);
        Assert.Same(SharedStrings.Intern(equal), set.Values.Single().Key);
    }

    [Fact]
    public void PooledStrings_AreOneInstanceAndLongOnesAreLeftAlone()
    {
        var a = SharedStrings.Intern(new string("category-value-x".AsSpan()));
        var b = SharedStrings.Intern(new string("category-value-x".AsSpan()));
        Assert.Same(a, b);

        var longText = new string('x', SharedStrings.MaxLength + 1);
        Assert.Same(longText, SharedStrings.Intern(longText));
        Assert.NotSame(SharedStrings.Intern(new string(longText.AsSpan())), longText);
    }

    /// <summary>Three values (the capacity), last seen at 100, 300 and 200.</summary>
    private static ValueSeriesSet FullSet()
    {
        var set = new ValueSeriesSet();
        Record(set, "Audio", time: 100);
        Record(set, "Laptops", time: 300);
        Record(set, "Gaming", time: 200);
        return set;
    }

    private static EventSeries? Record(ValueSeriesSet set, string value, long time)
    {
        var series = set.SeriesFor(value, time, ProductViewed, capacity: 3);
        series?.Add(time, [], BehaviorModel.Default.Tiers, reference: 1000);
        return series;
    }
}
