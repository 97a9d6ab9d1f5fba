namespace Workflows.Core.Automations;

/// <summary>An automation: triggers, ordered actions, an owner who is told when it is stopped, and a version.</summary>
public sealed class Automation
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Why it was switched off by the system (a loop); cleared when a person enables it again.</summary>
    public string? DisabledReason { get; set; }

    /// <summary>
    /// max_executions: how often it may be asked to run within the loop window before it is switched off as a loop;
    /// null takes <see cref="AutomationLimits.MaxExecutionsPerWindow"/>.
    /// </summary>
    public int? MaxExecutions { get; set; }

    public List<AutomationTrigger> Triggers { get; set; } = [];

    public List<AutomationAction> Actions { get; set; } = [];

    /// <summary>"|EntityCreated|TaskCompleted|": lets the outbox ask "does anything listen?" with a LIKE on any provider.</summary>
    public string TriggerKinds { get; set; } = "|";

    public string? OwnerId { get; set; }

    public string? OwnerName { get; set; }

    public int Version { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public static string KindsOf(IEnumerable<AutomationTrigger> triggers) =>
        "|" + string.Concat(triggers.Select(t => t.Type).Distinct().Select(t => $"{t}|"));
}
