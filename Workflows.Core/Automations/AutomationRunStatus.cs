namespace Workflows.Core.Automations;

public enum AutomationRunStatus
{
    Queued,
    Running,
    Retrying,
    Succeeded,
    Failed,
}
