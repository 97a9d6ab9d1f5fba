using System.Security.Cryptography;
using System.Text;

namespace Workflows.Core.Automations.Actions;

/// <summary>
/// The signature a webhook receiver checks: <c>X-Workflows-Signature: sha256=&lt;hex HMAC-SHA256 of the body with the
/// shared secret&gt;</c>, like GitHub's webhooks.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Workflows-Signature";

    public const string DeliveryHeader = "X-Workflows-Delivery";

    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Checks a received signature in constant time.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(secret, body)), Encoding.ASCII.GetBytes(signature));
}
