using System.Net;
using System.Net.Sockets;

namespace ActorSegments.Domain.Webhooks;

/// <summary>
/// Which addresses webhooks may connect to. By default none that reach the server's own machine or network: loopback,
/// private (RFC 1918, unique local), link-local (where cloud metadata services answer), carrier-grade NAT,
/// unspecified, multicast and reserved ranges, in IPv4 and IPv6 (IPv4-mapped forms included). Otherwise any URL would
/// let whoever may create a webhook make the server send requests inside its network (server-side request forgery).
/// Networks an operator lists are allowed, for receivers on premises.
/// </summary>
public sealed class NetworkAddressPolicy(IReadOnlyList<IPNetwork> allowed)
{
    private static readonly IPNetwork[] Internal =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    public static NetworkAddressPolicy Default { get; } = new([]);

    public IReadOnlyList<IPNetwork> Allowed { get; } = allowed ?? throw new ArgumentNullException(nameof(allowed));

    /// <summary>Null when the address may be connected to; otherwise why not.</summary>
    public string? Refusal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (Allowed.Any(n => n.Contains(plain)))
        {
            return null;
        }

        if (plain.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            return $"{plain} is not an IP address";
        }

        foreach (var range in Internal)
        {
            if (range.BaseAddress.AddressFamily == plain.AddressFamily && range.Contains(plain))
            {
                return $"{plain} is an internal address ({range}); webhooks reach only public addresses unless the server's Webhooks:AllowedNetworks lists it";
            }
        }

        return null;
    }
}
