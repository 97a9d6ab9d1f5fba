using Workflows.Core.Flows.Engine;

namespace Workflows.Core.Webhooks;

/// <summary>
/// An integrator's subscription: the workflow events it wants, optionally only of some templates, POSTed to
/// <see cref="Url"/> and signed with its secret. The secret is kept encrypted and never read back.
/// </summary>
public sealed class WebhookSubscription
{
    public required string Id { get; init; }

    public required string OwnerId { get; set; }

    public string OwnerName { get; set; } = "";

    public required string Url { get; set; }

    public string? Description { get; set; }

    public List<FlowEventType> EventTypes { get; set; } = [];

    /// <summary>Only events of workflows started from these templates; empty means every template.</summary>
    public List<string> TemplateIds { get; set; } = [];

    public bool Enabled { get; set; } = true;

    /// <summary>Why the subscription was switched off by the product (repeated failure); null when a person did it.</summary>
    public string? DisabledReason { get; set; }

    /// <summary>The signing secret (<c>whsec_…</c>) encrypted with the secret protector.</summary>
    public required string ProtectedSecret { get; set; }

    /// <summary>Deliveries in a row that failed all their attempts; a success sets it back to 0.</summary>
    public int ConsecutiveFailures { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool Wants(FlowEventType type, string? templateId) =>
        Enabled && EventTypes.Contains(type) && (TemplateIds.Count == 0 || (templateId is not null && TemplateIds.Contains(templateId)));
}
