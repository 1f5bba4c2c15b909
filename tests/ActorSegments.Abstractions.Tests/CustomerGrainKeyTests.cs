using ActorSegments.Abstractions.Customers;

namespace ActorSegments.Abstractions.Tests;

public sealed class CustomerGrainKeyTests
{
    [Theory]
    [InlineData("acme", "17850")]
    [InlineData("acme", "a")]
    [InlineData("acme", "0a")]
    [InlineData("acme", "user/with/slashes")]
    [InlineData("acme", "x+y")]
    public void Parse_FormattedKey_RoundTrips(string workspace, string customer)
    {
        var key = CustomerGrainKey.Format(workspace, customer);

        Assert.Equal((workspace, customer), CustomerGrainKey.Parse(key));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("0a")]
    [InlineData("A")]
    [InlineData("000A")]
    [InlineData("17850")]
    [InlineData("4f8c2a1e-9d3b-4c6a-8e2f-1a2b3c4d5e6f")]
    public void Format_AnyCustomerId_NeverParsesAsHexNumberOrGuid(string customer)
    {
        // Orleans' ADO.NET storage treats keys that parse as hex or a GUID as numeric identities, which would merge
        // "a", "0a" and "000A" into one row. The prefix must make that impossible.
        var key = CustomerGrainKey.Format("acme", customer);

        Assert.StartsWith("cust:", key, StringComparison.Ordinal);
        Assert.False(long.TryParse(key, System.Globalization.NumberStyles.HexNumber, null, out _));
        Assert.False(Guid.TryParse(key, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("customer:acme/1")]
    [InlineData("cust:acme")]
    [InlineData("cust:/1")]
    [InlineData("cust:acme/")]
    public void TryParse_NotACustomerKey_ReturnsFalse(string key) =>
        Assert.False(CustomerGrainKey.TryParse(key, out _, out _));

    [Fact]
    public void Format_WorkspaceWithSlash_Throws() =>
        Assert.Throws<ArgumentException>(() => CustomerGrainKey.Format("ac/me", "1"));
}
