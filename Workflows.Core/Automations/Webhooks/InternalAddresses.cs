using System.Net;
using Workflows.Core.Localization;

namespace Workflows.Core.Automations.Webhooks;

/// <summary>
/// The address ranges a webhook must not reach unless allowed: what they are (a <see cref="RefusalText"/> key) is the
/// reason a refusal gives. IPv4 addresses written as IPv6 (<c>::ffff:127.0.0.1</c>) are judged as the IPv4 address
/// they carry.
/// </summary>
internal static class InternalAddresses
{
    // More specific ranges first: the metadata address lies inside link-local and must be named as what it is.
    private static readonly (IPNetwork Range, string Kind)[] Ranges =
    [
        (IPNetwork.Parse("169.254.169.254/32"), "AddressCloudMetadata"),
        (IPNetwork.Parse("fd00:ec2::254/128"), "AddressCloudMetadata"),
        (IPNetwork.Parse("0.0.0.0/8"), "AddressUnspecified"),
        (IPNetwork.Parse("::/128"), "AddressUnspecified"),
        (IPNetwork.Parse("127.0.0.0/8"), "AddressLoopback"),
        (IPNetwork.Parse("::1/128"), "AddressLoopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "AddressLinkLocal"),
        (IPNetwork.Parse("fe80::/10"), "AddressLinkLocal"),
        (IPNetwork.Parse("10.0.0.0/8"), "AddressPrivate"),
        (IPNetwork.Parse("172.16.0.0/12"), "AddressPrivate"),
        (IPNetwork.Parse("192.168.0.0/16"), "AddressPrivate"),
        (IPNetwork.Parse("fc00::/7"), "AddressPrivate"),
        (IPNetwork.Parse("100.64.0.0/10"), "AddressShared"),
        (IPNetwork.Parse("224.0.0.0/4"), "AddressMulticast"),
        (IPNetwork.Parse("ff00::/8"), "AddressMulticast"),
        (IPNetwork.Parse("240.0.0.0/4"), "AddressReserved"),
    ];

    /// <summary>What kind of internal address this is, in the current language ("a loopback address"), or null for a public one.</summary>
    public static string? KindOf(IPAddress address)
    {
        var judged = Normalize(address);
        foreach (var (range, kind) in Ranges)
        {
            if (range.Contains(judged))
            {
                return RefusalText.Of(kind);
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
