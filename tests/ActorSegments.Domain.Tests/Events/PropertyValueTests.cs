using ActorSegments.Domain.Events;

namespace ActorSegments.Domain.Tests.Events;

public sealed class PropertyValueTests
{
    [Fact]
    public void Of_EachKind_KeepsKindAndValue()
    {
        Assert.Equal((PropertyKind.String, "Smartphones"), (PropertyValue.Of("Smartphones").Kind, PropertyValue.Of("Smartphones").Text));
        Assert.Equal((PropertyKind.Number, 129.9), (PropertyValue.Of(129.9).Kind, PropertyValue.Of(129.9).Number));
        Assert.True(PropertyValue.Of(true).IsTrue);
        Assert.False(PropertyValue.Of(false).IsTrue);
    }

    [Fact]
    public void Equality_SameKindAndValue_Equal()
    {
        Assert.Equal(PropertyValue.Of("a"), PropertyValue.Of("a"));
        Assert.NotEqual(PropertyValue.Of("1"), PropertyValue.Of(1));
    }

    [Fact]
    public void ToString_UsesInvariantCulture() => Assert.Equal("0.5", PropertyValue.Of(0.5).ToString());
}
