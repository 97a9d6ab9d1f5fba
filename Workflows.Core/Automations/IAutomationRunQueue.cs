namespace Workflows.Core.Automations;

/// <summary>
/// The seam between workflows and the automation job worker. A started automation task (IN_PROGRESS, with an
/// <c>automation_execution_id</c>) is handed over here; the worker runs the automation and reports back through
/// <c>FlowExecutionService.ApplyAsync</c> with <c>AutomationCompleted</c> or <c>AutomationFailed</c>.
/// </summary>
public interface IAutomationRunQueue
{
    Task EnqueueAsync(AutomationRunRequest run, CancellationToken cancellationToken);
}
