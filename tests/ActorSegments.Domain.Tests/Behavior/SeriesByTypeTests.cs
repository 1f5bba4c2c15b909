using ActorSegments.Domain.Behavior;

namespace ActorSegments.Domain.Tests.Behavior;

public sealed class SeriesByTypeTests
{
    [Fact]
    public void SeriesByType_PastTheTypesItScans_FindsEveryTypeAndKeepsFirstSeenOrder()
    {
        var table = new SeriesByType();
        var series = Enumerable.Range(0, 20).Select(_ => new EventSeries(0, 0)).ToArray();
        for (var i = 0; i < series.Length; i++)
        {
            table.Set($"type_{19 - i}", series[i]);
        }

        var replacement = new EventSeries(0, 0);
        table.Set("type_7", replacement);

        Assert.Equal(20, table.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"type_{19 - i}"), table.Keys);
        Assert.Same(replacement, table["type_7"]);
        Assert.Same(series[0], table["type_19"]);
        Assert.Same(series[19], table["type_0"]);
        Assert.False(table.ContainsKey("type_20"));
        Assert.False(table.TryGetValue("type_", out _));
        Assert.Throws<KeyNotFoundException>(() => table["missing"]);
    }
}
