namespace Workflows.Core.Flows.Executions;

/// <summary>
/// A task's follow-up date (Camunda Tasklist's <c>followUpDate</c>): the day someone means to look at it again. Until
/// that day, in the tenant's calendar, the task stays out of its assignees' open task lists; from that day on it is
/// back. It changes nothing else: the task can still be worked, and it still shows on its record.
/// </summary>
public static class TaskFollowUp
{
    /// <summary>Whether a task that follows up on <paramref name="followUp"/> is still waiting on <paramref name="today"/>.</summary>
    public static bool Waits(DateOnly? followUp, DateOnly today) => followUp > today;
}
