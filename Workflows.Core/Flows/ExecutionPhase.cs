using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows;

/// <summary>A phase in an execution. <see cref="Status"/> is derived from its tasks by the engine, never set.</summary>
public sealed class ExecutionPhase : FlowPhase
{
    public string TemplateId { get; set; } = "";

    public PhaseStatus Status { get; set; } = PhaseStatus.OPEN;

    public DateTimeOffset? UpdatedAt { get; set; }

    public TaskAnalytics Analytics { get; set; } = new();

    public LoopConfig? LoopConfig { get; set; }
}
