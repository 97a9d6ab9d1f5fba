using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Workflows.Core.Localization;

namespace Workflows.Core.Automations.Webhooks;

/// <summary>
/// Which addresses a webhook may reach: public ones, and internal ones only when <c>Webhooks:AllowedHosts</c> names
/// the host or a range holding the address. It is asked where the connection is made, after DNS resolution, so it
/// also judges every redirect and a name that resolves differently the second time.
/// </summary>
public sealed class WebhookAddressPolicy
{
    private readonly HashSet<string> hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> hostSuffixes = [];
    private readonly List<IPNetwork> ranges = [];

    public WebhookAddressPolicy(IOptions<WebhookOptions> options)
    {
        foreach (var entry in options.Value.Entries())
        {
            if (IPNetwork.TryParse(entry, out var range))
            {
                ranges.Add(range);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                var single = InternalAddresses.Normalize(address);
                ranges.Add(new IPNetwork(single, single.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
            else if (entry.StartsWith("*.", StringComparison.Ordinal))
            {
                hostSuffixes.Add(entry[1..]);
            }
            else
            {
                hosts.Add(entry);
            }
        }
    }

    /// <summary>Why <paramref name="address"/>, reached as <paramref name="host"/>, may not be called; null when it may.</summary>
    public string? RefusalFor(string host, IPAddress address)
    {
        if (InternalAddresses.KindOf(address) is not { } kind || IsAllowed(host, address))
        {
            return null;
        }

        var shown = InternalAddresses.Normalize(address).ToString();
        var named = string.Equals(host, shown, StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host, out _) ? shown : $"{host} ({shown})";
        return RefusalText.Of("WebhookAddressRefused", named, kind);
    }

    /// <summary>
    /// The check that is cheap before anything is sent: a URL whose host is an internal address written out (or
    /// <c>localhost</c>). A name that resolves to one is caught when it is called.
    /// </summary>
    public string? RefusalFor(Uri uri)
    {
        var host = uri.IdnHost.Trim('[', ']');
        if (IPAddress.TryParse(host, out var literal))
        {
            return RefusalFor(host, literal);
        }

        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            ? RefusalFor(host, IPAddress.Loopback)
            : null;
    }

    /// <summary>
    /// <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, keeps the addresses it may reach and
    /// connects to the first that answers; refuses when none is left.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var refusals = addresses.Select(a => (Address: a, Refusal: RefusalFor(host, a))).ToList();
        var allowed = refusals.Where(r => r.Refusal is null).Select(r => r.Address).ToArray();
        if (allowed.Length == 0)
        {
            throw new WebhookAddressRefusedException(refusals.FirstOrDefault().Refusal ?? RefusalText.Of("WebhookHostWithoutAddress", host));
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Whether <c>Webhooks:AllowedHosts</c> names this host, or holds it when it is an address.</summary>
    public bool IsListed(string host)
    {
        var bare = host.Trim('[', ']');
        return IPAddress.TryParse(bare, out var address) ? IsAllowed(bare, address) : NamesHost(bare);
    }

    private bool NamesHost(string host) => hosts.Contains(host) || hostSuffixes.Exists(s => host.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    private bool IsAllowed(string host, IPAddress address)
    {
        if (NamesHost(host))
        {
            return true;
        }

        var judged = InternalAddresses.Normalize(address);
        return ranges.Exists(r => r.Contains(judged) || (address.IsIPv4MappedToIPv6 && r.Contains(address)));
    }
}
