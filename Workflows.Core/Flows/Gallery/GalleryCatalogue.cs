using Workflows.Core.ClosingReasons;
using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Gallery;

/// <summary>
/// What the gallery templates refer to outside themselves: the closing reasons they offer and the partners they assign
/// work to. An installation that uses the templates keeps these ids in its catalogue; the demo seed creates them.
/// </summary>
internal static class GalleryCatalogue
{
    public const string SolarPartnerId = "partner-solartech";

    public const string MeterPartnerId = "partner-messdienst";

    /// <summary>The reasons, titled in the current UI culture's language.</summary>
    public static IReadOnlyList<(string Id, string Title, ClosingReasonStatus Status)> ClosingReasons =>
    [
        ("cr-customer-cancelled", T("Reason_CustomerCancelled"), ClosingReasonStatus.ACTIVE),
        ("cr-duplicate", T("Reason_Duplicate"), ClosingReasonStatus.ACTIVE),
        ("cr-not-feasible", T("Reason_NotFeasible"), ClosingReasonStatus.ACTIVE),
        ("cr-no-response", T("Reason_NoResponse"), ClosingReasonStatus.ACTIVE),
        ("cr-credit-check", T("Reason_CreditCheck"), ClosingReasonStatus.ACTIVE),
        ("cr-other-provider", T("Reason_OtherProvider"), ClosingReasonStatus.ACTIVE),
    ];

    private static string T(string key) => Languages.Text<GalleryText>(key);
}
