using ActorSegments.Server.Admission;

namespace ActorSegments.Server.Tests.Admission;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("30S", 30_000.0)]
    [InlineData("2M", 120_000.0)]
    [InlineData("1H", 3_600_000.0)]
    [InlineData("250m", 250.0)]
    [InlineData("1500u", 1.5)]
    [InlineData("99999999n", 99.9999)]
    public void Parse_ValidHeader_GivesTheTimeTheCallerAllowed(string header, double milliseconds) =>
        Assert.Equal(milliseconds, GrpcTimeout.Parse(header)!.Value.TotalMilliseconds, precision: 4);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("-5S")]
    [InlineData("123456789S")]
    public void Parse_MissingOrMalformedHeader_GivesNoDeadline(string? header) => Assert.Null(GrpcTimeout.Parse(header));
}
