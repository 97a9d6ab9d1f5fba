using System.Net;

namespace Workflows.Core.Automations.Webhooks;

/// <summary>
/// The address ranges a webhook must not reach unless allowed: what they are is the reason a refusal gives. IPv4
/// addresses written as IPv6 (<c>::ffff:127.0.0.1</c>) are judged as the IPv4 address they carry.
/// </summary>
internal static class InternalAddresses
{
    // More specific ranges first: the metadata address lies inside link-local and must be named as what it is.
    private static readonly (IPNetwork Range, string Kind)[] Ranges =
    [
        (IPNetwork.Parse("169.254.169.254/32"), "the cloud metadata address"),
        (IPNetwork.Parse("fd00:ec2::254/128"), "the cloud metadata address"),
        (IPNetwork.Parse("0.0.0.0/8"), "an unspecified address"),
        (IPNetwork.Parse("::/128"), "an unspecified address"),
        (IPNetwork.Parse("127.0.0.0/8"), "a loopback address"),
        (IPNetwork.Parse("::1/128"), "a loopback address"),
        (IPNetwork.Parse("169.254.0.0/16"), "a link-local address"),
        (IPNetwork.Parse("fe80::/10"), "a link-local address"),
        (IPNetwork.Parse("10.0.0.0/8"), "a private address"),
        (IPNetwork.Parse("172.16.0.0/12"), "a private address"),
        (IPNetwork.Parse("192.168.0.0/16"), "a private address"),
        (IPNetwork.Parse("fc00::/7"), "a private address"),
        (IPNetwork.Parse("100.64.0.0/10"), "a shared (carrier-grade NAT) address"),
        (IPNetwork.Parse("224.0.0.0/4"), "a multicast address"),
        (IPNetwork.Parse("ff00::/8"), "a multicast address"),
        (IPNetwork.Parse("240.0.0.0/4"), "a reserved address"),
    ];

    /// <summary>What kind of internal address this is ("a loopback address"), or null for a public one.</summary>
    public static string? KindOf(IPAddress address)
    {
        var judged = Normalize(address);
        foreach (var (range, kind) in Ranges)
        {
            if (range.Contains(judged))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The address as it is compared: IPv4-mapped IPv6 as its IPv4 address, without a scope id.</summary>
    public static IPAddress Normalize(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && address.ScopeId != 0 ? new IPAddress(address.GetAddressBytes()) : address;
    }
}
