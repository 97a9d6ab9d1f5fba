using System.Text.Json.Serialization;
using System.Text.Json;
using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Flows.Templates;

/// <summary>A phase of a template: a named group of tasks.</summary>
public class FlowPhase
{
    public required string Id { get; set; }

    public string Name { get; set; } = "";

    public FlowDueDate? DueDate { get; set; }

    public DueDateConfig? DueDateConfig { get; set; }

    public List<Assignee>? AssignedTo { get; set; }

    public List<string>? Taxonomies { get; set; }

    /// <summary>Whether (and under which name) the end customer sees this on the progress page.</summary>
    public EcpDetails? Ecp { get; set; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
