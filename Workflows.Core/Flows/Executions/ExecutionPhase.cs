using System.Text.Json.Serialization;
using System.Text.Json;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Executions;

/// <summary>A phase in an execution. <see cref="Status"/> is derived from its tasks by the engine, never set.</summary>
public sealed class ExecutionPhase : FlowPhase
{
    public string TemplateId { get; set; } = "";

    public PhaseStatus Status { get; set; } = PhaseStatus.OPEN;

    public DateTimeOffset? UpdatedAt { get; set; }

    public TaskAnalytics Analytics { get; set; } = new();

    public LoopConfig? LoopConfig { get; set; }
}
