namespace Workflows.Core.Automations;

public enum ActionStatus
{
    Succeeded,
    Failed,
    Skipped,
}
