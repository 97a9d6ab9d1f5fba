using Workflows.Core.ClosingReasons;

namespace Workflows.Core.Flows.Gallery;

/// <summary>
/// What the gallery templates refer to outside themselves: the closing reasons they offer and the partners they assign
/// work to. An installation that uses the templates keeps these ids in its catalogue; the demo seed creates them.
/// </summary>
internal static class GalleryCatalogue
{
    public const string SolarPartnerId = "partner-solartech";

    public const string MeterPartnerId = "partner-messdienst";

    public static IReadOnlyList<(string Id, string Title, ClosingReasonStatus Status)> ClosingReasons { get; } =
    [
        ("cr-customer-cancelled", "Customer cancelled", ClosingReasonStatus.ACTIVE),
        ("cr-duplicate", "Duplicate request", ClosingReasonStatus.ACTIVE),
        ("cr-not-feasible", "Technically not feasible", ClosingReasonStatus.ACTIVE),
        ("cr-no-response", "No response from customer", ClosingReasonStatus.ACTIVE),
        ("cr-credit-check", "Credit check failed", ClosingReasonStatus.ACTIVE),
        ("cr-other-provider", "Customer chose another provider", ClosingReasonStatus.ACTIVE),
    ];
}
