using System.Net;

namespace Workflows.Core.Automations.Webhooks;

/// <summary>
/// <c>Webhooks:AllowedHosts</c>: host names (<c>erp.intranet</c>, <c>*.corp.example</c>) and addresses or CIDR ranges
/// (<c>10.20.0.0/16</c>, <c>127.0.0.1</c>) that webhooks may call although they are internal. Empty by default: only
/// public addresses are called.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Each entry that is neither a host name, an address nor a CIDR range, said so the operator can fix it.</summary>
    public IEnumerable<string> Problems() =>
        Entries().Where(e => !IPNetwork.TryParse(e, out _) && !IPAddress.TryParse(e, out _) && Uri.CheckHostName(e.TrimStart('*', '.')) != UriHostNameType.Dns)
            .Select(e => $"Webhooks:AllowedHosts has \"{e}\", which is neither a host name, an IP address nor a CIDR range such as 10.0.0.0/8.");

    /// <summary>The entries, also when one setting lists several separated by commas or spaces.</summary>
    public IEnumerable<string> Entries() =>
        AllowedHosts.SelectMany(e => e.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
