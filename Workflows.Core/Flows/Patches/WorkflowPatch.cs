using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Flows.Patches;

/// <summary>A change of a running workflow (the spec's <c>PATCH /v2/flows/executions/{id}</c>), as the request asked it.</summary>
public sealed record WorkflowPatch : ItemPatch
{
    public PatchField<WorkflowStatus> Status { get; init; }

    public PatchField<FlowClosingReason> ClosingReason { get; init; }

    /// <summary>Whether the request names other records for the workflow (never allowed once it runs).</summary>
    public bool ChangesContexts { get; init; }
}
