using Microsoft.Extensions.Logging;

namespace Workflows.Core.Automations;

/// <summary>
/// Stands in until the job worker registers its own <see cref="IAutomationRunQueue"/>: it only logs. The task stays
/// IN_PROGRESS, visibly waiting, rather than pretending the automation ran.
/// </summary>
public sealed class NoAutomationWorker(ILogger<NoAutomationWorker> logger) : IAutomationRunQueue
{
    public Task EnqueueAsync(AutomationRunRequest run, CancellationToken cancellationToken)
    {
        logger.LogWarning(
            "Automation {Automation} of task {Task} in workflow {Execution} was started, but no automation worker is registered to run it.",
            run.AutomationFlowId, run.TaskId, run.ExecutionId);
        return Task.CompletedTask;
    }
}
