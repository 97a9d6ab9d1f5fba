using Workflows.Core.Identity;

namespace Workflows.Core.Flows.Executions;

/// <summary>
/// Running and finished workflows as a user may read them (<see cref="TaskAccess"/>): whole for staff; for a confined
/// user only those with a task of theirs, showing only those tasks, and "not found" for every other one.
/// </summary>
public sealed class VisibleExecutions(FlowExecutionService executions)
{
    public async Task<Outcome<FlowExecution>> GetAsync(string executionId, IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        var execution = await executions.GetAsync(executionId, cancellationToken);
        return execution is not null && TaskAccess.MaySee(execution, scope)
            ? TaskAccess.ForViewer(execution, scope)
            : TaskAccess.NoWorkflow(executionId);
    }

    /// <summary>The workflows on a record (of that schema, when one is named), in the order of <see cref="FlowExecutionService.ListForEntityAsync"/>.</summary>
    public async Task<IReadOnlyList<FlowExecution>> ListForEntityAsync(
        string entityId, string? entitySchema, IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        var found = await executions.ListForEntityAsync(entityId, cancellationToken);
        return
        [
            .. found
                .Where(x => entitySchema is null || x.PrimaryContext?.EntitySchema == entitySchema)
                .Where(x => TaskAccess.MaySee(x, scope))
                .Select(x => TaskAccess.ForViewer(x, scope)),
        ];
    }
}
