using System.Text.Json.Serialization;
using Workflows.Core.Automations.Webhooks;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Automations;

/// <summary>
/// One step of an automation. Only the settings of its <see cref="Type"/> are used; text settings may contain
/// <c>{{entity.x}}</c>, <c>{{workflow.name}}</c>, <c>{{task.name}}</c> and the other values of <see cref="ValueTemplate"/>.
/// </summary>
public sealed record AutomationAction
{
    /// <summary>Stable within its automation: a resumed run skips the actions that already succeeded, by id.</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("N")[..12];

    public AutomationActionType Type { get; init; }

    /// <summary>UpdateEntity: the values to write.</summary>
    public List<AttributeAssignment>? Assignments { get; init; }

    /// <summary>TriggerWorkflow: the template to start on the trigger's record.</summary>
    public string? TemplateId { get; init; }

    /// <summary>SendEmail: recipients, comma separated; by default the record's <c>email</c>.</summary>
    public string? To { get; init; }

    public string? Subject { get; init; }

    /// <summary>SendEmail and AddNote: the text (a note is Markdown).</summary>
    public string? Body { get; init; }

    /// <summary>CallWebhook: where the event is POSTed.</summary>
    public string? Url { get; init; }

    /// <summary>
    /// CallWebhook: the key of the HMAC-SHA256 signature in clear, only on its way in: a person set or replaced it, or
    /// a row stored before keys were protected still holds it. A save stores it as <see cref="ProtectedSecret"/> and
    /// nothing reads it back (see <see cref="WebhookSecrets"/>).
    /// </summary>
    public string? Secret { get; init; }

    /// <summary>CallWebhook: the signing key as stored, encrypted with Data Protection.</summary>
    public string? ProtectedSecret { get; init; }

    /// <summary>CallWebhook, on the way in: drop the stored key.</summary>
    [JsonIgnore]
    public bool RemoveSecret { get; init; }

    /// <summary>CallWebhook, on the way out: a key is stored (its value is not given).</summary>
    [JsonIgnore]
    public bool HasSecret { get; init; }

    public int? TimeoutSeconds { get; init; }

    /// <summary>AssignRoundRobin: the team whose next present member gets the task.</summary>
    public string? TeamId { get; init; }

    /// <summary>SetPriority: the priority to give, 0 to 100.</summary>
    public int? Priority { get; init; }

    /// <summary>AssignRoundRobin, SetPriority and SetFollowUp: the task of the run's workflow to act on; by default the task that ran the automation.</summary>
    public string? TaskId { get; init; }

    /// <summary>SetFollowUp: in how many days (in the tenant's calendar) the task is followed up on, 1 to 365; 0 clears its follow-up date.</summary>
    public int? FollowUpDays { get; init; }

    /// <summary>The furthest a SetFollowUp action puts a task off: a year.</summary>
    public const int MaxFollowUpDays = 365;

    public string Describe() => Type switch
    {
        AutomationActionType.UpdateEntity => $"Update {string.Join(", ", (Assignments ?? []).Select(a => a.Attribute))}",
        AutomationActionType.TriggerWorkflow => $"Start workflow {TemplateId}",
        AutomationActionType.SendEmail => $"Send e-mail \"{Subject}\"",
        AutomationActionType.CallWebhook => $"Call webhook {Url}",
        AutomationActionType.AddNote => "Add a note",
        AutomationActionType.CompleteTask => "Complete the task",
        AutomationActionType.AssignRoundRobin => $"Assign round-robin to team {TeamId}",
        AutomationActionType.SetPriority => $"Set the priority of {TaskId ?? "the task"} to {(Priority is { } p ? TaskPriority.Describe(p) : "?")}",
        AutomationActionType.SetFollowUp => FollowUpDays is 0 ? $"Clear the follow-up date of {TaskId ?? "the task"}" : $"Follow up on {TaskId ?? "the task"} in {FollowUpDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} days",
        _ => Type.ToString(),
    };
}
