namespace Workflows.Core.Flows;

/// <summary>The configuration section <c>Workflows</c>, from which <see cref="FlowSettings"/> is made.</summary>
internal sealed class WorkflowsOptions
{
    /// <summary>The IANA (or Windows) id of the zone whose calendar decides "today" for date-only due dates.</summary>
    public string TimeZone { get; set; } = "Europe/Berlin";

    /// <summary>The address customers reach the app at, for links in e-mails (<c>{{progress_link}}</c>); unset, e-mails carry none.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>The language (<c>de</c> or <c>en</c>) of people who chose none, where no browser tells (e-mails, notifications).</summary>
    public string Language { get; set; } = "en";
}
