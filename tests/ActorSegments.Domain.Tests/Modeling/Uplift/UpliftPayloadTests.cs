using ActorSegments.Domain.Modeling.Uplift;

namespace ActorSegments.Domain.Tests.Modeling.Uplift;

public sealed class UpliftPayloadTests
{
    [Fact]
    public void Unpack_OfPack_GivesBothPartsBack()
    {
        byte[] treated = [1, 2, 3];
        byte[] control = [9, 8, 7, 6, 5];

        var (t, c) = UpliftPayload.Unpack(UpliftPayload.Pack(treated, control));

        Assert.Equal(treated, t);
        Assert.Equal(control, c);
        Assert.Equal(([], []), UpliftPayload.Unpack(UpliftPayload.Pack([], [])));
    }

    [Fact]
    public void Unpack_APayloadOfAnotherKindTruncatedOrWithTrailingBytes_IsRefused()
    {
        var packed = UpliftPayload.Pack([1, 2, 3], [4]);

        Assert.Throws<InvalidDataException>(() => UpliftPayload.Unpack([0x50, 0x4B, 3, 4])); // a zip: a propensity model's payload
        Assert.Throws<InvalidDataException>(() => UpliftPayload.Unpack(packed[..^1]));
        Assert.Throws<InvalidDataException>(() => UpliftPayload.Unpack([.. packed, 0]));
    }
}
