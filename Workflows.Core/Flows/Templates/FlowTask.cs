using System.Text.Json.Serialization;
using System.Text.Json;
using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Flows.Templates;

/// <summary>
/// A task of a template. One class for all <see cref="TaskType"/>s: the members of the other types
/// stay null, so any combination the spec or a client sends round-trips unchanged.
/// <see cref="ExecutionTask"/> derives from it to add run state, which is why it is not sealed.
/// </summary>
public class FlowTask
{
    public required string Id { get; set; }

    public string Name { get; set; } = "";

    public TaskType TaskType { get; set; } = TaskType.MANUAL;

    public TaskDescription? Description { get; set; }

    public TaskJourney? Journey { get; set; }

    public FlowDueDate? DueDate { get; set; }

    public DueDateConfig? DueDateConfig { get; set; }

    public List<EnableRequirement>? Requirements { get; set; }

    public List<Assignee>? AssignedTo { get; set; }

    public List<string>? Taxonomies { get; set; }

    public string? PhaseId { get; set; }

    public AutomationConfig? AutomationConfig { get; set; }

    /// <summary>Automation and decision tasks: run when reached (<c>automatic</c>, the default) or wait for a user.</summary>
    public TriggerMode? TriggerMode { get; set; }

    public ActionSchedule? Schedule { get; set; }

    public bool? CreatedAutomatically { get; set; }

    public List<Condition>? Conditions { get; set; }

    public LoopConfig? LoopConfig { get; set; }

    /// <summary>Decisions: take every branch that holds (default) or only the first.</summary>
    public bool? AllowParallelExecution { get; set; }

    /// <summary>Whether (and under which name) the end customer sees this on the progress page.</summary>
    public EcpDetails? Ecp { get; set; }
    /// <summary>How urgent the task is, 0 to 100 (<see cref="TaskPriority"/>); null counts as the default.</summary>
    public int? Priority { get; set; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    [JsonIgnore]
    public bool IsAutomatic => TriggerMode != Flows.Templates.TriggerMode.Manual;

    [JsonIgnore]
    public bool TakesParallelBranches => AllowParallelExecution ?? true;
}
