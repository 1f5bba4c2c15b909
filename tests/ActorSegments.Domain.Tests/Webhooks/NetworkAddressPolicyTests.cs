using System.Net;
using ActorSegments.Domain.Webhooks;

namespace ActorSegments.Domain.Tests.Webhooks;

/// <summary>Which addresses webhooks may reach: public ones, and internal ones only when an operator lists them.</summary>
public sealed class NetworkAddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.9.9.9")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Refusal_InternalAddresses_AreRefusedByDefault(string address)
    {
        var refusal = NetworkAddressPolicy.Default.Refusal(IPAddress.Parse(address));

        Assert.NotNull(refusal);
        Assert.Contains("internal address", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("93.184.216.34")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Refusal_PublicAddresses_AreAllowed(string address) =>
        Assert.Null(NetworkAddressPolicy.Default.Refusal(IPAddress.Parse(address)));

    [Fact]
    public void Refusal_AListedNetwork_IsAllowed_AndOnlyThatOne()
    {
        var policy = new NetworkAddressPolicy([IPNetwork.Parse("10.20.0.0/16")]);

        Assert.Null(policy.Refusal(IPAddress.Parse("10.20.3.4")));
        Assert.Null(policy.Refusal(IPAddress.Parse("::ffff:10.20.3.4")));
        Assert.NotNull(policy.Refusal(IPAddress.Parse("10.21.0.1")));
        Assert.NotNull(policy.Refusal(IPAddress.Parse("127.0.0.1")));
    }
}
