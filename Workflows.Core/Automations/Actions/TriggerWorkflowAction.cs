using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;


namespace Workflows.Core.Automations.Actions;

/// <summary>
/// Starts a workflow template on the trigger's record: how workflows start "with an automation". The new workflow
/// records the chain it belongs to, so a loop of workflows and automations stops at the engine's depth limit.
/// </summary>
internal sealed class TriggerWorkflowAction(FlowExecutionService executions) : IActionHandler
{
    public AutomationActionType Type => AutomationActionType.TriggerWorkflow;

    public async Task<string> RunAsync(AutomationAction action, ActionContext context, CancellationToken cancellationToken)
    {
        var record = context.Scope.Entity ?? throw new ActionFailedException("This run has no record to start the workflow on.");
        if (string.IsNullOrWhiteSpace(action.TemplateId))
        {
            throw new ActionFailedException("The action names no workflow template.");
        }

        var chain = new ExecutionChain
        {
            ParentExecutionId = context.Run.ExecutionId,
            ParentTaskId = context.Run.TaskId,
            Depth = context.ChainDepth + 1,
        };
        var trigger = new ExecutionTrigger
        {
            Type = ExecutionTriggerType.AUTOMATIC,
            AutomationConfig = new AutomationConfig { FlowId = context.Run.AutomationId, ExecutionId = context.Run.Id },
        };
        var started = await executions.StartAsync(
            action.TemplateId, [new EntityRef { EntityId = record.Id, EntitySchema = record.Schema, IsPrimary = true }],
            context.Actor, cancellationToken, trigger, chain);
        if (!started.Succeeded)
        {
            throw new ActionFailedException(started.Error!);
        }

        return $"Started \"{started.Value.Name}\" ({started.Value.Id}) on {record.Title}.";
    }
}
