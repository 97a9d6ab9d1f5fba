using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Workflows.Web.Hosting;

/// <summary>
/// Behind a reverse proxy (nginx, see <c>deploy/nginx.conf</c>) the app takes the client's address and scheme from
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, but only from proxies it trusts: loopback always, plus the
/// addresses in <c>ForwardedHeaders:KnownProxies</c> and the CIDR ranges in <c>ForwardedHeaders:KnownNetworks</c>
/// (lists, or comma-separated). Anyone else's headers are ignored, so a client cannot claim to be https or another
/// address. The host name is not taken from the proxy: nginx passes the original <c>Host</c> itself.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";

    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";

    public static IServiceCollection AddWorkflowsForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var wrong = new List<string>();
        var proxies = new List<IPAddress>();
        foreach (var value in Values(configuration, KnownProxiesKey))
        {
            if (IPAddress.TryParse(value, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                wrong.Add($"{KnownProxiesKey} holds \"{value}\", which is not an IP address such as 10.0.0.5.");
            }
        }

        var networks = new List<System.Net.IPNetwork>();
        foreach (var value in Values(configuration, KnownNetworksKey))
        {
            if (System.Net.IPNetwork.TryParse(value, out var network))
            {
                networks.Add(network);
            }
            else
            {
                wrong.Add($"{KnownNetworksKey} holds \"{value}\", which is not a CIDR range such as 172.16.0.0/12.");
            }
        }

        if (wrong.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", wrong));
        }

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults (loopback) stay: a proxy on the same machine is as trusted as the machine.
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return services;
    }

    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var raw = section.Value is { } single ? [single] : section.GetChildren().Select(child => child.Value ?? "");
        return raw.SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
